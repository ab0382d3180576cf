import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { countByYear, summarise } from '../../src/domain/aggregate';
import { countByCountry, cumulativePartners, departmentCounts, groupByCountry, referenceLinks } from './reference';
import { DEFAULT_FILTERS, evaluateFilters, selectLinks, type Filters } from '../../src/domain/filters';
import type { AtlasIndex } from '../../src/domain/atlas-index';
import { parseDataset } from '../../src/domain/schema';
import { computeView, listGroups, playbackSummary, type AtlasView as View } from '../../src/domain/view';
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

/** The one-pass view against the plain references (tests/domain/reference.ts), which never read the filter masks. */
function expectViewAsReference(index: AtlasIndex, filters: Filters, view: View) {
  const links = referenceLinks(index, filters);
  expect(view.links).toEqual(links);
  expect(view.summary).toEqual(summarise(links));
  expect(view.countryCounts).toEqual(countByCountry(referenceLinks(index, filters, 'countries')));
  const timeline = referenceLinks(index, filters, 'yearRange');
  expect(view.timelineLinks).toEqual(timeline);
  expect(view.years).toEqual(countByYear(timeline, index.yearExtent));
  expect(view.cumulative).toEqual(cumulativePartners(timeline, index.yearExtent));
  expect(view.departmentFacet).toEqual(departmentCounts(referenceLinks(index, filters, 'departments')));
  for (const sort of ['name', 'date'] as const) {
    const expected = groupByCountry(index, links, 'en', sort);
    const groups = listGroups(index, view, 'en', sort, 10_000);
    expect(groups.map((g) => [g.country.code, g.total, g.rows.map((r) => [r.institution.id, r.firstSigned])])).toEqual(
      expected.map((g) => [g.country.code, g.rows.length, g.rows.map((r) => [r.institution.id, r.firstSigned])]),
    );
  }
}

describe('computeView (one pass) equals the plain per-view references', () => {
  for (const [name, index] of [
    ['real', real],
    ['mini', mini],
  ] as const) {
    for (const partial of CASES) {
      it(`${name}: ${JSON.stringify(partial)}`, () => {
        const filters = { ...DEFAULT_FILTERS, ...partial };
        const view = computeView(evaluateFilters(index, filters));
        // Every case selects something on the real list (the mini fixture has nothing in some of the years).
        if (name === 'real') expect(view.links.length).toBeGreaterThan(0);
        expectViewAsReference(index, filters, view);
      });
    }
  }

  // The comparison above must be able to fail: views that are wrong in one way each are told apart.
  const wrong: [string, Partial<Filters>, (view: View, evaluation: ReturnType<typeof evaluateFilters>) => Partial<View>][] = [
    ['a link dropped from the list', {}, (view) => ({ links: view.links.slice(0, -1) })],
    ['the countries filter ignored in the list', { countries: ['FR', 'KR'] }, (_, e) => ({ links: selectLinks(e, 'countries') })],
    ['the timeline narrowed to the year range', { yearRange: [2000, 2009] }, (view) => ({ timelineLinks: view.links })],
    ['the timeline with every filter ignored', { countries: ['CN'] }, (_, e) => ({ timelineLinks: e.index.links })],
    [
      'university-wide agreements dropped for a department',
      { departments: ['engineering'] },
      (view) => ({ links: view.links.filter((l) => l.agreement.level === 'department') }),
    ],
  ];
  for (const [what, partial, spoil] of wrong) {
    it(`fails for a view with ${what}`, () => {
      const filters = { ...DEFAULT_FILTERS, ...partial };
      const evaluation = evaluateFilters(real, filters);
      const view = computeView(evaluation);
      const spoiled: View = { ...view, relevance: view.relevance, links: view.links, timelineLinks: view.timelineLinks, ...spoil(view, evaluation) };
      expect(() => expectViewAsReference(real, filters, spoiled)).toThrow();
    });
  }

  it('caps the rows per group but keeps the totals', () => {
    const view = computeView(evaluateFilters(real, DEFAULT_FILTERS));
    const groups = listGroups(real, view, 'ja', 'name', 5);
    expect(groups[0]!.rows).toHaveLength(5);
    expect(groups[0]!.total).toBeGreaterThan(5);
  });

  it("explains a row's match only when the row is read (a keystroke renders a screenful of up to 500 rows)", () => {
    const view = computeView(evaluateFilters(real, { ...DEFAULT_FILTERS, query: 'u' }));
    const relevance = view.relevance!;
    const explain = vi.spyOn(relevance, 'reasonToShow');
    const groups = listGroups(real, view, 'en', 'relevance', 500);
    const rows = groups.flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(100);
    expect(explain).not.toHaveBeenCalled();
    const first = rows[0]!;
    expect(first.match).toEqual(relevance.reasonToShow(first.institutionNo, 'en'));
    void first.match;
    expect(explain).toHaveBeenCalledTimes(2);
  });
});

describe('playback through the one-pass view', () => {
  it('equals playbackFrame for every year, in cumulative and window mode, with filters', () => {
    for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, mode: 'window' as const, windowYears: 3 }]) {
      for (const filters of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, countries: ['FR', 'CN'], yearRange: [1990, 1995] as [number, number] }]) {
        for (let year = real.yearExtent[0]; year <= real.yearExtent[1]; year += 1) {
          const frame = playbackFrame(real, referenceLinks(real, filters, 'yearRange'), { playing: false, year, progress: 1 }, settings);
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
