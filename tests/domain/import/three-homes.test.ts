// Issue 28's held-out check on our own list (tests/fixtures/homes): a home column beside the partner column makes
// each row its home's; partners named in Japanese by one home and in English by another are one institution; the
// same partner at two levels is two agreements. Read with the same gazetteers as `npm run import`.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAgreements, listHomeNeeded, type ImportResult } from '../../../src/domain/import/importer';
import { mergeDatasets } from '../../../src/domain/import/merge';
import { parseDataset, type Dataset } from '../../../src/domain/schema';
import { validateDataset } from '../../../src/domain/validate-dataset';
import { cliImportOptions } from '../../../src/pipeline/import-options';
import expected from '../../fixtures/homes/three-universities.expected.json' with { type: 'json' };

const FILE = 'tests/fixtures/homes/three-universities.csv';
let result: ImportResult;
let merged: Dataset;
/** Each row's [home cell, partner cell] as written, by row number. */
const cells = new Map(
  readFileSync(FILE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line, i) => [i + 2, line.split(',') as [string, string]]),
);

beforeAll(async () => {
  const base = parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8')));
  const options = await cliImportOptions(base, '2026-12');
  result = await importAgreements(new Uint8Array(readFileSync(FILE)), 'three-universities.csv', options);
  // The same list as three files, one per university, each with its home named (as `npm run import -- a --home A b --home B …`).
  const files = { 'kyoto.csv': '京都大学', 'osaka.csv': 'Osaka University', 'nagoya.csv': '名古屋大学' };
  const parts = [];
  for (const [file, homeName] of Object.entries(files)) {
    const r = await importAgreements(new Uint8Array(readFileSync(`tests/fixtures/homes/${file}`)), file, { ...options, homeName });
    parts.push({ dataset: r.dataset, fileName: file, rejected: r.summary.rejected });
  }
  merged = mergeDatasets(parts);
}, 240_000);

/** The institution ids of the rows whose partner cell is one of `names`. */
function partnerIds(names: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const row of result.rows) if (row.status !== 'rejected' && names.includes(cells.get(row.row)![1])) ids.add(row.institutionId);
  return ids;
}

const homeIdOf = (cell: string) => {
  const a = result.dataset.agreements.find((x) => cells.get(x.source.line)![0] === cell);
  return a!.homeId;
};

describe('a list of three universities with a home column', () => {
  it('gives 3 homes and 88 agreements, each row its own home, and needs no home named', () => {
    const d = validateDataset(result.dataset);
    expect(result.summary.rejected).toBe(0);
    expect(d.homes).toHaveLength(expected.homes);
    expect(d.agreements).toHaveLength(expected.agreements);
    for (const [cell, rows] of Object.entries(expected.rowsPerHome)) expect(d.agreements.filter((a) => a.homeId === homeIdOf(cell))).toHaveLength(rows);
    expect(new Set(d.homes.map((h) => h.id))).toEqual(new Set(['kyoto-university', 'the-university-of-osaka', 'nagoya-university']));
    expect(listHomeNeeded(result)).toBe(false);
    // The homes are homes, not partners (the "19 partners, the universities themselves among them").
    expect(d.institutions.some((i) => /kyoto|osaka|nagoya/i.test(i.name.en))).toBe(false);
    // Each home's department-level agreements name its own departments.
    for (const h of d.homes) for (const a of d.agreements) if (a.homeId === h.id && a.department) expect(h.departmentIds).toContain(a.department.id);
  });

  it('makes one institution of a partner each home names its own way (but Leeds)', () => {
    for (const [partner, names] of Object.entries(expected.samePartner)) {
      if (partner === 'University of Leeds') continue;
      expect([partner, partnerIds(names).size]).toEqual([partner, 1]);
    }
  });

  it('counts the partners Kyoto and Osaka share, and those only one has', () => {
    const partnersOf = (cell: string) => new Set(result.dataset.agreements.filter((a) => a.homeId === homeIdOf(cell)).flatMap((a) => a.institutionIds));
    const a = partnersOf(expected.compare.a);
    const b = partnersOf(expected.compare.b);
    const shared = [...a].filter((id) => b.has(id)).length;
    expect({ shared, onlyA: a.size - shared, onlyB: b.size - shared }).toEqual({
      shared: expected.compare.shared,
      onlyA: expected.compare.onlyA,
      onlyB: expected.compare.onlyB,
    });
  });

  // リーズ大学 was read as the LSE (its curated acronym "LSE" sounded like リーズ); acronyms are no longer read aloud,
  // and the gazetteer's supplement gives Leeds its Japanese name.
  it('gives 79 distinct partners: リーズ大学 is the University of Leeds', () => {
    expect(partnerIds(expected.samePartner['University of Leeds']).size).toBe(1);
    expect(new Set(result.dataset.agreements.flatMap((a) => a.institutionIds)).size).toBe(expected.distinctPartners);
  });
});

describe('the same list as three files, one per university, opened together', () => {
  it('is one atlas: 3 homes, 88 agreements, the partners shared and named differently are one', () => {
    expect(merged.homes.map((h) => h.id)).toEqual(['kyoto-university', 'the-university-of-osaka', 'nagoya-university']);
    expect(merged.agreements).toHaveLength(expected.agreements);
    expect(new Set(merged.agreements.map((a) => a.id)).size).toBe(expected.agreements);
    const homesOf = (id: string) => new Set(merged.agreements.filter((a) => a.institutionIds.includes(id)).map((a) => a.homeId));
    expect(homesOf('tsinghua-university')).toEqual(new Set(['kyoto-university', 'the-university-of-osaka', 'nagoya-university']));
    expect(homesOf('yonsei-university')).toEqual(new Set(['the-university-of-osaka', 'nagoya-university']));
    // As the one-file list: the same partners.
    // (By name and country: an unmatched Japanese name's id is its row's, `partner-<row>`, which differs by file.)
    const partners = (d: Dataset) => {
      const byId = new Map(d.institutions.map((i) => [i.id, `${i.country}:${i.name.en}`]));
      return new Set(d.agreements.flatMap((a) => a.institutionIds.map((id) => byId.get(id))));
    };
    expect(partners(merged)).toEqual(partners(result.dataset));
    expect(partners(merged).size).toBe(expected.distinctPartners);
    expect(merged.meta.source).toBe('kyoto.csv, osaka.csv, nagoya.csv');
  });
});
