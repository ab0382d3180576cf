// Writes src/domain/import/country-centroids.json: one point per country (the centroid of its largest polygon in
// world-atlas 1:50m), where the importer pins a partner it can place only by its country (flagged approximate).
// Run again only when world-atlas changes: `npx tsx scripts/country-centroids.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { geoArea, geoCentroid } from 'd3';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8')) as Topology<{ countries: GeometryCollection }>;
const collection = feature(topology, topology.objects.countries);
// A code can have several features (036: Australia, and the Ashmore and Cartier Islands): the largest polygon of all.
const byCode = new Map<string, Polygon['coordinates'][]>();
for (const f of collection.features as Feature<Polygon | MultiPolygon>[]) {
  const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
  if (!code || !f.geometry) continue;
  byCode.set(code, [...(byCode.get(code) ?? []), ...(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)]);
}
const out: Record<string, [number, number]> = {};
for (const [code, polygons] of byCode) {
  let best = polygons[0]!;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates });
    if (area > bestArea) [best, bestArea] = [coordinates, area];
  }
  const [lng, lat] = geoCentroid({ type: 'Polygon', coordinates: best });
  out[code] = [Math.round(lat * 100) / 100, Math.round(lng * 100) / 100];
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync('src/domain/import/country-centroids.json', `${JSON.stringify(sorted)}\n`);
console.log(`${Object.keys(sorted).length} countries`);
