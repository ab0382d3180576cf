import { describe, expect, it } from 'vitest';
import { alsoPartners } from '../../src/domain/also-partners';
import { buildIndex } from '../../src/domain/atlas-index';
import { compareHomes, countHomes } from '../../src/domain/compare';
import { compareListGroups } from '../../src/domain/compare-list';
import { DEFAULT_FILTERS, evaluateFilters, filterBit, filterLinks } from '../../src/domain/filters';
import { computeView } from '../../src/domain/view';
import { KYOTO, OSAKA, TOHOKU, threeHomesDataset } from '../fixtures/three-homes';

const dataset = threeHomesDataset();
const index = buildIndex(dataset);
const homeNo = (id: string) => index.homes.findIndex((h) => h.id === id);
const agreementsOf = (homeId: string) => new Set(dataset.agreements.filter((a) => a.homeId === homeId).map((a) => a.id));

describe('the home filter (home=, compare=)', () => {
  it("home= keeps exactly the listed homes' agreements", () => {
    const kept = new Set(filterLinks(index, { ...DEFAULT_FILTERS, homes: [KYOTO] }).map((l) => l.agreement.id));
    expect(kept).toEqual(agreementsOf(KYOTO));
    const two = new Set(filterLinks(index, { ...DEFAULT_FILTERS, homes: [KYOTO, OSAKA] }).map((l) => l.agreement.id));
    expect(two).toEqual(new Set([...agreementsOf(KYOTO), ...agreementsOf(OSAKA)]));
  });

  it("compare= keeps its two homes' agreements, whatever home= says", () => {
    const kept = new Set(filterLinks(index, { ...DEFAULT_FILTERS, homes: [OSAKA], compare: [TOHOKU, KYOTO] }).map((l) => l.agreement.id));
    expect(kept).toEqual(new Set([...agreementsOf(TOHOKU), ...agreementsOf(KYOTO)]));
  });

  it('counts the homes with a passing agreement', () => {
    expect(countHomes(index, 3, evaluateFilters(index, DEFAULT_FILTERS).masks)).toBe(3);
    expect(countHomes(index, 3, evaluateFilters(index, { ...DEFAULT_FILTERS, homes: [OSAKA] }).masks)).toBe(1);
  });
});

describe('a comparison on the three-home list', () => {
  const filters = { ...DEFAULT_FILTERS, compare: [TOHOKU, KYOTO] as [string, string] };
  const evaluation = evaluateFilters(index, filters);
  const c = compareHomes(
    { links: index.links, homeOf: index.homeOf, institutionCount: dataset.institutions.length },
    homeNo(TOHOKU),
    homeNo(KYOTO),
    evaluation.masks,
    filterBit('homes'),
  );

  it("agrees with the partners' sets computed plainly", () => {
    const partners = (homeId: string) => new Set(index.links.filter((l) => l.agreement.homeId === homeId).map((l) => l.institutionNo));
    const a = partners(TOHOKU);
    const b = partners(KYOTO);
    expect([...c.shared]).toEqual([...a].filter((n) => b.has(n)).sort((x, y) => x - y));
    expect([...c.onlyA]).toEqual([...a].filter((n) => !b.has(n)).sort((x, y) => x - y));
    expect([...c.onlyB]).toEqual([...b].filter((n) => !a.has(n)).sort((x, y) => x - y));
    // Kyoto's agreements are copies of some of Tohoku's: nothing is Kyoto's alone.
    expect(c.onlyB.length).toBe(0);
    expect(c.shared.length).toBeGreaterThan(10);
  });

  it('lists the shared partners first, then only A, each part by country, every passing partner once', () => {
    const view = computeView(evaluation);
    const groups = compareListGroups(index, view, c, 'en', 'name', 10_000);
    const classes = groups.map((g) => g.compareClass);
    expect(classes[0]).toBe(3);
    expect(classes.lastIndexOf(3)).toBeLessThan(classes.indexOf(1));
    const rows = groups.flatMap((g) => g.rows.map((r) => r.institutionNo));
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.length).toBe(view.passing.length);
  });

  it("a shared partner's card names both homes", () => {
    const id = dataset.institutions[c.shared[0]!]!.id;
    expect(alsoPartners(index, id).map((t) => t.home.id)).toEqual(expect.arrayContaining([TOHOKU, KYOTO]));
  });
});
