// Everything the views show for one filter state, computed in a single pass over the filter masks.
// Equivalent to combining selectLinks with summarise, countByCountry, countByYear, cumulativePartners and
// departmentCounts (a test checks that), but with no intermediate arrays: at 100k agreements that is the
// difference between ~130 ms and a few ms per filter change.
import type { CountryCount, Summary, YearCounts } from './aggregate';
import type { AtlasIndex, Link } from './atlas-index';
import type { FilterEvaluation, FilterKey } from './filters';
import { filterBit } from './filters';
import type { Lang, RegionId } from './schema';
import { REGION_IDS } from './schema';

/** Per institution, among the links that pass every filter. */
export interface InstitutionTally {
  agreements: Int32Array;
  university: Int32Array;
  department: Int32Array;
  /** Earliest signing date as YYYYMMDD, 0 when none is dated. */
  firstSigned: Int32Array;
}

export interface AtlasView {
  /** Links passing every filter. */
  links: Link[];
  /** Links passing every filter but the year range (the timeline, playback and storyline). */
  timelineLinks: Link[];
  summary: Summary;
  /** Per country, ignoring the country filter: the markers (others dimmed) and the country facet. */
  countryCounts: Map<string, CountryCount>;
  years: YearCounts;
  cumulative: { year: number; total: number }[];
  departmentFacet: Map<string, number>;
  regionFacet: Map<RegionId, number>;
  /** Institutions passing every filter, with their tallies; `passing` lists their institutionNo in index order. */
  passing: number[];
  tally: InstitutionTally;
  /** Institutions passing every filter, per country code. */
  institutionsPerCountry: Map<string, number>;
}

const dateNumber = (iso: string) => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

export function computeView(evaluation: FilterEvaluation): AtlasView {
  const { index, masks } = evaluation;
  const all = index.links;
  const bit = (k: FilterKey) => ~filterBit(k);
  const exceptCountries = bit('countries');
  const exceptYears = bit('yearRange');
  const exceptDepartments = bit('departments');
  const exceptRegions = bit('regions');
  const institutionCount = index.dataset.institutions.length;
  const agreementCount = index.dataset.agreements.length;
  const [firstYear, lastYear] = index.yearExtent;

  const tally: InstitutionTally = {
    agreements: new Int32Array(institutionCount),
    university: new Int32Array(institutionCount),
    department: new Int32Array(institutionCount),
    firstSigned: new Int32Array(institutionCount),
  };
  // Last agreement counted per institution / per country, to count an agreement once (its links are adjacent).
  const lastAgreementOfInstitution = new Int32Array(institutionCount).fill(-1);
  const seenAgreement = new Uint8Array(agreementCount);
  const seenTimelineAgreement = new Uint8Array(agreementCount);
  const firstDatedYear = new Int16Array(institutionCount);
  const passing: number[] = [];
  const links: Link[] = [];
  const timelineLinks: Link[] = [];
  const countryCounts = new Map<string, CountryCount>();
  const countryInstitution = new Uint8Array(institutionCount);
  const institutionsPerCountry = new Map<string, number>();
  const departmentFacet = new Map<string, number>();
  const regionAgreements = new Map<RegionId, number>();
  const bins = [];
  for (let year = firstYear; year <= lastYear; year += 1) bins.push({ year, total: 0, byRegion: Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number> });
  let undated = 0;
  let agreements = 0;
  const countriesSeen = new Set<string>();
  let previousAgreement = -1;
  let countriesOfAgreement: string[] = [];
  let previousTimelineAgreement = -1;
  let previousDepartmentAgreement = -1;
  let previousRegionAgreement = -1;
  let regionsOfAgreement: RegionId[] = [];

  for (let n = 0; n < all.length; n += 1) {
    const mask = masks[n]!;
    const link = all[n]!;
    const a = link.agreement;
    const code = link.institution.country;
    if (mask === 0) {
      links.push(link);
      const i = link.institutionNo;
      if (!seenAgreement[link.agreementNo]) {
        seenAgreement[link.agreementNo] = 1;
        agreements += 1;
      }
      if (lastAgreementOfInstitution[i] === -1) {
        passing.push(i);
        institutionsPerCountry.set(code, (institutionsPerCountry.get(code) ?? 0) + 1);
        countriesSeen.add(code);
      }
      if (lastAgreementOfInstitution[i] !== link.agreementNo) {
        lastAgreementOfInstitution[i] = link.agreementNo;
        tally.agreements[i]! += 1;
        if (a.level === 'university') tally.university[i]! += 1;
        else tally.department[i]! += 1;
        if (a.signed) {
          const d = dateNumber(a.signed);
          if (tally.firstSigned[i] === 0 || d < tally.firstSigned[i]!) tally.firstSigned[i] = d;
        }
      }
    }
    if ((mask & exceptCountries) === 0) {
      let c = countryCounts.get(code);
      if (!c) countryCounts.set(code, (c = { code, agreements: 0, institutions: 0, university: 0, department: 0 }));
      if (link.agreementNo !== previousAgreement) {
        previousAgreement = link.agreementNo;
        countriesOfAgreement = [];
      }
      if (!countriesOfAgreement.includes(code)) {
        countriesOfAgreement.push(code);
        c.agreements += 1;
        c[a.level] += 1;
      }
      if (!countryInstitution[link.institutionNo]) {
        countryInstitution[link.institutionNo] = 1;
        c.institutions += 1;
      }
    }
    if ((mask & exceptYears) === 0) {
      timelineLinks.push(link);
      if (link.agreementNo !== previousTimelineAgreement && !seenTimelineAgreement[link.agreementNo]) {
        previousTimelineAgreement = link.agreementNo;
        seenTimelineAgreement[link.agreementNo] = 1;
        if (link.year === null) undated += 1;
        else {
          const bin = bins[link.year - firstYear];
          if (bin) {
            bin.total += 1;
            bin.byRegion[link.region] += 1;
          }
        }
      }
      if (link.year !== null) {
        const i = link.institutionNo;
        if (firstDatedYear[i] === 0 || link.year < firstDatedYear[i]!) firstDatedYear[i] = link.year;
      }
    }
    if ((mask & exceptDepartments) === 0 && a.department && link.agreementNo !== previousDepartmentAgreement) {
      previousDepartmentAgreement = link.agreementNo;
      departmentFacet.set(a.department.id, (departmentFacet.get(a.department.id) ?? 0) + 1);
    }
    if ((mask & exceptRegions) === 0) {
      if (link.agreementNo !== previousRegionAgreement) {
        previousRegionAgreement = link.agreementNo;
        regionsOfAgreement = [];
      }
      if (!regionsOfAgreement.includes(link.region)) {
        regionsOfAgreement.push(link.region);
        regionAgreements.set(link.region, (regionAgreements.get(link.region) ?? 0) + 1);
      }
    }
  }

  const perYear = new Map<number, number>();
  for (const y of firstDatedYear) if (y) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  const cumulative: { year: number; total: number }[] = [];
  let running = 0;
  for (let year = firstYear; year <= lastYear; year += 1) {
    running += perYear.get(year) ?? 0;
    cumulative.push({ year, total: running });
  }

  return {
    links,
    timelineLinks,
    summary: { agreements, institutions: passing.length, countries: countriesSeen.size },
    countryCounts,
    years: { bins, undated },
    cumulative,
    departmentFacet,
    regionFacet: regionAgreements,
    passing,
    tally,
    institutionsPerCountry,
  };
}

export type ListSort = 'name' | 'date';

export interface ListRow {
  institutionNo: number;
  institution: AtlasIndex['dataset']['institutions'][number];
  university: number;
  department: number;
  /** ISO date of the earliest filtered dated agreement, or null. */
  firstSigned: string | null;
}

export interface ListGroup {
  country: AtlasIndex['dataset']['countries'][number];
  /** Institutions in this country that pass the filters (the rows may be fewer, see `limit`). */
  total: number;
  rows: ListRow[];
}

const isoOf = (d: number) => (d ? `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, '0')}-${String(d % 100).padStart(2, '0')}` : null);

/**
 * The results list: passing institutions grouped by country (largest first), sorted by name (the index's
 * precomputed rank) or by first signing date. No group needs more than `limit` rows, since no more are shown.
 */
export function listGroups(index: AtlasIndex, view: AtlasView, lang: Lang, sort: ListSort, limit: number): ListGroup[] {
  const rank = index.nameRank(lang);
  const order = [...view.passing];
  if (sort === 'name') order.sort((a, b) => rank[a]! - rank[b]!);
  else order.sort((a, b) => (view.tally.firstSigned[a] || 99999999) - (view.tally.firstSigned[b] || 99999999) || rank[a]! - rank[b]!);
  const groups = new Map<string, ListGroup>();
  for (const n of order) {
    const institution = index.dataset.institutions[n]!;
    let group = groups.get(institution.country);
    if (!group) {
      group = { country: index.countriesByCode.get(institution.country)!, total: view.institutionsPerCountry.get(institution.country) ?? 0, rows: [] };
      groups.set(institution.country, group);
    }
    if (group.rows.length >= limit) continue;
    group.rows.push({
      institutionNo: n,
      institution,
      university: view.tally.university[n]!,
      department: view.tally.department[n]!,
      firstSigned: isoOf(view.tally.firstSigned[n]!),
    });
  }
  const collator = new Intl.Collator(lang);
  return [...groups.values()].sort((a, b) => b.total - a.total || collator.compare(a.country.name[lang], b.country.name[lang]));
}
