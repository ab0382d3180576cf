// CSV export: Excel-facing encoding (BOM, CRLF, quoting, formula guard), bilingual headers, one row per link, round trip.
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { agreementsToCsv, countCsvRows, csvFileName, guardFormula } from '../../src/domain/export-csv';
import { parseDataset, type Dataset } from '../../src/domain/schema';
import { MINI } from '../fixtures/mini-dataset';

const index = buildIndex(parseDataset(MINI));
const BOM = '\uFEFF';
const parse = (csv: string) => csvParse(csv.slice(BOM.length));

const EN_HEADER = [
  'Agreement ID',
  'Level',
  'Level (ja)',
  'Institution (en)',
  'Institution (ja)',
  'Country (en)',
  'Country (ja)',
  'Region (en)',
  'Region (ja)',
  'City (en)',
  'City (ja)',
  'Signed',
  'Tuition waiver',
  'Department (en)',
  'Department (ja)',
  'Partner unit (en)',
  'Partner unit (ja)',
  'Source line',
  'Source text',
];

/** MINI with awkward strings, to exercise quoting and the formula guard through the real pipeline. */
function hostileIndex() {
  const ds: Dataset = structuredClone(MINI);
  const sorbonne = ds.institutions.find((i) => i.id === 'sorbonne')!;
  sorbonne.name = { en: 'The "Quoted" University', ja: '一行目\n二行目' };
  sorbonne.city = { en: 'line\r\nbreak', ja: 'a,b' };
  const seoul = ds.institutions.find((i) => i.id === 'seoul')!;
  seoul.name = { en: '=HYPERLINK("http://evil.example","click")', ja: '+SUM(A1:A2)' };
  seoul.city = { en: '-2+3', ja: '@cmd' };
  const yonsei = ds.agreements.find((a) => a.id === 'd-engineering-yonsei')!;
  yonsei.unit = { en: '\tTabbed', ja: '\rReturn' };
  return buildIndex(parseDataset(ds));
}

describe('agreementsToCsv encoding', () => {
  const csv = agreementsToCsv(index, index.links, 'en');

  it('starts with a UTF-8 BOM so Excel reads the Japanese columns correctly', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.indexOf(BOM, 1)).toBe(-1);
  });

  it('ends every record with CRLF and has no bare CR or LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(1 + 5 + 1); // header, five agreements, empty string after the final CRLF
  });

  it('quotes a field with a comma, and only then', () => {
    expect(csv).toContain(',"University of California, A / University of California, B",');
    expect(csv).toContain(',Seoul National University,');
  });

  it('quotes fields with quotes or newlines, doubling inner quotes', () => {
    const hostile = agreementsToCsv(hostileIndex(), hostileIndex().links, 'en');
    expect(hostile).toContain(',"The ""Quoted"" University","一行目\n二行目",');
    expect(hostile).toContain(',"line\r\nbreak","a,b",');
    expect(csv).toContain(',ピエール・マリー・キュリー大学,'); // plain text stays unquoted
    expect(parse(hostile)[0]).toMatchObject({ 'Institution (en)': 'The "Quoted" University', 'City (en)': 'line\r\nbreak', 'City (ja)': 'a,b' });
  });

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['1999-08-19', 'a=b', 'Seoul', '', "'already"]) expect(guardFormula(ok)).toBe(ok);
    const hx = hostileIndex();
    const rows = parse(agreementsToCsv(hx, hx.links, 'en'));
    const seoul = rows.find((r) => r['Agreement ID'] === 'u-seoul')!;
    expect(seoul['Institution (en)']).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(seoul['Institution (ja)']).toBe(`'+SUM(A1:A2)`);
    expect(seoul['City (en)']).toBe(`'-2+3`);
    expect(seoul['City (ja)']).toBe(`'@cmd`);
    const yonsei = rows.find((r) => r['Agreement ID'] === 'd-engineering-yonsei')!;
    expect(yonsei['Partner unit (en)']).toBe(`'\tTabbed`);
    expect(yonsei['Partner unit (ja)']).toBe(`'\rReturn`);
    // No raw cell starts with a formula trigger once quoting is peeled off.
    for (const row of rows) for (const v of Object.values(row)) expect(v ?? '').not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('agreementsToCsv headers', () => {
  it('labels the English file in English, the Japanese twin bracketed', () => {
    expect(parse(agreementsToCsv(index, [], 'en')).columns).toEqual(EN_HEADER);
  });

  it('labels the Japanese file in Japanese, Japanese column of each pair first', () => {
    const columns = parse(agreementsToCsv(index, [], 'ja')).columns;
    expect(columns).toHaveLength(EN_HEADER.length);
    expect(columns.slice(0, 5)).toEqual(['協定ID', '種類', '種類（英語）', '大学・機関名（日本語）', '大学・機関名（英語）']);
    expect(columns).toContain('締結日');
    expect(columns).toContain('授業料不徴収');
    expect(new Set(columns).size).toBe(columns.length);
  });
});

describe('agreementsToCsv rows', () => {
  it('writes one row per agreement (as many as the atlas counts); a group lists its filtered institutions', () => {
    const csv = agreementsToCsv(index, index.links, 'en');
    expect(countCsvRows(csv)).toBe(5);
    const uc = index.links.filter((l) => l.agreement.id === 'u-uc');
    expect(parse(agreementsToCsv(index, uc, 'en')).map((r) => [r['Agreement ID'], r['Institution (en)'], r['City (en)']])).toEqual([
      ['u-uc', 'University of California, A / University of California, B', 'Berkeley / Davis'],
    ]);
    const onlyB = uc.filter((l) => l.institution.id === 'uc-b');
    expect(parse(agreementsToCsv(index, onlyB, 'en')).map((r) => r['Institution (en)'])).toEqual(['University of California, B']);
  });

  it('does not repeat a link passed twice', () => {
    expect(countCsvRows(agreementsToCsv(index, [...index.links, ...index.links], 'en'))).toBe(5);
  });

  it('gives the header only for no links', () => {
    const csv = agreementsToCsv(index, [], 'en');
    expect(countCsvRows(csv)).toBe(0);
    expect(csv).toBe(`${BOM}${EN_HEADER.join(',')}\r\n`);
    expect(parse(csv)).toHaveLength(0);
  });

  it('orders rows by country code, English name, date (undated last), id, whatever the input order', () => {
    const expected = ['u-sorbonne', 'u-seoul', 'd-imr-seoul', 'd-engineering-yonsei', 'u-uc'];
    for (const links of [index.links, [...index.links].reverse()]) {
      expect(parse(agreementsToCsv(index, links, 'en')).map((r) => r['Agreement ID'])).toEqual(expected);
    }
  });

  it('counts rows correctly when quoted fields contain line breaks', () => {
    const hx = hostileIndex();
    const csv = agreementsToCsv(hx, hx.links, 'en');
    expect(countCsvRows(csv)).toBe(5);
    expect(countCsvRows(csv)).toBe(parse(csv).length);
  });
});

describe('agreementsToCsv round trip through d3 csvParse', () => {
  it('recovers every English value', () => {
    const rows = parse(agreementsToCsv(index, index.links, 'en'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      'Agreement ID': 'u-sorbonne',
      Level: 'University-wide',
      'Level (ja)': '大学間協定',
      'Institution (en)': 'Université Pierre et Marie Curie',
      'Institution (ja)': 'ピエール・マリー・キュリー大学',
      'Country (en)': 'France',
      'Country (ja)': 'フランス',
      'Region (en)': 'Europe',
      'Region (ja)': 'ヨーロッパ',
      'City (en)': 'Paris',
      'City (ja)': 'パリ',
      Signed: '1999-08-19',
      'Tuition waiver': 'yes',
      'Department (en)': '',
      'Department (ja)': '',
      'Partner unit (en)': '',
      'Partner unit (ja)': '',
      'Source line': '1',
      'Source text': '*ピエール・マリー・キュリー大学 (1999.8.19)',
    });
    const yonsei = rows.find((r) => r['Agreement ID'] === 'd-engineering-yonsei')!;
    expect(yonsei).toMatchObject({
      Level: 'Department-level',
      Signed: '',
      'Tuition waiver': '',
      'Department (en)': 'School of Engineering',
      'Department (ja)': '工学研究科・工学部',
      'Partner unit (en)': 'College of Engineering',
      'Partner unit (ja)': '工科大学',
    });
    const uc = rows.find((r) => r['Agreement ID'] === 'u-uc')!;
    expect(uc).toMatchObject({ 'Tuition waiver': 'no', 'City (en)': 'Berkeley / Davis', 'City (ja)': '', Signed: '1990-03-15' });
  });

  it('recovers Japanese values in the Japanese file, including a quoted multi-line name', () => {
    const rows = parse(agreementsToCsv(index, index.links, 'ja'));
    const sorbonne = rows[0]!;
    expect(sorbonne.種類).toBe('大学間協定');
    expect(sorbonne['種類（英語）']).toBe('University-wide');
    expect(sorbonne.授業料不徴収).toBe('あり');
    expect(sorbonne['大学・機関名（日本語）']).toBe('ピエール・マリー・キュリー大学');
    expect(rows.find((r) => r.協定ID === 'u-uc')!.授業料不徴収).toBe('なし');
    const hx = hostileIndex();
    const hostile = parse(agreementsToCsv(hx, hx.links, 'ja'));
    expect(hostile[0]!['大学・機関名（日本語）']).toBe('一行目\n二行目');
    expect(hostile[0]!['大学・機関名（英語）']).toBe('The "Quoted" University');
  });
});

describe('csvFileName', () => {
  it('names the snapshot, the language and the local download date', () => {
    expect(csvFileName(MINI, 'en', new Date(2024, 0, 5, 23, 59))).toBe('tohoku-university-partner-atlas-2012-05-en-20240105.csv');
    expect(csvFileName(MINI, 'ja', new Date(2025, 10, 30))).toBe('tohoku-university-partner-atlas-2012-05-ja-20251130.csv');
    // Another university's list exports under its own name and as-of month.
    const other = { ...MINI, homes: [{ ...MINI.homes[0]!, id: 'kyoto-university' }], meta: { ...MINI.meta, asOf: '2017-03' } };
    expect(csvFileName(other, 'en', new Date(2024, 0, 5))).toBe('kyoto-university-partner-atlas-2017-03-en-20240105.csv');
  });
});
