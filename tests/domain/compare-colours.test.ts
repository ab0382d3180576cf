// A comparison drawn (issue 28 item 4): the map's partner points carry their class, and the timeline's bars split
// A's and B's agreements by class; both agree with the comparison's counts.
import { describe, expect, it } from 'vitest';
import { countByYear } from '../../src/domain/aggregate';
import { buildIndex } from '../../src/domain/atlas-index';
import { compareHomes, compareYearClasses, ONLY_A, ONLY_B, SHARED } from '../../src/domain/compare';
import { DEFAULT_FILTERS, evaluateFilters, filterBit } from '../../src/domain/filters';
import { createMapModelBuilder } from '../../src/domain/map-model';
import { computeView } from '../../src/domain/view';
import { KYOTO, TOHOKU, threeHomesDataset } from '../fixtures/three-homes';

const index = buildIndex(threeHomesDataset());
const homeNo = (id: string) => index.homes.findIndex((h) => h.id === id);

function compared(yearRange: [number, number] | null = null) {
  const evaluation = evaluateFilters(index, { ...DEFAULT_FILTERS, compare: [TOHOKU, KYOTO], yearRange });
  const input = { links: index.links, homeOf: index.homeOf, institutionCount: index.dataset.institutions.length };
  const comparison = compareHomes(input, homeNo(TOHOKU), homeNo(KYOTO), evaluation.masks, filterBit('homes'));
  return { evaluation, comparison, view: computeView(evaluation) };
}

describe('a comparison drawn', () => {
  it("gives each partner point its class: as many of each as the comparison's counts", () => {
    const { comparison, view } = compared();
    const model = createMapModelBuilder()({
      index,
      lang: 'en',
      view,
      countryCounts: view.countryCounts,
      countries: [],
      compareClass: comparison.institutionClass,
    });
    const points = typeof model.institutions === 'function' ? model.institutions() : model.institutions;
    const count = (c: number) => points.features.filter((f) => f.properties.compare === c).length;
    expect(count(SHARED)).toBe(comparison.shared.length);
    expect(count(ONLY_A)).toBe(comparison.onlyA.length);
    expect(count(ONLY_B)).toBe(comparison.onlyB.length);
    expect(count(SHARED) + count(ONLY_A) + count(ONLY_B)).toBe(points.features.length);
    expect(comparison.shared.length).toBeGreaterThan(0);
  });

  it("splits each year's bar by class, the parts adding up to the bar", () => {
    for (const range of [null, [2010, 2015] as [number, number]]) {
      const { evaluation, comparison, view } = compared(range);
      const classes = compareYearClasses(index.links, comparison, evaluation.masks, filterBit('yearRange'), index.yearExtent, 'signed');
      view.years.bins.forEach((bin, y) => {
        const parts = [0, 1, 2, 3].map((c) => classes[y * 4 + c]!);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(bin.total);
      });
      const total = (c: number) => view.years.bins.reduce((sum, _, y) => sum + classes[y * 4 + c]!, 0);
      // Over every year, every agreement's partner is in a class; a year range leaves some outside it (class 0).
      if (!range) expect(total(0)).toBe(0);
      expect(total(SHARED)).toBeGreaterThan(0);
      expect(total(ONLY_A) > 0 || comparison.onlyA.length === 0).toBe(true);
    }
    // Without a comparison's masks (all homes), the classes count only A's and B's: fewer than every agreement.
    const all = countByYear(index.links, index.yearExtent).bins.reduce((s, b) => s + b.total, 0);
    const { evaluation, comparison } = compared();
    const counted = compareYearClasses(index.links, comparison, evaluation.masks, filterBit('yearRange'), index.yearExtent, 'signed').reduce(
      (a, b) => a + b,
      0,
    );
    expect(counted).toBeLessThan(all);
  });
});
