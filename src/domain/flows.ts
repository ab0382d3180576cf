// Flow lines: great-circle arcs from the home campus to each partner city, as longitudes a flat map draws without
// a streak across it (consecutive points never more than 180° apart, so an arc over the Pacific runs past 180°).
import type { AtlasIndex } from './atlas-index';

export type LngLat = readonly [number, number];

/** Points per arc: enough for a smooth curve at world zoom (an arc spans at most half the globe). */
export const ARC_POINTS = 48;

const RADIANS = Math.PI / 180;
const haversin = (x: number) => Math.sin(x / 2) ** 2;

/**
 * The point a fraction t of the way along the great circle from `from` to `to`: spherical linear interpolation,
 * d3-geo's geoInterpolate written out. d3-geo is published as one 20 KB module, and this is the only part of it the
 * first view needs (the rest serves the map without WebGL, loaded only there).
 */
export function interpolateGreatCircle(from: LngLat, to: LngLat): (t: number) => [number, number] {
  const [x0, y0] = [from[0] * RADIANS, from[1] * RADIANS];
  const [x1, y1] = [to[0] * RADIANS, to[1] * RADIANS];
  const [cy0, cy1] = [Math.cos(y0), Math.cos(y1)];
  const [kx0, ky0, kz0] = [cy0 * Math.cos(x0), cy0 * Math.sin(x0), Math.sin(y0)];
  const [kx1, ky1, kz1] = [cy1 * Math.cos(x1), cy1 * Math.sin(x1), Math.sin(y1)];
  const d = 2 * Math.asin(Math.sqrt(haversin(y1 - y0) + cy0 * cy1 * haversin(x1 - x0)));
  const k = Math.sin(d);
  if (d === 0) return () => [from[0], from[1]];
  return (t) => {
    const b = Math.sin(t * d) / k;
    const a = Math.sin(d - t * d) / k;
    const x = a * kx0 + b * kx1;
    const y = a * ky0 + b * ky1;
    const z = a * kz0 + b * kz1;
    return [Math.atan2(y, x) / RADIANS, Math.atan2(z, Math.hypot(x, y)) / RADIANS];
  };
}

/** Adds or removes whole turns so that `lng` lies within 180° of `previous`. */
export function unwrapLongitude(lng: number, previous: number): number {
  return lng - 360 * Math.round((lng - previous) / 360);
}

/**
 * The great circle from `from` to `to` in `points` points (both ends included), longitudes unwrapped from `from`'s:
 * the first point is `from` exactly, the last is `to` moved by whole turns (Sendai → Boston ends at 288.9°, east
 * across the Pacific; MapLibre draws longitudes past 180 on the world copy to the east).
 */
export function greatCircleArc(from: LngLat, to: LngLat, points = ARC_POINTS): [number, number][] {
  const interpolate = interpolateGreatCircle(from, to);
  const arc: [number, number][] = [[from[0], from[1]]];
  for (let i = 1; i < points; i++) {
    const [lng, lat] = i === points - 1 ? to : interpolate(i / (points - 1));
    arc.push([unwrapLongitude(lng, arc[i - 1]![0]), lat]);
  }
  return arc;
}

export interface FlowPlace {
  /** `country|city`: one line per partner city. */
  key: string;
  lng: number;
  lat: number;
  /** Agreements with the city's passing institutions (as filtered). */
  agreements: number;
  institutions: number;
}

const placeKey = (country: string, city: string) => `${country}|${city}`;

/**
 * The partner cities of the institutions passing the filters, with their filtered agreement counts, in the order
 * of their first institution. A city's point is its first institution's (institutions of one city share the
 * gazetteer's point).
 */
export function flowPlaces(index: AtlasIndex, passing: readonly number[], agreementCounts: Int32Array): FlowPlace[] {
  const byKey = new Map<string, FlowPlace>();
  for (const n of passing) {
    const agreements = agreementCounts[n] ?? 0;
    if (agreements <= 0) continue;
    const institution = index.dataset.institutions[n]!;
    const key = placeKey(institution.country, institution.city.en);
    const place = byKey.get(key);
    if (place) {
      place.agreements += agreements;
      place.institutions += 1;
    } else byKey.set(key, { key, lng: institution.lng, lat: institution.lat, agreements, institutions: 1 });
  }
  return [...byKey.values()];
}
