// Country polygons (world-atlas 50m, Natural Earth) for checking that a geocoded point lies in its country.
import { createRequire } from 'node:module';
import { geoContains } from 'd3';
import { geoDestination } from './geo-math';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';

export interface CountryBorders {
  /** Features by ISO 3166-1 numeric code (a 3-digit string); some codes have several (036: Australia, Ashmore and Cartier Is.). */
  byNumeric: ReadonlyMap<string, Feature<Geometry>[]>;
}

let cached: CountryBorders | null = null;

export function loadBorders(): CountryBorders {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const byNumeric = new Map<string, Feature<Geometry>[]>();
  for (const f of collection.features) {
    if (f.id === undefined) continue;
    const id = String(f.id);
    if (!byNumeric.has(id)) byNumeric.set(id, []);
    byNumeric.get(id)!.push(f);
  }
  cached = { byNumeric };
  return cached;
}

/** True when the point lies inside one of the features or within `toleranceKm` of it (sampled on a circle). */
export function nearOrInside(features: readonly Feature<Geometry>[], lng: number, lat: number, toleranceKm: number): boolean {
  const probes: [number, number][] = [[lng, lat]];
  for (const fraction of [0.5, 1]) {
    for (let bearing = 0; bearing < 360; bearing += 15) probes.push(geoDestination([lng, lat], bearing, toleranceKm * fraction));
  }
  return features.some((f) => probes.some((p) => geoContains(f, p)));
}
