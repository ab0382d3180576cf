// Writes src/domain/import/country-bounds.json: per country the box (or two, for a country across the antimeridian:
// US, RU, FJ, NZ, KI) its land lies in, from world-atlas 1:50m, widened by at least 1° and rounded outward to whole
// degrees (coastal and island campuses), as [south, west, north, east, …]. The importer checks a row's lat/lng against
// it (coordinates.ts). Run again only when world-atlas changes: `npx tsx scripts/country-bounds.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const MARGIN = 1;
const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8')) as Topology<{ countries: GeometryCollection }>;
const collection = feature(topology, topology.objects.countries);
type Box = [number, number, number, number];
const box = (points: Position[], shift: boolean): Box => {
  let [s, w, n, e] = [90, 540, -90, -540];
  for (const [x, y] of points) {
    const lng = shift && x! < 0 ? x! + 360 : x!;
    [s, w, n, e] = [Math.min(s, y!), Math.min(w, lng), Math.max(n, y!), Math.max(e, lng)];
  }
  return [s, w, n, e];
};
// A code can have several features (Australia and the Ashmore and Cartier Islands): their outer rings together.
const rings = new Map<string, Position[]>();
for (const f of collection.features as Feature<Polygon | MultiPolygon>[]) {
  const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
  if (!code || !f.geometry) continue;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  rings.set(code, [...(rings.get(code) ?? []), ...polygons.flatMap((p) => p[0]!)]);
}
const out: Record<string, number[]> = {};
for (const [code, points] of rings) {
  // Longitudes as they are, or with the western hemisphere moved past 180°: the narrower box is the country's.
  const plain = box(points, false);
  const shifted = box(points, true);
  const wraps = shifted[3] - shifted[1] < plain[3] - plain[1] - 1e-9;
  const [s, w, n, e] = wraps ? shifted : plain;
  const south = Math.max(-90, Math.floor(s - MARGIN));
  const north = Math.min(90, Math.ceil(n + MARGIN));
  const west = Math.floor(w - MARGIN);
  const east = Math.ceil(e + MARGIN);
  if (!wraps || east - 360 < -180 || west > 180) {
    // One box (a shifted one wholly east or west of 180° comes back to −180…180).
    const d = wraps && west > 180 ? 360 : 0;
    out[code] = [south, Math.max(-180, west - d), north, Math.min(180, east - d)];
  } else out[code] = [south, west, north, 180, south, -180, north, east - 360];
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
const json = `{\n${Object.entries(sorted)
  .map(([code, b]) => `  "${code}": [${b.join(', ')}]`)
  .join(',\n')}\n}\n`;
writeFileSync('src/domain/import/country-bounds.json', json);
const two = Object.entries(sorted)
  .filter(([, b]) => b.length > 4)
  .map(([c]) => c);
console.log(`${Object.keys(sorted).length} countries, ${two.length} with two boxes (${two.join(' ')}), ${json.length} bytes`);
