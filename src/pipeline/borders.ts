// Country polygons (world-atlas 50m, Natural Earth) for checking that a geocoded point lies in its country.
import { createRequire } from 'node:module';
import { geoCircle, geoContains, geoDistance } from 'd3';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';

export interface CountryBorders {
  /** Features by ISO 3166-1 numeric code (a 3-digit string); some codes have several (036: Australia, Ashmore and Cartier Is.). */
  byNumeric: ReadonlyMap<string, Feature<Geometry>[]>;
}

/** Reads the polygons (Node's require keeps the parsed file; the caller keeps the result). */
export function loadBorders(): CountryBorders {
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
  return { byNumeric };
}

/** Mean Earth radius (IUGG), to turn a tolerance in km into the angular radius d3-geo works in. */
const EARTH_RADIUS_KM = 6371.0088;
const DEGREES_PER_KM = 180 / Math.PI / EARTH_RADIUS_KM;
/** Angle between probes on a ring: 24 probes per ring, dense enough for the 15 km coast tolerance. */
const PROBE_STEP_DEG = 15;

/** The point itself and two rings around it (half and full tolerance), each sampled every PROBE_STEP_DEG. */
function probes(lng: number, lat: number, toleranceKm: number): [number, number][] {
  const points: [number, number][] = [[lng, lat]];
  for (const fraction of [0.5, 1]) {
    const ring = geoCircle()
      .center([lng, lat])
      .radius(toleranceKm * fraction * DEGREES_PER_KM)
      .precision(PROBE_STEP_DEG)().coordinates[0]!;
    // The ring is closed (last point repeats the first).
    points.push(...ring.slice(0, -1).map(([x, y]) => [x!, y!] as [number, number]));
  }
  return points;
}

/** True when the point lies inside one of the features or within `toleranceKm` of it (sampled on two rings). */
export function nearOrInside(features: readonly Feature<Geometry>[], lng: number, lat: number, toleranceKm: number): boolean {
  const points = probes(lng, lat, toleranceKm);
  return features.some((f) => points.some((p) => geoContains(f, p)));
}

/** Great-circle distance in km between two points given as lat/lng. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return geoDistance([a.lng, a.lat], [b.lng, b.lat]) * EARTH_RADIUS_KM;
}
