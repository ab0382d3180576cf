// The filter model: which agreement–institution links pass the current filters.
import { isActiveDuring, type YearBasis } from './active';
import type { AtlasIndex, Link } from './atlas-index';
import type { RegionId } from './schema';
import { linkPassesQuery, matchQuery, type QueryMatch } from './search-index';

export type LevelFilter = 'all' | 'university' | 'department';

export interface Filters {
  /** Inclusive signing-year range; null means every year, dated or not. */
  yearRange: [number, number] | null;
  countries: string[];
  regions: RegionId[];
  departments: string[];
  level: LevelFilter;
  tuitionWaiverOnly: boolean;
  query: string;
  /** Ids of the homes whose agreements are kept (`home=`); empty keeps every home's. */
  homes: string[];
  /** Two homes compared (`compare=A,B`): only their agreements are kept, and partners are sorted into shared / only A / only B. */
  compare: [string, string] | null;
}

export const DEFAULT_FILTERS: Filters = {
  yearRange: null,
  countries: [],
  regions: [],
  departments: [],
  level: 'all',
  tuitionWaiverOnly: false,
  query: '',
  homes: [],
  compare: null,
};

export type FilterKey = keyof Filters;

/** One bit per filter dimension: a link's mask says which dimensions it fails. */
const BIT: Record<FilterKey, number> = {
  level: 1,
  yearRange: 2,
  tuitionWaiverOnly: 4,
  departments: 8,
  countries: 16,
  regions: 32,
  query: 64,
  // One dimension, the home: a comparison keeps its two homes' agreements as `home=` keeps the listed ones.
  homes: 128,
  compare: 128,
};

export const filterBit = (key: FilterKey): number => BIT[key];

/** The filters evaluated once over every link; views then select with one dimension left out, or none. */
export interface FilterEvaluation {
  index: AtlasIndex;
  /** How the year range was read: signed in it, or active at some time in it (domain/active.ts). */
  basis: YearBasis;
  masks: Uint8Array;
  /** The query matched against the search index (null for an empty query): the ranking and match reasons read it. */
  query: QueryMatch | null;
  /**
   * The countries and regions chosen when it was evaluated (the store's arrays, unchanged while the choice is): what
   * the map highlights and frames comes from the view it draws, not from the store a render ahead (issue 29).
   */
  countries: readonly string[];
  regions: readonly RegionId[];
}

/**
 * Semantics a student expects:
 * - a year range keeps dated (university-wide) agreements signed in it; undated ones are hidden;
 * - choosing departments keeps those departments' agreements and the university-wide ones, which are open to
 *   students of every department (level "department" hides the latter);
 * - "tuition waiver only" keeps agreements marked * in the seed (the waiver is a university-wide term).
 * One pass computes, per link, the set of dimensions it fails (as in crossfilter), so the main view and every
 * "all but one dimension" view (the timeline ignores yearRange, the country markers and facets their own
 * dimension) come from the same pass.
 */
export function evaluateFilters(index: AtlasIndex, filters: Filters, basis: YearBasis = 'signed'): FilterEvaluation {
  const countries = filters.countries.length ? new Set(filters.countries) : null;
  const regions = filters.regions.length ? new Set<string>(filters.regions) : null;
  const departments = filters.departments.length ? new Set(filters.departments) : null;
  const range = filters.yearRange;
  const active = basis === 'active';
  const level = filters.level;
  const waiver = filters.tuitionWaiverOnly;
  // Matched once per institution, unit and country here, not once per link; a link then reads two typed arrays.
  const query = filters.query.trim() ? matchQuery(index.searchIndex(), filters.query) : null;
  const institutionPasses = query?.institutionPasses;
  const keptHomes = homesKept(index, filters);
  const homeOf = index.homeOf;
  const links = index.links;
  const masks = new Uint8Array(links.length);
  for (let n = 0; n < links.length; n += 1) {
    const link = links[n]!;
    const a = link.agreement;
    let mask = 0;
    if (level !== 'all' && a.level !== level) mask |= BIT.level;
    if (range && (active ? !isActiveDuring(link.year, link.endYear, range[0], range[1]) : link.year === null || link.year < range[0] || link.year > range[1]))
      mask |= BIT.yearRange;
    if (waiver && a.tuitionWaiver !== true) mask |= BIT.tuitionWaiverOnly;
    if (departments && a.level === 'department' && !departments.has(a.department!.id)) mask |= BIT.departments;
    if (countries && !countries.has(link.institution.country)) mask |= BIT.countries;
    if (regions && !regions.has(link.region)) mask |= BIT.regions;
    if (query && !institutionPasses![link.institutionNo] && !linkPassesQuery(query, link.institutionNo, link.agreementNo)) mask |= BIT.query;
    if (keptHomes && !keptHomes[homeOf[link.agreementNo]!]) mask |= BIT.homes;
    masks[n] = mask;
  }
  return { index, basis, masks, query, countries: filters.countries, regions: filters.regions };
}

/** The ids of the homes whose agreements are kept: a comparison's two homes, else `home=`'s; null for every home. */
export function keptHomeIds(filters: Pick<Filters, 'homes' | 'compare'>): readonly string[] | null {
  return filters.compare ?? (filters.homes.length ? filters.homes : null);
}

/** Per home (by position), 1 when its agreements are kept: a comparison's two homes, else `home=`'s; null for all. */
function homesKept(index: AtlasIndex, filters: Filters): Uint8Array | null {
  const ids = keptHomeIds(filters);
  if (!ids) return null;
  const kept = new Uint8Array(index.homes.length);
  index.homes.forEach((home, n) => {
    if (ids.includes(home.id)) kept[n] = 1;
  });
  return kept;
}

/** The links that pass every filter, or every filter but `ignore`. */
export function selectLinks(evaluation: FilterEvaluation, ignore?: FilterKey): Link[] {
  const allowed = ignore ? BIT[ignore] : 0;
  const { masks } = evaluation;
  const links = evaluation.index.links;
  const out: Link[] = [];
  for (let n = 0; n < masks.length; n += 1) if ((masks[n]! & ~allowed) === 0) out.push(links[n]!);
  return out;
}

export function filterLinks(index: AtlasIndex, filters: Filters, ignore?: FilterKey, basis: YearBasis = 'signed'): Link[] {
  return selectLinks(evaluateFilters(index, filters, basis), ignore);
}

const sameFilters = (a: Filters, b: Filters) =>
  a.level === b.level &&
  a.tuitionWaiverOnly === b.tuitionWaiverOnly &&
  a.query === b.query &&
  (a.yearRange === b.yearRange || (!!a.yearRange && !!b.yearRange && a.yearRange[0] === b.yearRange[0] && a.yearRange[1] === b.yearRange[1])) &&
  a.countries.join() === b.countries.join() &&
  a.regions.join() === b.regions.join() &&
  a.departments.join() === b.departments.join() &&
  a.homes.join() === b.homes.join() &&
  a.compare?.join() === b.compare?.join();

/** evaluateFilters remembering its last answer: a change of language, sort or list length reuses the masks. */
export interface FilterMemo {
  evaluate(index: AtlasIndex, filters: Filters, basis?: YearBasis): FilterEvaluation;
  /**
   * What `compute` makes of the last evaluation, computed once for it: the view made before hydration (the early
   * map's first model, src/ui/map/early-map.ts) is then the very object the page's first render derives.
   */
  derived<T>(evaluation: FilterEvaluation, compute: (evaluation: FilterEvaluation) => T): T;
}

/** A memo of one entry, owned by whoever creates it (one per runtime: two atlases on a page do not share it). */
export function createFilterMemo(): FilterMemo {
  let last: { filters: Filters; evaluation: FilterEvaluation; derived?: { value: unknown } } | null = null;
  return {
    evaluate(index, filters, basis = 'signed') {
      if (last && last.evaluation.index === index && last.evaluation.basis === basis && sameFilters(last.filters, filters)) return last.evaluation;
      const evaluation = evaluateFilters(index, filters, basis);
      last = { filters, evaluation };
      return evaluation;
    },
    derived<T>(evaluation: FilterEvaluation, compute: (evaluation: FilterEvaluation) => T): T {
      if (last?.evaluation !== evaluation) return compute(evaluation);
      last.derived ??= { value: compute(evaluation) };
      return last.derived.value as T;
    },
  };
}

export function activeFilterCount(filters: Filters): number {
  return (
    (filters.yearRange ? 1 : 0) +
    filters.countries.length +
    filters.regions.length +
    filters.departments.length +
    (filters.level !== 'all' ? 1 : 0) +
    (filters.tuitionWaiverOnly ? 1 : 0) +
    (filters.query.trim() ? 1 : 0) +
    filters.homes.length +
    (filters.compare ? 1 : 0)
  );
}
