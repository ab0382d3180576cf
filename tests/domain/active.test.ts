// "Active in year": an agreement counts in every year from its signing to its end date. The one-pass view, the
// year filter and playback agree with plain per-year definitions, on the real dataset given end dates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countedYears, isActiveDuring, isActiveInYear } from '../../src/domain/active';
import { countByYear, summarise } from '../../src/domain/aggregate';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters, filterLinks, selectLinks, type Filters } from '../../src/domain/filters';
import { DEFAULT_SETTINGS, visibleYearRange } from '../../src/domain/playback';
import { parseDataset, type Dataset } from '../../src/domain/schema';
import { computeView, viewAtYear } from '../../src/domain/view';
import { activePartners } from './reference';

const real: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8')));

/** The real dataset with end dates on two agreements in three: 1 to 12 years after signing, as terms are. */
function withEndDates(dataset: Dataset): Dataset {
  return parseDataset({
    ...dataset,
    agreements: dataset.agreements.map((a, n) => {
      if (!a.signed || n % 3 === 0) return a;
      const year = Number(a.signed.slice(0, 4)) + 1 + (n % 12);
      return { ...a, expires: { date: `${year}-03-31`, precision: 'day' as const } };
    }),
  });
}

const index = buildIndex(withEndDates(real));

describe('isActiveInYear', () => {
  it('counts from the signing year to the end year, both included; no end is no end; undated is never', () => {
    expect([1999, 2000, 2005, 2010, 2011].map((y) => isActiveInYear(2000, 2010, y))).toEqual([false, true, true, true, false]);
    expect(isActiveInYear(2000, null, 2050)).toBe(true);
    expect(isActiveInYear(null, null, 2000)).toBe(false);
  });

  it('is active during a span when the two spans overlap', () => {
    expect(isActiveDuring(2000, 2005, 2005, 2010)).toBe(true);
    expect(isActiveDuring(2000, 2004, 2005, 2010)).toBe(false);
    expect(isActiveDuring(2011, null, 2005, 2010)).toBe(false);
    expect(isActiveDuring(1990, null, 2005, 2010)).toBe(true);
  });

  it('gives the years an agreement counts in, clipped to the extent', () => {
    expect(countedYears('signed', 2000, 2010, [1983, 2012])).toEqual([2000, 2000]);
    expect(countedYears('active', 2000, 2010, [1983, 2012])).toEqual([2000, 2010]);
    expect(countedYears('active', 1980, null, [1983, 2012])).toEqual([1983, 2012]);
    expect(countedYears('active', 2000, 1999, [1983, 2012])).toBeNull();
    expect(countedYears('signed', null, null, [1983, 2012])).toBeNull();
  });
});

describe('the view on the active basis equals the plain definitions', () => {
  it('knows the dataset has end dates', () => {
    expect(index.hasEndDates).toBe(true);
    expect(buildIndex(real).hasEndDates).toBe(false);
  });

  const CASES: Partial<Filters>[] = [{}, { yearRange: [2000, 2004] }, { regions: ['europe'], yearRange: [1995, 1995] }, { countries: ['CN', 'KR'] }];
  for (const partial of CASES) {
    it(JSON.stringify(partial), () => {
      const filters = { ...DEFAULT_FILTERS, ...partial };
      const evaluation = evaluateFilters(index, filters, 'active');
      const view = computeView(evaluation);
      const timeline = selectLinks(evaluation, 'yearRange');
      expect(view.years).toEqual(countByYear(timeline, index.yearExtent, 'active'));
      expect(view.cumulative).toEqual(activePartners(timeline, index.yearExtent));
      const range = filters.yearRange;
      const passing = timeline.filter((l) => !range || (l.year !== null && l.year <= range[1] && (l.endYear === null || l.endYear >= range[0])));
      expect(view.summary).toEqual(summarise(passing));
      expect(filterLinks(index, filters, undefined, 'active')).toEqual(passing);
    });
  }

  it('plays back the agreements in force each year: the count falls when agreements end', () => {
    const settings = { ...DEFAULT_SETTINGS, basis: 'active' as const };
    expect(visibleYearRange(2005, settings, index.yearExtent)).toEqual([2005, 2005]);
    expect(visibleYearRange(2005, { ...settings, mode: 'window', windowYears: 3 }, index.yearExtent)).toEqual([2003, 2005]);
    const totals = new Map<number, number>();
    for (let year = index.yearExtent[0]; year <= index.yearExtent[1]; year += 1) {
      const { view, frame } = viewAtYear(index, DEFAULT_FILTERS, year, settings);
      const active = new Set(index.links.filter((l) => isActiveInYear(l.year, l.endYear, year)).map((l) => l.institutionNo));
      expect(frame!.runningTotal).toBe(active.size);
      expect(view.summary.institutions).toBe(active.size);
      totals.set(year, active.size);
    }
    // Signed by year only grows; in force, it can shrink.
    const signed = [...totals.keys()].map((year) => viewAtYear(index, DEFAULT_FILTERS, year, DEFAULT_SETTINGS).frame!.runningTotal);
    expect(signed).toEqual([...signed].sort((a, b) => a - b));
    expect(Math.max(...totals.values())).toBeLessThan(signed.at(-1)!);
  });
});
