import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { countByYear, summarise } from '../../src/domain/aggregate';
import { countByCountry, cumulativePartners, groupByCountry } from './reference';
import { DEFAULT_FILTERS, activeFilterCount, createFilterMemo, evaluateFilters, filterLinks, type Filters } from '../../src/domain/filters';
import { parseDataset, DatasetError } from '../../src/domain/schema';
import { MINI } from '../fixtures/mini-dataset';

const index = buildIndex(parseDataset(MINI));
const run = (f: Partial<Filters>) => summarise(filterLinks(index, { ...DEFAULT_FILTERS, ...f }));

describe('filterLinks + summarise', () => {
  it('counts everything by default, a group agreement once with each of its institutions', () => {
    expect(index.links).toHaveLength(6);
    expect(run({})).toEqual({ agreements: 5, institutions: 5, countries: 3 });
  });

  it('filters by level', () => {
    expect(run({ level: 'university' })).toEqual({ agreements: 3, institutions: 4, countries: 3 });
    expect(run({ level: 'department' })).toEqual({ agreements: 2, institutions: 2, countries: 1 });
  });

  it('keeps only dated agreements in a year range (inclusive)', () => {
    expect(run({ yearRange: [1998, 1999] })).toEqual({ agreements: 2, institutions: 2, countries: 2 });
    expect(run({ yearRange: [1990, 1990] })).toEqual({ agreements: 1, institutions: 2, countries: 1 });
    expect(run({ yearRange: [2000, 2012] })).toEqual({ agreements: 0, institutions: 0, countries: 0 });
  });

  it('keeps a department’s own agreements plus the university-wide ones, unless level is department', () => {
    expect(run({ departments: ['engineering'] })).toEqual({ agreements: 4, institutions: 5, countries: 3 });
    expect(run({ departments: ['engineering'], level: 'department' })).toEqual({ agreements: 1, institutions: 1, countries: 1 });
    expect(run({ departments: ['engineering', 'imr'], level: 'department' }).agreements).toBe(2);
  });

  it('filters by tuition waiver, country and region', () => {
    expect(run({ tuitionWaiverOnly: true })).toEqual({ agreements: 2, institutions: 2, countries: 2 });
    expect(run({ countries: ['KR'] })).toEqual({ agreements: 3, institutions: 2, countries: 1 });
    expect(run({ regions: ['europe', 'north-america'] })).toEqual({ agreements: 2, institutions: 3, countries: 2 });
  });

  it('searches names, aliases, cities and units across scripts, case and width', () => {
    for (const q of ['sorbonne', 'SORBONNE', 'ソルボンヌ', 'ｿﾙﾎﾞﾝﾇ', 'そるぼんぬ', 'キュリー', 'marie curie', 'universite pierre']) {
      expect(run({ query: q }).institutions, q).toBe(1);
    }
    expect(run({ query: 'ソウル' }).institutions).toBe(2); // Seoul National (name) and Yonsei (city)
    expect(run({ query: 'college of engineering' }).agreements).toBe(1);
    expect(run({ query: 'nothing-like-this' }).agreements).toBe(0);
  });

  it('can leave one dimension out (for the view that shows it)', () => {
    const f: Filters = { ...DEFAULT_FILTERS, yearRange: [1998, 1999], countries: ['KR'] };
    expect(summarise(filterLinks(index, f, 'yearRange')).agreements).toBe(3);
    expect(summarise(filterLinks(index, f, 'countries')).agreements).toBe(2);
  });

  it('counts active filters for the chips', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, countries: ['FR', 'KR'], tuitionWaiverOnly: true, query: ' ' })).toBe(3);
  });
});

describe('aggregates', () => {
  const all = filterLinks(index, DEFAULT_FILTERS);

  it('counts by country with levels', () => {
    expect(countByCountry(all).get('KR')).toEqual({ code: 'KR', agreements: 3, institutions: 2, university: 1, department: 2 });
    expect(countByCountry(all).get('US')).toEqual({ code: 'US', agreements: 1, institutions: 2, university: 1, department: 0 });
  });

  it('counts by year and region, with an undated bucket', () => {
    const { bins, undated } = countByYear(all, index.yearExtent);
    expect(index.yearExtent).toEqual([1990, 1999]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ year: 1990, total: 1 });
    expect(bins[0]!.byRegion['north-america']).toBe(1);
    expect(bins[8]).toMatchObject({ year: 1998, total: 1 });
    expect(bins[9]!.byRegion.europe).toBe(1);
    expect(undated).toBe(2);
  });

  it('accumulates distinct partner institutions by their first signing year', () => {
    const c = cumulativePartners(all, index.yearExtent);
    expect(c[0]).toEqual({ year: 1990, total: 2 });
    expect(c.at(-1)).toEqual({ year: 1999, total: 4 });
  });

  it('groups institutions by country, sorted by name or date', () => {
    const byName = groupByCountry(index, all, 'en', 'name');
    expect(byName.map((g) => g.country.code)).toEqual(['KR', 'US', 'FR']);
    expect(byName[0]!.rows.map((r) => r.institution.id)).toEqual(['seoul', 'yonsei']);
    const byDate = groupByCountry(index, all, 'en', 'date');
    expect(byDate[0]!.rows.map((r) => r.institution.id)).toEqual(['seoul', 'yonsei']);
    expect(byDate[0]!.rows[1]!.firstSigned).toBeNull();
  });
});

describe('parseDataset', () => {
  it('names the record and the field of a corrupt dataset', () => {
    const broken = structuredClone(MINI) as unknown as { agreements: { signed: unknown }[]; institutions: { lat: unknown }[] };
    broken.agreements[1]!.signed = '1998/07/08';
    broken.institutions[2]!.lat = 'north';
    try {
      parseDataset(broken);
      throw new Error('expected a DatasetError');
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      const problems = (error as DatasetError).problems.join('\n');
      expect(problems).toContain('agreements[1] (u-seoul).signed');
      expect(problems).toContain('institutions[2] (yonsei).lat');
    }
  });

  it('rejects unknown references', () => {
    const broken = structuredClone(MINI);
    broken.agreements[0]!.institutionIds = ['nowhere'];
    expect(() => parseDataset(broken)).toThrow(/agreements\[0\] \(u-sorbonne\)\.institutionIds\.0: unknown institution "nowhere"/);
  });
});

describe('createFilterMemo', () => {
  it('reuses the last evaluation for equal filters, and each memo keeps its own', () => {
    const memo = createFilterMemo();
    const first = memo.evaluate(index, { ...DEFAULT_FILTERS, countries: ['KR'] });
    expect(memo.evaluate(index, { ...DEFAULT_FILTERS, countries: ['KR'] })).toBe(first);
    const other = createFilterMemo();
    expect(other.evaluate(index, { ...DEFAULT_FILTERS, countries: ['KR'] })).not.toBe(first);
    expect(memo.evaluate(index, { ...DEFAULT_FILTERS, countries: ['US'] })).not.toBe(first);
    // The other memo's answer did not replace this one's: the first filters are evaluated again here.
    expect(memo.evaluate(index, { ...DEFAULT_FILTERS, countries: ['KR'] })).not.toBe(first);
  });
});

describe('evaluateFilters', () => {
  // The map highlights and frames the countries of the view it draws (AtlasMap reads them here, issue 29): a country
  // click must not show the new choice over the old view's markers a render before the counts follow.
  it('carries the countries and regions it was evaluated with, as the same arrays', () => {
    const countries = ['KR'];
    const regions = ['europe' as const];
    const evaluation = evaluateFilters(index, { ...DEFAULT_FILTERS, countries, regions });
    expect(evaluation.countries).toBe(countries);
    expect(evaluation.regions).toBe(regions);
    expect(evaluateFilters(index, DEFAULT_FILTERS).countries).toEqual([]);
  });
});
