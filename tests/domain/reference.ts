// Reference implementations, written the plain way: one function per view over a list of links. The app
// computes the same things in one pass (src/domain/view.ts); the tests check that both agree.
import type { AtlasIndex, Link } from '../../src/domain/atlas-index';
import type { Agreement, Country, Institution, Lang } from '../../src/domain/schema';
import type { CountryCount } from '../../src/domain/aggregate';
import { DistinctIds } from '../../src/domain/distinct';
import type { FilterKey, Filters } from '../../src/domain/filters';
import { linkPassesQuery, matchQuery } from '../../src/domain/search-index';

const seenInstitutions = new DistinctIds();
import { clampYear, isNewInYear, visibleYearRange, type PlaybackSettings, type PlaybackState } from '../../src/domain/playback';

export type ListSort = 'name' | 'date';

export interface InstitutionRow {
  institution: Institution;
  /** Dense id, for ordering by the index's precomputed name rank. */
  institutionNo: number;
  agreements: Agreement[];
  /** Earliest signing date among the filtered agreements, if any is dated. */
  firstSigned: string | null;
}

export interface CountryGroup {
  country: Country;
  rows: InstitutionRow[];
}

const COLLATORS: Record<Lang, Intl.Collator> = { ja: new Intl.Collator('ja'), en: new Intl.Collator('en') };

/** Japanese sorts by the reading (gojūon), where the data gives one. */
const countryKey = (country: Country, lang: Lang) => (lang === 'ja' ? (country.yomi ?? country.name.ja) : country.name.en);

export function groupByCountry(index: AtlasIndex, links: readonly Link[], lang: Lang, sort: ListSort): CountryGroup[] {
  const rows = new Map<string, InstitutionRow>();
  for (const l of links) {
    let row = rows.get(l.institution.id);
    if (!row) {
      row = { institution: l.institution, institutionNo: l.institutionNo, agreements: [], firstSigned: null };
      rows.set(l.institution.id, row);
    }
    if (!row.agreements.includes(l.agreement)) row.agreements.push(l.agreement);
    const signed = l.agreement.signed;
    if (signed && (row.firstSigned === null || signed < row.firstSigned)) row.firstSigned = signed;
  }
  const collator = COLLATORS[lang];
  // Names are ranked once per dataset and language; sorting by rank avoids thousands of collator calls.
  const rank = index.nameRank(lang);
  const byName = (a: InstitutionRow, b: InstitutionRow) => rank[a.institutionNo]! - rank[b.institutionNo]!;
  const byDate = (a: InstitutionRow, b: InstitutionRow) => (a.firstSigned ?? '9999').localeCompare(b.firstSigned ?? '9999') || byName(a, b);
  const groups = new Map<string, InstitutionRow[]>();
  for (const row of rows.values()) {
    const code = row.institution.country;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(row);
  }
  return [...groups]
    .map(([code, list]) => ({ country: index.countriesByCode.get(code)!, rows: list.sort(sort === 'name' ? byName : byDate) }))
    .sort((a, b) => b.rows.length - a.rows.length || collator.compare(countryKey(a.country, lang), countryKey(b.country, lang)));
}

export interface PlaybackFrame {
  year: number;
  range: [number, number];
  /** Dated links signed within `range`. */
  visibleLinks: Link[];
  /** Partners with an agreement signed in `year`, in link order. */
  newInstitutionIds: string[];
  /** Distinct institutions among `visibleLinks`. */
  runningTotal: number;
}

/**
 * What to draw for one state. `links` are the user's filtered links with the year range ignored (playback
 * drives the years itself). Undated department-level agreements have no place on a time axis, so they are left out.
 */
export function playbackFrame(index: AtlasIndex, links: readonly Link[], state: PlaybackState, settings: PlaybackSettings): PlaybackFrame {
  const year = clampYear(state.year, index.yearExtent);
  const range = visibleYearRange(year, settings, index.yearExtent);
  const visibleLinks = links.filter((l) => l.year !== null && l.year >= range[0] && l.year <= range[1]);
  const visible = new Set<string>();
  const fresh = new Set<string>();
  for (const l of visibleLinks) {
    visible.add(l.institution.id);
    if (isNewInYear(l.year, year)) fresh.add(l.institution.id);
  }
  return { year, range, visibleLinks, newInstitutionIds: [...fresh], runningTotal: visible.size };
}

/**
 * Agreements and institutions per country. An agreement counts once per country it touches; its links are
 * adjacent (index order, which filtering keeps), so the countries seen for the current agreement suffice.
 */
export function countByCountry(links: readonly Link[]): Map<string, CountryCount> {
  const counts = new Map<string, CountryCount>();
  seenInstitutions.reset();
  let currentAgreement = -1;
  let countriesOfAgreement: number[] = [];
  for (const l of links) {
    const code = l.institution.country;
    let c = counts.get(code);
    if (!c) counts.set(code, (c = { code, agreements: 0, institutions: 0, university: 0, department: 0 }));
    if (l.agreementNo !== currentAgreement) {
      currentAgreement = l.agreementNo;
      countriesOfAgreement = [];
    }
    if (!countriesOfAgreement.includes(l.countryNo)) {
      countriesOfAgreement.push(l.countryNo);
      c.agreements += 1;
      c[l.agreement.level] += 1;
    }
    if (seenInstitutions.add(l.institutionNo)) c.institutions += 1;
  }
  return counts;
}

/** Distinct partner institutions with a dated agreement signed up to and including each year. */
export function cumulativePartners(links: readonly Link[], extent: [number, number]): { year: number; total: number }[] {
  const first = new Map<number, number>();
  for (const l of links) {
    if (l.year === null) continue;
    const prev = first.get(l.institutionNo);
    if (prev === undefined || l.year < prev) first.set(l.institutionNo, l.year);
  }
  const perYear = new Map<number, number>();
  for (const y of first.values()) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  const out: { year: number; total: number }[] = [];
  let total = 0;
  for (let year = extent[0]; year <= extent[1]; year += 1) {
    total += perYear.get(year) ?? 0;
    out.push({ year, total });
  }
  return out;
}

/** Department-level agreements per department among the given links. */
export function departmentCounts(links: readonly Link[]): Map<string, number> {
  const counts = new Map<string, number>();
  let previous = -1;
  for (const l of links) {
    const d = l.agreement.department;
    // A department-level agreement has one institution, so one link: no duplicates to skip but adjacent ones.
    if (!d || l.agreementNo === previous) continue;
    previous = l.agreementNo;
    counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  }
  return counts;
}

/** Per year, the distinct institutions with an agreement active that year (an end date, if any, not passed). */
export function activePartners(links: readonly Link[], extent: [number, number]): { year: number; total: number }[] {
  const out: { year: number; total: number }[] = [];
  for (let year = extent[0]; year <= extent[1]; year += 1) {
    const active = new Set(links.filter((l) => l.year !== null && l.year <= year && (l.endYear === null || l.endYear >= year)).map((l) => l.institutionNo));
    out.push({ year, total: active.size });
  }
  return out;
}

/**
 * The links that pass the filters (all, or all but `ignore`), one plain predicate per filter as the filter model
 * describes them (src/domain/filters.ts), without its bit masks. Signing years only. The query's match per
 * institution and unit comes from the search index (tested on its own in search*.test.ts); whether a link passes
 * follows from it here.
 */
export function referenceLinks(index: AtlasIndex, filters: Filters, ignore?: FilterKey): Link[] {
  const on = (key: FilterKey) => key !== ignore;
  const query = on('query') && filters.query.trim() ? matchQuery(index.searchIndex(), filters.query) : null;
  return index.links.filter((l) => {
    const a = l.agreement;
    if (on('level') && filters.level !== 'all' && a.level !== filters.level) return false;
    if (on('yearRange') && filters.yearRange) {
      const [from, to] = filters.yearRange;
      if (l.year === null || l.year < from || l.year > to) return false;
    }
    if (on('tuitionWaiverOnly') && filters.tuitionWaiverOnly && a.tuitionWaiver !== true) return false;
    // University-wide agreements are open to every department; only department-level ones are narrowed.
    if (on('departments') && filters.departments.length > 0 && a.level === 'department' && !filters.departments.includes(a.department!.id)) return false;
    if (on('countries') && filters.countries.length > 0 && !filters.countries.includes(l.institution.country)) return false;
    if (on('regions') && filters.regions.length > 0 && !(filters.regions as string[]).includes(l.region)) return false;
    if (query && !linkPassesQuery(query, l.institutionNo, l.agreementNo)) return false;
    return true;
  });
}
