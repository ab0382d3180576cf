// A row's lat/lng checked against its country (issue 27, item 9): inside the country's box (country-bounds.json,
// scripts/country-bounds.ts: world-atlas widened by ≥1°), kept; latitude and longitude swapped and then inside, swapped
// back; else not used (the row is placed by its name, city or country, place.ts). A country with no box: kept.
import bounds from './country-bounds.json' with { type: 'json' };

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
