// Counts over filtered links: totals, per country, per year and region, cumulative partners, grouped lists.
import type { AtlasIndex, Link } from './atlas-index';
import type { Agreement, Country, Institution, Lang, RegionId } from './schema';
import { REGION_IDS } from './schema';

export interface Summary {
  agreements: number;
  institutions: number;
  countries: number;
}

export function summarise(links: readonly Link[]): Summary {
  const agreements = new Set<string>();
  const institutions = new Set<string>();
  const countries = new Set<string>();
  for (const l of links) {
    agreements.add(l.agreement.id);
    institutions.add(l.institution.id);
    countries.add(l.institution.country);
  }
  return { agreements: agreements.size, institutions: institutions.size, countries: countries.size };
}

export interface CountryCount {
  code: string;
  agreements: number;
  institutions: number;
  university: number;
  department: number;
}

export function countByCountry(links: readonly Link[]): Map<string, CountryCount> {
  const seen = new Map<string, { agreements: Set<string>; institutions: Set<string>; university: Set<string>; department: Set<string> }>();
  for (const l of links) {
    const code = l.institution.country;
    if (!seen.has(code)) seen.set(code, { agreements: new Set(), institutions: new Set(), university: new Set(), department: new Set() });
    const s = seen.get(code)!;
    s.agreements.add(l.agreement.id);
    s.institutions.add(l.institution.id);
    s[l.agreement.level].add(l.agreement.id);
  }
  return new Map(
    [...seen].map(([code, s]) => [
      code,
      { code, agreements: s.agreements.size, institutions: s.institutions.size, university: s.university.size, department: s.department.size },
    ]),
  );
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
  const counted = new Set<string>();
  let undated = 0;
  for (const l of links) {
    if (counted.has(l.agreement.id)) continue;
    counted.add(l.agreement.id);
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
  const first = new Map<string, number>();
  for (const l of links) {
    if (l.year === null) continue;
    const prev = first.get(l.institution.id);
    if (prev === undefined || l.year < prev) first.set(l.institution.id, l.year);
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
      row = { institution: l.institution, agreements: [], firstSigned: null };
      rows.set(l.institution.id, row);
    }
    if (!row.agreements.includes(l.agreement)) row.agreements.push(l.agreement);
    const signed = l.agreement.signed;
    if (signed && (row.firstSigned === null || signed < row.firstSigned)) row.firstSigned = signed;
  }
  const collator = COLLATORS[lang];
  const byName = (a: InstitutionRow, b: InstitutionRow) => collator.compare(a.institution.name[lang], b.institution.name[lang]);
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
