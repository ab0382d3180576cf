// A row's lat/lng checked against its country (issue 27, item 9): inside the country's box (country-bounds.json,
// scripts/country-bounds.ts: world-atlas widened by ≥1°), kept; latitude and longitude swapped and then inside, swapped
// back; else not used (the row is placed by its name, city or country, place.ts). A country with no box: kept.
import bounds from './country-bounds.json' with { type: 'json' };
import type { Cell, ReadNote } from './table';
import { parseCoordinate } from './values';

/** Country → [south, west, north, east] once, or twice for a country across the antimeridian. */
const BOUNDS = bounds as unknown as Record<string, readonly number[] | undefined>;

export type PointCheck = { ok: true; lat: number; lng: number; swapped: boolean } | { ok: false };

/** Whether (lat, lng) is inside one of the country's boxes; true when the country has none. */
export function insideCountry(code: string, lat: number, lng: number): boolean {
  const box = BOUNDS[code];
  if (!box) return true;
  for (let i = 0; i + 3 < box.length; i += 4) {
    if (lat >= box[i]! && lat <= box[i + 2]! && lng >= box[i + 1]! && lng <= box[i + 3]!) return true;
  }
  return false;
}

/** A row's point for its country: as written, swapped back, or not usable. */
export function checkPoint(code: string, lat: number, lng: number): PointCheck {
  if (insideCountry(code, lat, lng)) return { ok: true, lat, lng, swapped: false };
  if (Math.abs(lng) <= 90 && insideCountry(code, lng, lat)) return { ok: true, lat: lng, lng: lat, swapped: true };
  return { ok: false };
}

/**
 * A row's lat/lng cells read and checked: the point to place it by (null, null: none, or not usable), with a note when
 * swapped back or not used; 'bad' when unreadable, only one given, or a latitude past ±90 that is no swapped longitude.
 */
export function rowPoint(
  code: string,
  row: number,
  [latCell, latText]: [Cell | undefined, string],
  [lngCell, lngText]: [Cell | undefined, string],
): { lat: number | null; lng: number | null; note: ReadNote | null } | 'bad' {
  const lat = parseCoordinate(latCell, latText, 180);
  const lng = parseCoordinate(lngCell, lngText, 180);
  if (lat === 'bad' || lng === 'bad' || (lat === null) !== (lng === null)) return 'bad';
  if (lat === null || lng === null) return { lat: null, lng: null, note: null };
  const check = checkPoint(code, lat, lng);
  if (!check.ok) return Math.abs(lat) > 90 ? 'bad' : { lat: null, lng: null, note: { row, code: 'coordinates-outside', country: code } };
  return { lat: check.lat, lng: check.lng, note: check.swapped ? { row, code: 'coordinates-swapped' } : null };
}
