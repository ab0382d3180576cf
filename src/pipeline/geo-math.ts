// Great-circle helper (d3-geo has distance and interpolation, not destination-from-bearing).
const EARTH_RADIUS_KM = 6371.0088;

/** The point `distanceKm` from `origin` along the initial `bearingDeg` (great circle). */
export function geoDestination(origin: [number, number], bearingDeg: number, distanceKm: number): [number, number] {
  const rad = Math.PI / 180;
  const [lng, lat] = origin;
  const φ1 = lat * rad;
  const λ1 = lng * rad;
  const θ = bearingDeg * rad;
  const δ = distanceKm / EARTH_RADIUS_KM;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return [(((λ2 / rad + 540) % 360) - 180), φ2 / rad];
}
