// The offline basemap: world-atlas TopoJSON → GeoJSON that a planar (Mercator) map can fill without streaks.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface BasemapProperties {
  /** world-atlas id: ISO 3166-1 numeric, or '' for the few unrecognised areas (Kosovo, N. Cyprus …). */
  id: string;
  name: string;
}

/**
 * world-atlas stitches polygons across the antimeridian for spherical rendering, so a ring may jump from
 * 179.9° to -179.9°. A planar map draws that jump as a streak across the world. Unwrap each ring so that
 * longitudes stay continuous (values beyond ±180 are fine for MapLibre, which renders world copies), and close a
 * ring that goes all the way round (Antarctica) through the pole.
 */
export function unwrapRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const out: Position[] = [];
  let offset = 0;
  let previous = ring[0]![0]!;
  for (const [lng, lat] of ring as [number, number][]) {
    const delta = lng - previous;
    if (delta > 180) offset -= 360;
    else if (delta < -180) offset += 360;
    previous = lng;
    out.push([lng + offset, lat]);
  }
  if (offset !== 0) {
    const meanLat = out.reduce((sum, p) => sum + p[1]!, 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    const first = out[0]!;
    const last = out[out.length - 1]!;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  return out;
}

function unwrapGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(unwrapRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
}

export function basemapFromTopology(topology: Topology<{ countries: GeometryCollection }>): FeatureCollection<Polygon | MultiPolygon, BasemapProperties> {
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name?: string }>;
  const features: Feature<Polygon | MultiPolygon, BasemapProperties>[] = [];
  for (const f of collection.features) {
    if (!f.geometry) continue;
    features.push({
      type: 'Feature',
      properties: { id: f.id === undefined ? '' : String(f.id), name: f.properties?.name ?? '' },
      geometry: unwrapGeometry(f.geometry),
    });
  }
  return { type: 'FeatureCollection', features };
}
