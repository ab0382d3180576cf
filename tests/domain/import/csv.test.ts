// The CSV/TSV reader (issue 27, item 10): a stray `"` costs one reported row, never the rows after it; quoting as
// RFC 4180 has it (doubled quotes, delimiters and line ends inside quotes) still reads as before.
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/domain/import/delimited';
import { readTable } from '../../../src/domain/import/table';

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

describe('a stray quote', () => {
  it('is reported with its row and the rows after it are read', async () => {
    const table = await readTable(
      csv([
        '大学名,国・地域,締結日',
        'Seoul National University,韓国,2012-04-01',
        '"Heidelberg University,ドイツ,2013-05-01',
        'Monash University,オーストラリア,2014-06-01',
        'University of Toronto,カナダ,2015-07-01',
        '"Peking University, Beijing",中国,2016-08-01',
      ]),
      'stray.csv',
    );
    expect(table.rows.map((r) => r.cells[0])).toEqual([
      '大学名',
      'Seoul National University',
      '"Heidelberg University',
      'Monash University',
      'University of Toronto',
      'Peking University, Beijing',
    ]);
    expect(table.rows[2]!.cells).toEqual(['"Heidelberg University', 'ドイツ', '2013-05-01']);
    expect(table.notes).toEqual([{ row: 3, code: 'unbalanced-quote' }]);
  });

  it('a quote that never closes is reported, and its line read as text', () => {
    expect(parseDelimited('a,b\n"c,d\ne,f', ',')).toEqual({
      records: [
        ['a', 'b'],
        ['"c', 'd'],
        ['e', 'f'],
      ],
      unbalancedQuotes: [2],
    });
  });
});

describe('RFC 4180 quoting', () => {
  it('reads doubled quotes, delimiters and line ends inside quotes, CRLF and a last line without one', () => {
    expect(parseDelimited('name,note\r\n"A ""B"" C","x, y"\r\n"multi\nline",z\nlast,', ',')).toEqual({
      records: [
        ['name', 'note'],
        ['A "B" C', 'x, y'],
        ['multi\nline', 'z'],
        ['last', ''],
      ],
      unbalancedQuotes: [],
    });
  });

  it('reads TSV, empty fields and blank lines as d3 did', () => {
    expect(parseDelimited('a\tb\n\t\n\nc\t"d"', '\t').records).toEqual([['a', 'b'], ['', ''], [''], ['c', 'd']]);
  });

  it('a quote inside a plain field is text', () => {
    expect(parseDelimited('Foo "Bar" Univ,US', ',').records).toEqual([['Foo "Bar" Univ', 'US']]);
  });
});

describe('a 20 MB cell', () => {
  it('refuses the file with its row, not a stack overflow', async () => {
    const bytes = csv(['大学名,国・地域,締結日', 'Seoul National University,韓国,2012-04-01', `${'x'.repeat(20_000_000)},韓国,2013-01-01`]);
    const error = await readTable(bytes, 'big.csv').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'UnreadableFileError', code: 'too-long', row: 3 });
  });
});

describe('user text', () => {
  it('loses bidi embeddings, overrides and isolates (an open U+202E would reverse the page after it)', async () => {
    const table = await readTable(csv(['大学名,国・地域,締結日', 'Evil\u202eytisrevinU,韓国,2012-04-01', 'A\u2067B\u2069C,韓国,2013-01-01']), 'bidi.csv');
    expect(table.rows[1]!.cells[0]).toBe('EvilytisrevinU');
    expect(table.rows[2]!.cells[0]).toBe('ABC');
  });

  it('#REF!, #N/A and #VALUE! in a date cell are reported problems, not undated agreements', async () => {
    const { importAgreements } = await import('../../../src/domain/import/importer');
    const { readFileSync } = await import('node:fs');
    const { parseDataset } = await import('../../../src/domain/schema');
    const base = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
    const result = await importAgreements(
      csv(['大学名,国・地域,締結日', 'Seoul National University,韓国,#REF!', 'Monash University,オーストラリア,#N/A', 'Heidelberg University,ドイツ,#VALUE!']),
      'errors.csv',
      { base, asOf: '2025-12' },
    );
    expect(result.rows.map((r) => (r.status === 'rejected' ? [r.reason, r.value] : r.status))).toEqual([
      ['unreadable-date', '#REF!'],
      ['unreadable-date', '#N/A'],
      ['unreadable-date', '#VALUE!'],
    ]);
  });
});
