// Lookup tables and agreement–institution links built once per dataset; every filter and count starts here.
import { nameComparator } from './name-order';
import type { Agreement, Country, Dataset, Department, Home, Institution, Lang, RegionId } from './schema';
import { REGION_IDS } from './schema-ids';
import { searchIndexBuilder, type SearchIndex } from './search-index';

/** One agreement with one of its institutions (a University of California agreement has ten). */
export interface Link {
  agreement: Agreement;
  institution: Institution;
  country: Country;
  region: RegionId;
  /** Signing year, or null for the undated department-level agreements. */
  year: number | null;
  /** Dense integer ids (positions in the dataset's arrays), for counting with typed arrays instead of Sets. */
  agreementNo: number;
  institutionNo: number;
  countryNo: number;
  regionNo: number;
  /** Department position in the dataset, or -1 for university-wide agreements. */
  departmentNo: number;
  /** Signing date as YYYYMMDD, or 0 when undated. */
  signedNo: number;
  /** The year the agreement ends (its end date, from an imported list), or null when none is given. */
  endYear: number | null;
}

export interface AtlasIndex {
  dataset: Dataset;
  links: Link[];
  institutionsById: ReadonlyMap<string, Institution>;
  countriesByCode: ReadonlyMap<string, Country>;
  departmentsById: ReadonlyMap<string, Department>;
  agreementsByInstitution: ReadonlyMap<string, Agreement[]>;
  /** The dataset's homes, in its order (`homeOf` holds positions in it). */
  homes: readonly Home[];
  /** The home (position in `homes`) of each agreement (by position in the dataset's agreements). */
  homeOf: Uint32Array;
  /** First and last signing year in the data. */
  yearExtent: [number, number];
  /** Whether any agreement has an end date: the timeline then offers "active in year" (domain/active.ts). */
  hasEndDates: boolean;
  /** Positions of the dated links in `links`, by signing year (built on first use; "active in year" counts walk it). */
  linksBySigning(): Int32Array;
  /**
   * Positions of the dated links in `links` in the storyline's order (signing date, agreement's seed line,
   * institution's seed line, id; domain/storyline.ts), built on first use: a story of filtered links keeps its links
   * in this order instead of sorting them on every filter change (~40% of the story at 42,000 links).
   */
  linksInStoryOrder(): Int32Array;
  /** Where a country's marker sits: the median of its institutions' coordinates, stable under filtering. */
  countryAnchors: ReadonlyMap<string, [number, number]>;
  /** institutionNo (position in the dataset) by institution id. */
  institutionNoById: ReadonlyMap<string, number>;
  /** Position of each institution (by institutionNo) in name order, per language; built on first use. */
  nameRank(lang: Lang): Uint32Array;
  /**
   * Folded names, aliases, cities, partner units, countries and regions, for search (src/domain/search-index.ts).
   * Not built with the index: folding is its costliest part (~0.3 s at 100k agreements). The page prepares it in
   * idle time (prepareSearch); a search before that finishes the rest on the spot.
   */
  searchIndex(): SearchIndex;
  /**
   * Folds part of the search text while `hasTime()` says so (an idle callback's deadline); true once all is
   * folded. Lets the page prepare search in idle slices instead of one long task (~0.5 s at 100k agreements).
   */
  prepareSearch(hasTime: () => boolean): boolean;
}

export const signedYear = (agreement: Agreement): number | null => (agreement.signed ? Number(agreement.signed.slice(0, 4)) : null);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function buildIndex(dataset: Dataset): AtlasIndex {
  const institutionsById = new Map(dataset.institutions.map((i) => [i.id, i]));
  const countriesByCode = new Map(dataset.countries.map((c) => [c.code, c]));
  const departmentsById = new Map(dataset.departments.map((d) => [d.id, d]));
  const links: Link[] = [];
  const agreementsByInstitution = new Map<string, Agreement[]>();
  const institutionNo = new Map(dataset.institutions.map((inst, n) => [inst.id, n]));
  const countryNo = new Map(dataset.countries.map((c, n) => [c.code, n]));
  const regionNo = new Map(REGION_IDS.map((r, n) => [r, n]));
  const departmentNo = new Map(dataset.departments.map((d, n) => [d.id, n]));
  const homeNo = new Map(dataset.homes.map((h, n) => [h.id, n]));
  const homeOf = new Uint32Array(dataset.agreements.length);
  // Links are created agreement by agreement, so one agreement's links are adjacent (aggregates rely on it).
  dataset.agreements.forEach((agreement, agreementNo) => {
    const year = signedYear(agreement);
    const signedNo = agreement.signed ? Number(agreement.signed.replaceAll('-', '')) : 0;
    const departmentNoOf = agreement.department ? (departmentNo.get(agreement.department.id) ?? -1) : -1;
    const endYear = agreement.expires ? Number(agreement.expires.date.slice(0, 4)) : null;
    const home = homeNo.get(agreement.homeId);
    if (home === undefined) throw new Error(`agreement ${agreement.id} names unknown home ${agreement.homeId}`);
    homeOf[agreementNo] = home;
    for (const id of agreement.institutionIds) {
      const institution = institutionsById.get(id);
      const country = institution && countriesByCode.get(institution.country);
      if (!institution || !country) throw new Error(`agreement ${agreement.id} names unknown institution ${id}`);
      links.push({
        agreement,
        institution,
        country,
        region: country.region,
        year,
        agreementNo,
        institutionNo: institutionNo.get(id)!,
        countryNo: countryNo.get(country.code)!,
        regionNo: regionNo.get(country.region)!,
        departmentNo: departmentNoOf,
        signedNo,
        endYear,
      });
      if (!agreementsByInstitution.has(id)) agreementsByInstitution.set(id, []);
      agreementsByInstitution.get(id)!.push(agreement);
    }
  });
  // A loop, not Math.min(...years): spreading a list's years into a call overflows the stack past ~125k arguments.
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  for (const l of links) {
    if (l.year === null) continue;
    if (l.year < firstYear) firstYear = l.year;
    if (l.year > lastYear) lastYear = l.year;
  }
  const yearExtent: [number, number] = firstYear <= lastYear ? [firstYear, lastYear] : [2012, 2012];
  const byCountry = new Map<string, Institution[]>();
  for (const i of dataset.institutions) {
    if (!byCountry.has(i.country)) byCountry.set(i.country, []);
    byCountry.get(i.country)!.push(i);
  }
  const countryAnchors = new Map<string, [number, number]>(
    [...byCountry].map(([code, list]) => [code, [median(list.map((i) => i.lng)), median(list.map((i) => i.lat))]]),
  );
  const ranks = new Map<Lang, Uint32Array>();
  const nameRank = (lang: Lang) => {
    let rank = ranks.get(lang);
    if (!rank) {
      const compare = nameComparator(lang);
      const order = dataset.institutions.map((_, n) => n).sort((a, b) => compare(dataset.institutions[a]!, dataset.institutions[b]!));
      rank = new Uint32Array(order.length);
      order.forEach((n, position) => {
        rank![n] = position;
      });
      ranks.set(lang, rank);
    }
    return rank;
  };
  const search = searchIndexBuilder(dataset);
  let bySigning: Int32Array | null = null;
  const linksBySigning = () => {
    if (bySigning) return bySigning;
    const dated: number[] = [];
    links.forEach((link, n) => {
      if (link.year !== null) dated.push(n);
    });
    bySigning = Int32Array.from(dated.sort((a, b) => links[a]!.year! - links[b]!.year! || a - b));
    return bySigning;
  };
  let storyOrder: Int32Array | null = null;
  const linksInStoryOrder = () => {
    storyOrder ??= Int32Array.from(storyOrderOf(links));
    return storyOrder;
  };
  return {
    dataset,
    links,
    institutionsById,
    countriesByCode,
    departmentsById,
    agreementsByInstitution,
    homes: dataset.homes,
    homeOf,
    yearExtent,
    hasEndDates: dataset.agreements.some((a) => a.expires !== undefined),
    linksBySigning,
    linksInStoryOrder,
    countryAnchors,
    institutionNoById: institutionNo,
    nameRank,
    searchIndex: () => search.complete(),
    prepareSearch: (hasTime) => search.advance(hasTime),
  };
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Positions of the dated links in the order things happened: signing date, then seed line of the agreement, then
 * seed line of the institution (which orders the campuses of one group agreement), then the institution's id, then
 * the dataset's order (two homes' agreements of the same day and line). Undated links have no place in time.
 */
export function storyOrderOf(links: readonly Link[]): number[] {
  const dated: number[] = [];
  links.forEach((l, n) => {
    if (l.agreement.signed !== null) dated.push(n);
  });
  return dated.sort((i, j) => {
    const a = links[i]!;
    const b = links[j]!;
    return (
      // ISO dates in code-unit order (localeCompare cost a third of a second at 42,000 links).
      compareCodeUnits(a.agreement.signed!, b.agreement.signed!) ||
      a.agreement.source.line - b.agreement.source.line ||
      a.institution.source.line - b.institution.source.line ||
      a.institution.id.localeCompare(b.institution.id) ||
      a.agreementNo - b.agreementNo
    );
  });
}
