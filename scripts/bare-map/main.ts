// The benchmark's yardstick (issue 16): the least a MapLibre page showing this atlas could be. The same 110m
// basemap (unwrapped the same way) and one circle per university-wide partner institution, nothing else: no app,
// no dataset check, no panels. It marks `bare:ready` and sets html[data-ready] when the map has drawn the circles.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { basemapFromTopology } from '../../src/domain/basemap';
import points from './points.json';

setWorkerUrl(workerUrl);
const world = (await (await fetch(worldUrl)).json()) as Topology<{ countries: GeometryCollection }>;
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: basemapFromTopology(world) },
      points: { type: 'geojson', data: points as GeoJSON.FeatureCollection },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } },
      { id: 'land', type: 'fill', source: 'basemap', paint: { 'fill-color': '#f4f1ea', 'fill-outline-color': '#c9c3b6' } },
      { id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 5, 'circle-color': '#1d4ed8' } },
    ],
  },
  center: [144, 28],
  zoom: 1.2,
  attributionControl: false,
});
map.once('idle', () => {
  performance.mark('bare:ready');
  document.documentElement.setAttribute('data-ready', 'true');
});
