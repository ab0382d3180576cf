// The country-marker layout (src/adapters/maplibre/marker-layout.ts) on the national list of bench-homes.ts: 770
// homes, each home's point and label an obstacle (~14 circles a home), and the country markers of the default view;
// also on the real data (one home). Runs every layout the map makes on a playback year or a zoom step: medians of
// RUNS, in ms. Usage: npx tsx scripts/bench-marker-layout.ts
import { readFileSync } from 'node:fs';
import { homeObstacles, spreadMarkers } from '../src/adapters/maplibre/marker-layout';
import { buildIndex } from '../src/domain/atlas-index';
import { createFilterMemo, DEFAULT_FILTERS, evaluateFilters } from '../src/domain/filters';
import { countryMarkers, homePoints } from '../src/domain/map-data';
import type { Dataset } from '../src/domain/schema';
import { computeView, listGroups, viewAtYear } from '../src/domain/view';
import { DEFAULT_SETTINGS } from '../src/domain/playback';
import { nationalDataset } from './bench-homes';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const real = JSON.parse(readFileSync('data/agreements.json', 'utf8')) as Dataset;
for (const [label, dataset] of [
  ['real', real],
  ['national', nationalDataset(real)],
] as const) {
  const index = buildIndex(dataset);
  const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
  const markers = countryMarkers(index, view.countryCounts, [], 'en');
  const homes = homePoints(dataset.homes, 'en');
  for (const zoom of [1.25, 3, 6]) {
    const circles = homeObstacles(homes, 12, zoom).reduce((n, o) => n + o.circles.length, 0);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      spreadMarkers(markers, zoom, homeObstacles(homes, 12, zoom));
      times.push(performance.now() - t0);
    }
    console.log(`${label}: ${markers.features.length} markers, ${circles} obstacle circles, zoom ${zoom}: ${median(times).toFixed(1)} ms (median of ${RUNS})`);
  }
}

// The domain's work for one playback year (the page does it once a year, in the frame the year changes): the view at
// that year, and the results list's first LIST_STEP rows. Medians over the years of a whole playback.
for (const [label, dataset] of [
  ['real', real],
  ['national', nationalDataset(real)],
] as const) {
  const index = buildIndex(dataset);
  const memo = createFilterMemo();
  const views: number[] = [];
  const lists: number[] = [];
  for (let year = index.yearExtent[0]; year <= index.yearExtent[1]; year += 1) {
    const t0 = performance.now();
    const { view } = viewAtYear(index, DEFAULT_FILTERS, year, DEFAULT_SETTINGS, memo);
    const t1 = performance.now();
    listGroups(index, view, 'en', 'relevance', 500);
    views.push(t1 - t0);
    lists.push(performance.now() - t1);
  }
  console.log(
    `${label}: a playback year's view ${median(views).toFixed(1)} ms, its list (500 rows) ${median(lists).toFixed(1)} ms (medians of ${views.length} years)`,
  );
}
