import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { countByYear, summarise } from '../../src/domain/aggregate';
import { countByCountry, cumulativePartners, departmentCounts, groupByCountry } from './reference';
import { DEFAULT_FILTERS, evaluateFilters, selectLinks, type Filters } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { computeView, listGroups, playbackSummary } from '../../src/domain/view';
import { DEFAULT_SETTINGS, visibleYearRange } from '../../src/domain/playback';
import { playbackFrame } from './reference';
import { MINI } from '../fixtures/mini-dataset';

const real = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
const mini = buildIndex(parseDataset(MINI));

const CASES: Partial<Filters>[] = [
  {},
  { yearRange: [2000, 2009] },
  { countries: ['FR', 'KR'] },
  { regions: ['europe'], tuitionWaiverOnly: true },
  { departments: ['engineering'] },
  { departments: ['engineering', 'imr'], level: 'department' },
  { query: 'seoul' },
  { level: 'university', yearRange: [1983, 1999], countries: ['CN'] },
];

describe('computeView (one pass) equals the per-view functions', () => {
  for (const [name, index] of [
    ['real', real],
    ['mini', mini],
  ] as const) {
    for (const partial of CASES) {
      it(`${name}: ${JSON.stringify(partial)}`, () => {
        const evaluation = evaluateFilters(index, { ...DEFAULT_FILTERS, ...partial });
        const view = computeView(evaluation);
        const links = selectLinks(evaluation);
        expect(view.links).toEqual(links);
        expect(view.summary).toEqual(summarise(links));
        expect(view.countryCounts).toEqual(countByCountry(selectLinks(evaluation, 'countries')));
        const timeline = selectLinks(evaluation, 'yearRange');
        expect(view.timelineLinks).toEqual(timeline);
        expect(view.years).toEqual(countByYear(timeline, index.yearExtent));
        expect(view.cumulative).toEqual(cumulativePartners(timeline, index.yearExtent));
        expect(view.departmentFacet).toEqual(departmentCounts(selectLinks(evaluation, 'departments')));
        for (const sort of ['name', 'date'] as const) {
          const expected = groupByCountry(index, links, 'en', sort);
          const groups = listGroups(index, view, 'en', sort, 10_000);
          expect(groups.map((g) => [g.country.code, g.total, g.rows.map((r) => [r.institution.id, r.firstSigned])])).toEqual(
            expected.map((g) => [g.country.code, g.rows.length, g.rows.map((r) => [r.institution.id, r.firstSigned])]),
          );
        }
      });
    }
  }

  it('caps the rows per group but keeps the totals', () => {
    const view = computeView(evaluateFilters(real, DEFAULT_FILTERS));
    const groups = listGroups(real, view, 'ja', 'name', 5);
    expect(groups[0]!.rows).toHaveLength(5);
    expect(groups[0]!.total).toBeGreaterThan(5);
  });
});

describe('playback through the one-pass view', () => {
  it('equals playbackFrame for every year, in cumulative and window mode, with filters', () => {
    for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, mode: 'window' as const, windowYears: 3 }]) {
      for (const filters of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, countries: ['FR', 'CN'], yearRange: [1990, 1995] as [number, number] }]) {
        for (let year = real.yearExtent[0]; year <= real.yearExtent[1]; year += 1) {
          const frame = playbackFrame(real, selectLinks(evaluateFilters(real, filters), 'yearRange'), { playing: false, year, progress: 1 }, settings);
          const view = computeView(evaluateFilters(real, { ...filters, yearRange: visibleYearRange(year, settings, real.yearExtent) }));
          const summary = playbackSummary(view, year);
          expect(summary.runningTotal, `${year}`).toBe(frame.runningTotal);
          expect([...summary.newInstitutionIds].sort()).toEqual([...frame.newInstitutionIds].sort());
          expect(view.links).toEqual(frame.visibleLinks);
        }
      }
    }
  });
});
