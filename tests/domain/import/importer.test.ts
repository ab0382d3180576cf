// The importer on its fixtures (tests/fixtures/import, made by scripts/make-import-fixtures.ts): counts, row
// numbers and reasons per file, and a dataset the atlas's own validation accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cityLookup, type CityGazetteer } from '../../../src/domain/import/cities';
import { detectMapping, importAgreements, ImportError, mapTable, needsCities, previewOf, type ImportResult } from '../../../src/domain/import/importer';
import { readTable } from '../../../src/domain/import/table';
import { foldForSearch } from '../../../src/domain/search';
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
    expect(r.summary).toEqual({ rows: 5, placed: 3, approximate: 2, rejected: 0, byCity: 0, ambiguous: 0, skipped: 0 });
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
    expect(r.summary).toEqual({ rows: 8, placed: 3, approximate: 1, rejected: 4, byCity: 0, ambiguous: 0, skipped: 0 });
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
    // Approximate: the middle of South Korea; the card says the city is not known (not an identification doubt).
    expect(unknown.country).toBe('KR');
    expect(unknown.lat).toBeGreaterThan(34);
    expect(unknown.lat).toBeLessThan(38.5);
    expect(unknown.placement).toBe('country');
    expect(unknown.identification).toBeUndefined();
    expectValidDataset(r);
  });

  it('reads a TSV with English headers, alpha-3 codes and a department column', async () => {
    const r = await run('partners.tsv');
    expect(r.format).toBe('tsv');
    expect(r.summary).toEqual({ rows: 2, placed: 2, approximate: 0, rejected: 0, byCity: 0, ambiguous: 0, skipped: 0 });
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

  it('reads a two-row header in CSV: group cells over their labels, under a title row', async () => {
    const r = await run('two-row-header.csv');
    expect(r.mapping).toMatchObject({ headerRow: 3, headerRows: 2 });
    expect(r.mapping.columns.map((c) => c.field)).toEqual([null, 'nameJa', 'nameEn', 'country', 'city', 'signed', 'expires', 'waiver']);
    expect(r.mapping.columns[1]!.header).toBe('協定校 / 和文');
    expect(statuses(r)).toEqual(['4:placed', '5:approximate', '6:approximate', '7:approximate', '8:rejected:expires-before-signed']);
    expect(r.dataset.institutions.find((i) => i.id === 'rwth-aachen-university')?.name.ja).toBe('アーヘン工科大学');
    expectValidDataset(r);
  });

  it('reads a two-row header in XLSX, merged cells across and down', async () => {
    const r = await run('two-row-header.xlsx');
    expect(r.mapping).toMatchObject({ headerRow: 3, headerRows: 2 });
    expect(r.mapping.columns.map((c) => c.field)).toEqual([null, 'nameJa', 'nameEn', 'country', 'signed', 'expires', 'waiver']);
    expect(statuses(r)).toEqual(['4:placed', '5:placed']);
    const [peking, cambridge] = r.dataset.agreements;
    expect(peking).toMatchObject({ signed: '2001-04-16', expires: { date: '2021-04-15', precision: 'day' } });
    expect(cambridge!.expires).toBeUndefined();
    expectValidDataset(r);
  });

  it('keeps end dates with their precision; "自動更新" and an empty cell mean no end; an end before signing is rejected', async () => {
    const r = await run('two-row-header.csv');
    const byRow = new Map(r.dataset.agreements.map((a) => [a.source.line, a]));
    expect(byRow.get(4)!.expires).toEqual({ date: '2028-05-18', precision: 'day' });
    expect(byRow.get(5)!.expires).toEqual({ date: '2009-03-31', precision: 'day' });
    expect(byRow.get(6)!.expires).toBeUndefined();
    expect(byRow.get(7)!.expires).toEqual({ date: '2015-01-01', precision: 'year' });
    expect(r.rows.find((row) => row.row === 8)).toEqual({ row: 8, status: 'rejected', reason: 'expires-before-signed', value: '2000/3/31' });
    const bad = await importAgreements(
      new TextEncoder().encode('name,country,signed,expires\nA University,France,2001,someday\nB University,France,2001,2001-02-30\n'),
      'x.csv',
      {
        base,
        asOf: '2025-12',
      },
    );
    expect(statuses(bad)).toEqual(['2:rejected:unreadable-expiry', '3:rejected:impossible-expiry']);
  });

  it('reads a survey: 大学名 beside 相手機関名 is the home university; a person can still correct the columns', async () => {
    const bytes = fixture('survey-style.csv');
    const table = await readTable(bytes, 'survey-style.csv');
    const guessed = detectMapping(table);
    expect(guessed.columns.map((c) => c.field)).toEqual([null, 'home', 'country', 'name', 'signed']);
    const before = mapTable(table, guessed, 'survey-style.csv', { base, asOf: '2025-12' });
    expect(before.summary).toMatchObject({ rows: 5, placed: 4, approximate: 1 });
    // Every row names the same home: the home guess.
    expect(before.inferred.home).toBe('東北大学');
    const wrong = mapTable(table, detectMapping(table, { name: 1, home: null }), 'survey-style.csv', { base, asOf: '2025-12' });
    // Every row is "東北大学" in another country: five partners of that name, pinned at their countries' middles.
    expect(wrong.summary).toMatchObject({ rows: 5, placed: 0, approximate: 5 });
    const corrected = detectMapping(table, { name: 3, country: 2 });
    expect(corrected.columns.map((c) => c.field)).toEqual([null, 'home', 'country', 'name', 'signed']);
    const after = mapTable(table, corrected, 'survey-style.csv', { base, asOf: '2025-12' });
    expect(after.summary).toMatchObject({ rows: 5, placed: 4, approximate: 1, rejected: 0 });
    expect(after.dataset.institutions.map((i) => i.id)).toContain('harvard-university');
    // "Not used": no column for the date, so no agreement is dated.
    const undated = mapTable(table, detectMapping(table, { name: 3, signed: null }), 'survey-style.csv', { base, asOf: '2025-12' });
    expect(undated.dataset.agreements.every((a) => a.signed === null && a.signedPrecision === 'unknown')).toBe(true);
    expect(previewOf(after, 100)).toMatchObject({ summary: after.summary, problems: [], ambiguous: [], agreements: 5, withEndDate: 0 });
  });

  it('without a recognisable header, a chosen name column makes the first row the header', async () => {
    const table = await readTable(new TextEncoder().encode('学校,所,年\nハーバード大学,米国,2001\n'), 'x.csv');
    expect(() => detectMapping(table)).toThrow(ImportError);
    const error = (() => {
      try {
        detectMapping(table);
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(error?.firstRow).toEqual(['学校', '所', '年']);
    const mapping = detectMapping(table, { name: 0, country: 1, signed: 2 });
    expect(mapTable(table, mapping, 'x.csv', { base, asOf: '2025-12' }).summary).toMatchObject({ rows: 1, placed: 1 });
  });

  it('places rows by their city (the gazetteer), the most populous of a shared name, and says which were ambiguous', async () => {
    const gazetteer: CityGazetteer = {
      version: 1,
      minPopulation: 15000,
      countries: {
        US: [
          ['Springfield', 39.8, -89.64],
          ['Portland', 45.52, -122.68],
          ['Springfield', 37.22, -93.3],
          ['Portland', 43.66, -70.26],
        ],
        DE: [['Münster', 51.96, 7.63, 'ミュンスター']],
      },
    };
    const cities = cityLookup(gazetteer, foldForSearch);
    const csv =
      'name,country,city\nA College,USA,springfield\nB College,USA,Portland\nC College,USA,Nowhere\nD Universität,Germany,ミュンスター\nE Hochschule,Germany,MUNSTER\n';
    const bytes = new TextEncoder().encode(csv);
    const table = await readTable(bytes, 'x.csv');
    expect(needsCities(table, detectMapping(table))).toBe(true);
    const r = await importAgreements(bytes, 'x.csv', { base, asOf: '2025-12', cities });
    expect(statuses(r)).toEqual(['2:placed', '3:placed', '4:approximate', '5:placed', '6:placed']);
    expect(r.summary).toMatchObject({ byCity: 4, ambiguous: 2 });
    const a = r.dataset.institutions.find((i) => i.name.en === 'A College')!;
    expect(a).toMatchObject({ lat: 39.8, lng: -89.64, city: { en: 'Springfield' }, identification: { confidence: 'probable' } });
    expect(r.rows[0]).toMatchObject({ place: 'city', ambiguousCity: { city: 'springfield', country: 'US', candidates: 2 } });
    expect(r.dataset.institutions.find((i) => i.name.en === 'D Universität')).toMatchObject({ city: { en: 'Münster', ja: 'ミュンスター' }, lat: 51.96 });
    expect(r.dataset.institutions.find((i) => i.name.en === 'D Universität')!.identification).toBeUndefined();
    expect(previewOf(r, 1).ambiguous).toHaveLength(1);
    expectValidDataset(r);
  });
});
