// Issue 28's held-out list (tests/fixtures/homes), imported as `npm run import` reads it: comparing Kyoto with Osaka
// gives the shared / only-A / only-B counts worked out by hand in three-universities.expected.json, and the card of a
// shared partner names both homes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { alsoPartners } from '../../src/domain/also-partners';
import { buildIndex, type AtlasIndex } from '../../src/domain/atlas-index';
import { compareHomes, comparisonCounts } from '../../src/domain/compare';
import { DEFAULT_FILTERS, evaluateFilters, filterBit } from '../../src/domain/filters';
import { importAgreements } from '../../src/domain/import/importer';
import { parseDataset } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate-dataset';
import { cliImportOptions } from '../../src/pipeline/import-options';
import expected from '../fixtures/homes/three-universities.expected.json' with { type: 'json' };

let index: AtlasIndex;
beforeAll(async () => {
  const base = parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8')));
  const options = await cliImportOptions(base, '2026-12');
  const result = await importAgreements(new Uint8Array(readFileSync('tests/fixtures/homes/three-universities.csv')), 'three-universities.csv', options);
  index = buildIndex(validateDataset(result.dataset));
}, 240_000);

describe('compare on the held-out three-university list', () => {
  it('Kyoto and Osaka: the shared, only-A and only-B partners worked out by hand', () => {
    const a = index.homes.findIndex((h) => h.id === 'kyoto-university');
    const b = index.homes.findIndex((h) => h.id === 'the-university-of-osaka');
    const ids = [index.homes[a]!.id, index.homes[b]!.id] as [string, string];
    const masks = evaluateFilters(index, { ...DEFAULT_FILTERS, compare: ids }).masks;
    const c = compareHomes({ links: index.links, homeOf: index.homeOf, institutionCount: index.dataset.institutions.length }, a, b, masks, filterBit('homes'));
    const { shared, onlyA, onlyB } = expected.compare;
    expect(comparisonCounts(c)).toEqual({ shared, onlyA, onlyB });
    // The card of a shared partner names both homes.
    const partner = index.dataset.institutions[c.shared[0]!]!;
    expect(alsoPartners(index, partner.id).map((t) => t.home.id)).toEqual(expect.arrayContaining(ids));
  });
});
