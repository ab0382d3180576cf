// The box the map frames for a result: the smallest one around the passing institutions, across the antimeridian
// when that is smaller (New Zealand and Chile together frame the Pacific, not the whole world the other way round).

/** [west, south, east, north] in degrees; east may exceed 180 when the box crosses the antimeridian. */
export type Bounds = [number, number, number, number];

/**
 * The bounds of the given institutions (by institutionNo), or null for none. The longitude span is the circle
 * minus its largest empty gap, so the box never spans the side of the world where there are no results. A single
 * place gives a box of zero size: the map adapter decides the zoom for that (a maximum zoom, padding).
 */
export function resultBounds(institutions: readonly { lat: number; lng: number }[], passing: readonly number[]): Bounds | null {
  if (!passing.length) return null;
  let south = Infinity;
  let north = -Infinity;
  const lngs = new Float64Array(passing.length);
  passing.forEach((n, k) => {
    const { lat, lng } = institutions[n]!;
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    lngs[k] = lng;
  });
  lngs.sort();
  // The largest gap between neighbours, the wrap-around gap (last → first + 360) included.
  let gap = lngs[0]! + 360 - lngs[lngs.length - 1]!;
  let west = lngs[0]!;
  let east = lngs[lngs.length - 1]!;
  for (let k = 1; k < lngs.length; k += 1) {
    const g = lngs[k]! - lngs[k - 1]!;
    if (g > gap) (gap = g), (west = lngs[k]!), (east = lngs[k - 1]! + 360);
  }
  return [west, south, east, north];
}

/** What a framed result is, to name it on the map: one city (with its country), one country, or several places (null). */
export type FramedPlace = { kind: 'city'; city: { en: string; ja?: string | undefined }; country: string } | { kind: 'country'; country: string } | null;

export function framedPlace(
  institutions: readonly { country: string; city: { en: string; ja?: string | undefined } }[],
  passing: readonly number[],
): FramedPlace {
  const first = institutions[passing[0] ?? -1];
  if (!first) return null;
  let oneCity = true;
  for (const n of passing) {
    const inst = institutions[n]!;
    if (inst.country !== first.country) return null;
    if (inst.city.en !== first.city.en) oneCity = false;
  }
  return oneCity ? { kind: 'city', city: first.city, country: first.country } : { kind: 'country', country: first.country };
}
