// The floor of playback (issue 29): the least a MapLibre page playing the atlas's years could cost. The same 110m
// basemap with partner countries tinted by feature-state, one circle per country with its count and its name (the
// atlas's country markers at world zoom), and a year every 0.8 s. `?mode=` says what a year step does:
// - idle: nothing (the map is drawn once; frames are the page's alone);
// - repaint: nothing changes, but the map is repainted every frame (what drawing this map costs per frame);
// - paint: a filter and paint/layout properties pick the year's values, carried by each feature (no new data);
// - setdata: the year's features sent with setData (what the atlas does).
// `?data=` names the markers (scripts/playback-floor.ts writes them beside the build): per country, its place, name
// and count per year.
import { type ExpressionSpecification, type GeoJSONSource, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { basemapFromTopology } from '../../src/domain/basemap';

type Marker = { code: string; name: string; lng: number; lat: number; borderIds: string[]; counts: number[] };
type Markers = { years: number[]; markers: Marker[] };

setWorkerUrl(workerUrl);
const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'setdata';
const [world, data] = (await Promise.all([fetch(worldUrl), fetch(`./markers-${params.get('data') ?? 'real'}.json`)].map(async (r) => (await r).json()))) as [
  Topology<{ countries: GeometryCollection }>,
  Markers,
];
const radius = (count: number) => (count > 0 ? 7 + 2.2 * Math.sqrt(count) : 0);
/** One feature per country; `y<i>` / `r<i>` are its count and radius in the i-th year (for mode=paint). */
const features = (i: number): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: data.markers.map((m) => ({
    type: 'Feature',
    properties: {
      code: m.code,
      name: m.name,
      count: m.counts[i],
      radius: radius(m.counts[i]!),
      ...(mode === 'paint'
        ? Object.fromEntries(
            m.counts.flatMap((c, j) => [
              [`y${j}`, c],
              [`r${j}`, radius(c)],
            ]),
          )
        : {}),
    },
    geometry: { type: 'Point', coordinates: [m.lng, m.lat] },
  })),
});
const first = data.years.length - 1;
const count = (i: number): ExpressionSpecification => (mode === 'paint' ? ['get', `y${i}`] : ['get', 'count']);
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: basemapFromTopology(world), tolerance: 0.6, promoteId: 'id' },
      markers: { type: 'geojson', data: features(first) },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'partner'], false], '#e8dcc0', '#f4f1ea'], 'fill-outline-color': '#c9c3b6' },
      },
      {
        id: 'circles',
        type: 'circle',
        source: 'markers',
        filter: ['>', count(first), 0],
        paint: {
          'circle-radius': mode === 'paint' ? ['get', `r${first}`] : ['get', 'radius'],
          'circle-color': '#1d4ed8',
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: 'numbers',
        type: 'symbol',
        source: 'markers',
        filter: ['>', count(first), 0],
        layout: { 'text-field': ['to-string', count(first)], 'text-font': ['Noto Sans'], 'text-size': 11, 'text-allow-overlap': true },
        paint: { 'text-color': '#ffffff' },
      },
      {
        id: 'names',
        type: 'symbol',
        source: 'markers',
        filter: ['>', count(first), 0],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['Noto Sans'],
          'text-size': 11,
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.4,
          'symbol-sort-key': ['-', count(first)],
        },
        paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
    ],
  },
  center: [144, 28],
  zoom: 1.2,
  fadeDuration: 0,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});

let shown = first;
function showYear(i: number): void {
  const previous = shown;
  shown = i;
  for (const m of data.markers) {
    const partner = m.counts[i]! > 0;
    if (partner === m.counts[previous]! > 0) continue;
    for (const id of m.borderIds) map.setFeatureState({ source: 'basemap', id }, { partner });
  }
  if (mode === 'setdata') (map.getSource('markers') as GeoJSONSource).setData(features(i));
  if (mode === 'paint') {
    for (const layer of ['circles', 'numbers', 'names']) map.setFilter(layer, ['>', count(i), 0] as never);
    map.setPaintProperty('circles', 'circle-radius', ['get', `r${i}`]);
    map.setLayoutProperty('numbers', 'text-field', ['to-string', count(i)]);
    map.setLayoutProperty('names', 'symbol-sort-key', ['-', count(i)]);
  }
}

/** Plays from the first year, a year every 0.8 s (the atlas at 1×), looping; `window.__play()` starts it. */
function play(): void {
  const start = performance.now();
  const tick = (now: number) => {
    const i = Math.floor((now - start) / 800) % data.years.length;
    if (i !== shown) showYear(i);
    if (mode === 'repaint') map.triggerRepaint();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
(window as unknown as { __play: () => void; __map: MapLibreMap }).__play = play;
(window as unknown as { __map: MapLibreMap }).__map = map;
map.once('idle', () => document.documentElement.setAttribute('data-ready', 'true'));
