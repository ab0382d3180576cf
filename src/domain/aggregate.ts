// Counts over a list of links: totals, per country, per year and region, cumulative partners, grouped lists.
// The app computes all of them at once with computeView (view.ts); these one-view functions are its reference
// in tests, and serve callers that hold a plain list of links.
import type { AtlasIndex, Link } from './atlas-index';
import type { Agreement, Country, Institution, Lang, RegionId } from './schema';
import { REGION_IDS } from './schema';
import { DistinctIds } from './distinct';

export interface Summary {
  agreements: number;
  institutions: number;
  countries: number;
}

// Scratch counters, reused by every call (the app is single-threaded and these functions do not nest).
const seenAgreements = new DistinctIds();
const seenInstitutions = new DistinctIds();
const seenCountries = new DistinctIds();

export function summarise(links: readonly Link[]): Summary {
  seenAgreements.reset();
  seenInstitutions.reset();
  seenCountries.reset();
  let agreements = 0;
  let institutions = 0;
  let countries = 0;
  for (const l of links) {
    if (seenAgreements.add(l.agreementNo)) agreements += 1;
    if (seenInstitutions.add(l.institutionNo)) institutions += 1;
    if (seenCountries.add(l.countryNo)) countries += 1;
  }
  return { agreements, institutions, countries };
}

export interface CountryCount {
  code: string;
  agreements: number;
  institutions: number;
  university: number;
  department: number;
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

export interface YearBin {
  year: number;
  total: number;
  byRegion: Record<RegionId, number>;
}

export interface YearCounts {
  bins: YearBin[];
  /** Agreements without a signing date (department-level). */
  undated: number;
}

const emptyRegions = (): Record<RegionId, number> => Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number>;

/** Agreements signed per year (an agreement counts once, in the region of its first institution). */
export function countByYear(links: readonly Link[], extent: [number, number]): YearCounts {
  const bins: YearBin[] = [];
  for (let year = extent[0]; year <= extent[1]; year += 1) bins.push({ year, total: 0, byRegion: emptyRegions() });
  seenAgreements.reset();
  let undated = 0;
  for (const l of links) {
    if (!seenAgreements.add(l.agreementNo)) continue;
    if (l.year === null) {
      undated += 1;
      continue;
    }
    const bin = bins[l.year - extent[0]];
    if (!bin) continue;
    bin.total += 1;
    bin.byRegion[l.region] += 1;
  }
  return { bins, undated };
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
  const byDate = (a: InstitutionRow, b: InstitutionRow) =>
    (a.firstSigned ?? '9999').localeCompare(b.firstSigned ?? '9999') || byName(a, b);
  const groups = new Map<string, InstitutionRow[]>();
  for (const row of rows.values()) {
    const code = row.institution.country;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(row);
  }
  return [...groups]
    .map(([code, list]) => ({ country: index.countriesByCode.get(code)!, rows: list.sort(sort === 'name' ? byName : byDate) }))
    .sort((a, b) => b.rows.length - a.rows.length || collator.compare(a.country.name[lang], b.country.name[lang]));
}
