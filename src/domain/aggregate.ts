// Counts over a list of links (totals, signings per year) and the count types every view shares. The app's
// filter changes compute all counts in one pass (view.ts).
import { countedYears, type YearBasis } from './active';
import type { Link } from './atlas-index';
import type { RegionId } from './schema';
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

/**
 * Agreements signed per year, or active each year (basis 'active': an agreement counts in every year from its
 * signing to its end); an agreement counts once a year, in the region of its first institution.
 */
export function countByYear(links: readonly Link[], extent: [number, number], basis: YearBasis = 'signed'): YearCounts {
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
    const years = countedYears(basis, l.year, l.endYear, extent);
    if (!years) continue;
    for (let year = years[0]; year <= years[1]; year += 1) {
      const bin = bins[year - extent[0]]!;
      bin.total += 1;
      bin.byRegion[l.region] += 1;
    }
  }
  return { bins, undated };
}
