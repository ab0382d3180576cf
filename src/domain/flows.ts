// Flow lines: great-circle arcs from the home campus to each partner city, as longitudes a flat map draws without
// a streak across it (consecutive points never more than 180° apart, so an arc over the Pacific runs past 180°).
import { geoInterpolate } from 'd3';
import type { AtlasIndex } from './atlas-index';

export type LngLat = readonly [number, number];

/** Points per arc: enough for a smooth curve at world zoom (an arc spans at most half the globe). */
export const ARC_POINTS = 48;

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
  const interpolate = geoInterpolate([from[0], from[1]], [to[0], to[1]]);
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
