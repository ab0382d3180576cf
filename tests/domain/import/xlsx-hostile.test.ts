// Workbooks that fight back (issue 27, items 1, 2 and 11): each ends quickly with rows or a reason, never a hang
// or a crash. On main the first two filled every cell of the range (a crash), the relationship id became a RegExp
// (a hang), the inflating sheet was inflated whole, and an encrypted workbook was called an old .xls.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, UnreadableFileError } from '../../../src/domain/import/table';
import { inflatingWorkbook, relsXml, sheetXml, workbook, workbookXml } from './hostile-workbook';

const HEADER = ['大学名', '国・地域', '締結日'];
const DATA = [
  ['Seoul National University', '韓国', '2012-04-01'],
  ['Heidelberg University', 'ドイツ', '2013-05-01'],
  ['Monash University', 'オーストラリア', '2014-06-01'],
];

async function refusal(bytes: Uint8Array): Promise<UnreadableFileError> {
  const error = await readTable(bytes, 'hostile.xlsx').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe('hostile workbooks', () => {
  it('a merged range A3:XFD1048576 fills the rows that hold data, up to the last column that does', async () => {
    const started = performance.now();
    const table = await readTable(workbook(sheetXml([HEADER, ...DATA], '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>')), 'm.xlsx');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(table.rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(table.rows[3]!.cells).toEqual(['Monash University', 'オーストラリア', '2014-06-01']);
    // Row 3's value fills row 4's empty cells only: none here, and no column past C.
    expect(Math.max(...table.rows.map((r) => r.cells.length))).toBe(3);
  });

  it('a single cell at XFD1048576 costs one row, not a million padded ones', async () => {
    const far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>';
    const table = await readTable(workbook(sheetXml([HEADER, ...DATA], '', far)), 'far.xlsx');
    expect(table.rows).toHaveLength(5);
    expect(table.rows[4]).toMatchObject({ number: 1_048_576 });
    expect(table.rows[4]!.cells).toHaveLength(16_384);
    expect(table.rows[4]!.cells[16_383]).toBe('far');
  });

  it('an empty styled cell at XFD1048576 is no row at all', async () => {
    const table = await readTable(workbook(sheetXml([HEADER, ...DATA], '', '<row r="1048576"><c r="XFD1048576" s="1"/></row>')), 'styled.xlsx');
    expect(table.rows).toHaveLength(4);
  });

  it('a sheet that inflates past the cap is refused as too big, early', async () => {
    const bytes = inflatingWorkbook(sheetXml([HEADER, ...DATA]).replace('</worksheet>', ''), 140, '</worksheet>');
    expect(bytes.length).toBeLessThan(2_000_000);
    const started = performance.now();
    const error = await refusal(bytes);
    expect(error.code).toBe('too-big');
    expect(error.message).toMatch(/inflates past 128 MB/);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('a sheet padded past the cell cap (1,300 rows with a value at column XFD) is refused with the reason', async () => {
    const rows = Array.from({ length: 1300 }, (_, n) => `<row r="${n + 2}"><c r="A${n + 2}"><v>${n}</v></c><c r="XFD${n + 2}"><v>1</v></c></row>`).join('');
    const error = await refusal(workbook(sheetXml([HEADER], '', rows)));
    expect(error.code).toBe('too-many-cells');
    expect(error.message).toMatch(/more than 20,000,000 cells/);
  }, 30_000);

  it('a relationship id is compared as a string, never made a pattern: (x+x+)+y ends at once', async () => {
    const evil = '(x+x+)+y';
    const decoy = `<Relationship Id="${'x'.repeat(40)}" Type="t" Target="worksheets/none.xml"/>`;
    const started = performance.now();
    const table = await readTable(workbook(sheetXml([HEADER, ...DATA]), { workbook: workbookXml(evil), rels: relsXml(evil, decoy) }), 'rel.xlsx');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(table.rows).toHaveLength(4);
  });

  it('no source file under src/domain/import builds a RegExp from text', () => {
    const dir = join(__dirname, '../../../src/domain/import');
    // Patterns built from constants, never from a file's content: countries.ts one of the curated country names
    // (escaped), dates.ts three of the month names.
    const fromConstants = new Map([
      ['countries.ts', 1],
      ['dates.ts', 3],
    ]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !fromConstants.has(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/new RegExp\(/);
    for (const [file, n] of fromConstants) expect(readFileSync(join(dir, file), 'utf8').match(/new RegExp\(/g), file).toHaveLength(n);
  });

  it('an encrypted workbook (OLE with EncryptionInfo) is called encrypted, not an old .xls', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);
    bytes.set(name, 1024);
    const error = await refusal(bytes);
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password/);
    const plain = new Uint8Array(4096);
    plain.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(plain)).code).toBe('xls');
  });

  it('an error cell (#REF!) is kept as its text', async () => {
    const sheet = sheetXml([HEADER, ['Seoul National University', '韓国', null]]).replace(
      '</row></sheetData>',
      '<c r="C2" t="e"><v>#REF!</v></c></row></sheetData>',
    );
    const table = await readTable(workbook(sheet), 'ref.xlsx');
    expect(table.rows[1]!.cells[2]).toBe('#REF!');
  });
});
