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

/**
 * How long a coastline segment may look on screen before a shape reads as a jagged polygon (issue 26: "Paris" zoomed
 * France to one polygon of a dozen straight edges). About the size of a marker's number.
 */
const MAX_SEGMENT_PX = 20;
/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

/**
 * The deepest zoom the basemap can draw: where its median border segment (longitude scaled by the latitude's
 * cosine) spans MAX_SEGMENT_PX. For world-atlas 1:110m (median ~0.57°) that is ~4.6; 1:50m would allow ~7.8.
 * Framing a search or a selection goes no closer.
 */
export function basemapDetailZoom(collection: FeatureCollection): number {
  const lengths: number[] = [];
  const ring = (r: Position[]) => {
    for (let k = 1; k < r.length; k += 1) {
      const [x0, y0] = r[k - 1] as [number, number];
      const [x1, y1] = r[k] as [number, number];
      const dx = (x1 - x0) * Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
      if (Math.abs(x1 - x0) < 180) lengths.push(Math.hypot(dx, y1 - y0));
    }
  };
  for (const f of collection.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') g.coordinates.forEach(ring);
    else if (g?.type === 'MultiPolygon') for (const polygon of g.coordinates) polygon.forEach(ring);
  }
  if (lengths.length === 0) return Number.POSITIVE_INFINITY;
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  return Math.log2((MAX_SEGMENT_PX * 360) / (WORLD_PX * Math.max(median, 1e-6)));
}
