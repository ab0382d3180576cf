// The filter model: which agreement–institution links pass the current filters.
import type { AtlasIndex, Link } from './atlas-index';
import type { RegionId } from './schema';
import { matchesQuery } from './search';

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
}

export const DEFAULT_FILTERS: Filters = {
  yearRange: null,
  countries: [],
  regions: [],
  departments: [],
  level: 'all',
  tuitionWaiverOnly: false,
  query: '',
};

export type FilterKey = keyof Filters;

/**
 * Semantics a student expects:
 * - a year range keeps dated (university-wide) agreements signed in it; undated ones are hidden;
 * - choosing departments keeps those departments' agreements and the university-wide ones, which are open to
 *   students of every department (level "department" hides the latter);
 * - "tuition waiver only" keeps agreements marked * in the seed (the waiver is a university-wide term).
 * `ignore` leaves one dimension out, so a view can show its own dimension unfiltered (the timeline ignores
 * yearRange, the country markers ignore countries).
 */
export function filterLinks(index: AtlasIndex, filters: Filters, ignore?: FilterKey): Link[] {
  const f = (key: FilterKey) => key !== ignore;
  const countries = f('countries') && filters.countries.length ? new Set(filters.countries) : null;
  const regions = f('regions') && filters.regions.length ? new Set<string>(filters.regions) : null;
  const departments = f('departments') && filters.departments.length ? new Set(filters.departments) : null;
  const range = f('yearRange') ? filters.yearRange : null;
  const level = f('level') ? filters.level : 'all';
  const waiver = f('tuitionWaiverOnly') && filters.tuitionWaiverOnly;
  const query = f('query') ? filters.query.trim() : '';
  return index.links.filter((link) => {
    const a = link.agreement;
    if (level !== 'all' && a.level !== level) return false;
    if (range && (link.year === null || link.year < range[0] || link.year > range[1])) return false;
    if (waiver && a.tuitionWaiver !== true) return false;
    if (departments && a.level === 'department' && !departments.has(a.department!.id)) return false;
    if (countries && !countries.has(link.institution.country)) return false;
    if (regions && !regions.has(link.region)) return false;
    if (query && !matchesQuery(link.haystack, query)) return false;
    return true;
  });
}

export function activeFilterCount(filters: Filters): number {
  return (
    (filters.yearRange ? 1 : 0) +
    filters.countries.length +
    filters.regions.length +
    filters.departments.length +
    (filters.level !== 'all' ? 1 : 0) +
    (filters.tuitionWaiverOnly ? 1 : 0) +
    (filters.query.trim() ? 1 : 0)
  );
}
