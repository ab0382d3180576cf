// The importer on its fixtures (tests/fixtures/import, made by scripts/make-import-fixtures.ts): counts, row
// numbers and reasons per file, and a dataset the atlas's own validation accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAgreements, ImportError, type ImportResult } from '../../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../../src/domain/schema';
import { validateDataset } from '../../../src/domain/validate-dataset';
import { buildIndex } from '../../../src/domain/atlas-index';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const run = (name: string, bytes = fixture(name)) => importAgreements(bytes, name, { base, asOf: '2025-12' });
const statuses = (r: ImportResult) => r.rows.map((row) => `${row.row}:${row.status}${row.status === 'rejected' ? `:${row.reason}` : ''}`);

function expectValidDataset(r: ImportResult) {
  expect(() => parseDataset(r.dataset)).not.toThrow();
  expect(validateDataset(JSON.parse(JSON.stringify(r.dataset)))).toBeTruthy();
  const index = buildIndex(r.dataset);
  expect(r.dataset.agreements).toHaveLength(r.summary.placed + r.summary.approximate);
  expect(index.links.length).toBeGreaterThan(0);
  expect(r.summary.rows).toBe(r.summary.placed + r.summary.approximate + r.summary.rejected);
}

describe('importAgreements', () => {
  it('reads a Shift_JIS (CP932) CSV with Japanese headers, eras and partial dates', async () => {
    const r = await run('partners-sjis.csv');
    expect(r.encoding).toBe('shift_jis');
    expect(r.format).toBe('csv');
    expect(r.summary).toEqual({ rows: 5, placed: 3, approximate: 2, rejected: 0, byCity: 0, ambiguous: 0 });
    expect(statuses(r)).toEqual(['2:placed', '3:placed', '4:placed', '5:approximate', '6:approximate']);
    const names = r.dataset.institutions.map((i) => i.name.ja);
    // CP932's 髙 (an IBM extension) survives decoding.
    expect(names).toContain('髙雄医学大学');
    const byRow = new Map(r.dataset.agreements.map((a) => [a.source.line, a]));
    expect(byRow.get(2)).toMatchObject({ signed: '1998-05-19', signedPrecision: 'day', tuitionWaiver: true, institutionIds: ['rwth-aachen-university'] });
    expect(byRow.get(3)).toMatchObject({ signed: '2012-04-01', signedPrecision: 'day' });
    expect(byRow.get(4)).toMatchObject({ signed: '2012-04-01', signedPrecision: 'month', tuitionWaiver: false, institutionIds: ['harvard-university'] });
    expect(byRow.get(5)).toMatchObject({ signed: '2011-10-01', signedPrecision: 'day' });
    expect(byRow.get(6)).toMatchObject({ signed: '2010-01-01', signedPrecision: 'year', tuitionWaiver: null });
    // 豪州 is Australia, 台湾 Taiwan: the atlas's own country records are reused.
    expect(r.dataset.countries.map((c) => c.code).sort()).toEqual(['AU', 'DE', 'KR', 'TW', 'US']);
    expectValidDataset(r);
  });

  it('rejects bad rows with their row numbers and reasons, and keeps the good ones (UTF-8 with BOM)', async () => {
    const r = await run('partners-bad.csv');
    expect(r.encoding).toBe('utf-8');
    expect(r.summary).toEqual({ rows: 8, placed: 3, approximate: 1, rejected: 4, byCity: 0, ambiguous: 0 });
    expect(statuses(r)).toEqual([
      '2:placed',
      '3:rejected:no-name',
      '4:rejected:unknown-country',
      '5:rejected:impossible-date',
      '6:rejected:bad-coordinates',
      '7:placed',
      '8:approximate',
      '9:placed',
    ]);
    const chile = r.dataset.institutions.find((i) => i.name.en === 'Universidad de Chile')!;
    expect(chile).toMatchObject({ country: 'CL', lat: -33.44, lng: -70.65 });
    expect(chile.identification).toBeUndefined();
    const unknown = r.dataset.institutions.find((i) => i.name.en === 'Unknown College')!;
    // Approximate: the middle of South Korea, flagged uncertain so the card says so.
    expect(unknown.country).toBe('KR');
    expect(unknown.lat).toBeGreaterThan(34);
    expect(unknown.lat).toBeLessThan(38.5);
    expect(unknown.identification?.confidence).toBe('uncertain');
    expectValidDataset(r);
  });

  it('reads a TSV with English headers, alpha-3 codes and a department column', async () => {
    const r = await run('partners.tsv');
    expect(r.format).toBe('tsv');
    expect(r.summary).toEqual({ rows: 2, placed: 2, approximate: 0, rejected: 0, byCity: 0, ambiguous: 0 });
    expect(r.dataset.agreements.map((a) => a.level)).toEqual(['university', 'department']);
    expect(r.dataset.departments).toEqual([
      { id: 'graduate-school-of-engineering', ja: 'Graduate School of Engineering', en: 'Graduate School of Engineering', statedCount: null, source: null },
    ]);
    expectValidDataset(r);
  });

  it('reads an XLSX: title row skipped, merged header and country cells, era dates, Excel serials; sheet row numbers', async () => {
    const r = await run('partners.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.mapping.headerRow).toBe(3);
    expect(r.mapping.columns.map((c) => c.field)).toEqual(['country', 'name', 'nameEn', 'department', 'signed', 'waiver']);
    expect(statuses(r)).toEqual(['4:placed', '5:placed', '6:approximate', '7:placed', '8:placed', '9:rejected:unknown-country', '10:approximate']);
    const byRow = new Map(r.dataset.agreements.map((a) => [a.source.line, a]));
    // ドイツ is merged over rows 4–6: each row has it.
    expect(byRow.get(6)!.institutionIds).toHaveLength(1);
    expect(r.dataset.institutions.find((i) => i.id === byRow.get(6)!.institutionIds[0])).toMatchObject({
      country: 'DE',
      name: { ja: 'ミュンスター大学', en: 'University of Münster' },
    });
    expect(byRow.get(4)).toMatchObject({ signed: '1998-05-19', signedPrecision: 'day', tuitionWaiver: true });
    expect(byRow.get(5)).toMatchObject({ signed: '2004-03-01', institutionIds: ['tu-dortmund-university'] });
    expect(byRow.get(6)).toMatchObject({ signed: '2019-01-01', signedPrecision: 'year', level: 'department' });
    expect(byRow.get(7)).toMatchObject({ signed: '2001-04-16', signedPrecision: 'day' });
    expect(byRow.get(8)).toMatchObject({ signed: '1983-01-01', signedPrecision: 'year', tuitionWaiver: false });
    expect(byRow.get(10)).toMatchObject({ signed: '2001-04-19' });
    expectValidDataset(r);
  });

  it('lets the mapping be corrected: a column chosen by hand replaces the header', async () => {
    const bytes = new TextEncoder().encode('学校,国,年\nハーバード大学,アメリカ,2001\n');
    const guessed = await importAgreements(bytes, 'list.csv', { base, asOf: '2025-12' }).catch((e: unknown) => e);
    // 学校 and 年 name no field: only 国 is found, and a header needs a name column.
    expect(guessed).toBeInstanceOf(ImportError);
    const fixed = await importAgreements(new TextEncoder().encode('大学,国,年\nハーバード大学,アメリカ,2001\n'), 'list.csv', {
      base,
      asOf: '2025-12',
      columns: { name: 0, country: 1, signed: 2 },
    });
    expect(fixed.summary.placed).toBe(1);
    expect(fixed.dataset.agreements[0]).toMatchObject({ signed: '2001-01-01', signedPrecision: 'year' });
  });

  it('rejects dates after the list month and dates of unreadable text', async () => {
    const csv = 'name,country,signed\nA University,France,2030-01-01\nB University,France,someday\nC University,France,\n';
    const r = await importAgreements(new TextEncoder().encode(csv), 'x.csv', { base, asOf: '2025-12' });
    expect(statuses(r)).toEqual(['2:rejected:after-as-of', '3:rejected:unreadable-date', '4:approximate']);
    expect(r.dataset.agreements[0]).toMatchObject({ signed: null, signedPrecision: 'unknown' });
    expectValidDataset(r);
  });
});
