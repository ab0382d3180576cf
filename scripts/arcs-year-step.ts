// What a playback year step costs the arcs of the national list (issue 29 decision 3), in Node, CPU time
// (process.cpuUsage, not wall clock): before, each year built a class per arc from the year's filter masks
// (ui/use-homes.ts arcClasses), counted them, and filled a byte per vertex that was uploaded to the GPU; now the
// cumulative playback computes each arc's first year once (domain/arcs.ts playbackArcs) and a step sets one uniform.
// Usage: npx tsx scripts/arcs-year-step.ts [--rounds=3]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { buildIndex } from '../src/domain/atlas-index';
import { ARC_POINTS_MANY, arcValues, buildArcs, playbackArcs } from '../src/domain/arcs';
import { DEFAULT_FILTERS } from '../src/domain/filters';
import { DEFAULT_SETTINGS } from '../src/domain/playback';
import { viewAtYear } from '../src/domain/view';
import type { Dataset } from '../src/domain/schema';
import { nationalDataset } from './bench-homes';

const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const real = JSON.parse(readFileSync(join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!), 'utf8')) as Dataset;
const index = buildIndex(nationalDataset(real));
const geometry = buildArcs({ links: index.links, homeOf: index.homeOf, homes: index.homes, institutions: index.dataset.institutions });
const [first, last] = index.yearExtent;
const years = last - first + 1;
// The year's masks are the page's anyway (its view): computed outside the timed part.
const masks = Array.from({ length: years }, (_, y) => viewAtYear(index, DEFAULT_FILTERS, first + y, DEFAULT_SETTINGS).view.evaluation.masks);
const cpuMs = (work: () => void) => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const vertexClass = new Uint8Array(geometry.count * ARC_POINTS_MANY);
const before: number[] = [];
const after: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  before.push(
    cpuMs(() => {
      for (const m of masks) {
        const passes = new Uint8Array(m.length);
        for (let n = 0; n < passes.length; n += 1) passes[n] = m[n] === 0 ? 1 : 0;
        const classes = arcValues(geometry, passes);
        let count = 0;
        for (const c of classes) if (c) count += 1;
        for (let arc = 0; arc < geometry.count; arc += 1) vertexClass.fill(classes[arc]!, arc * ARC_POINTS_MANY, (arc + 1) * ARC_POINTS_MANY);
        if (count < 0) throw new Error('unreachable');
      }
    }) / years,
  );
  // Now: once per playback (its cost spread over the years), then per year the year shown and the count.
  after.push(
    cpuMs(() => {
      const playback = playbackArcs(index, geometry, DEFAULT_FILTERS, DEFAULT_SETTINGS)!;
      for (let y = first; y <= last; y += 1) if (playback.countAt(y) < 0 || playback.yearShown(y) < 0) throw new Error('unreachable');
    }) / years,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round1 = (x: number) => Math.round(x * 100) / 100;
console.log(
  `${geometry.count} arcs, ${years} playback years. Per year step, the arcs' CPU: ${round1(median(before))} ms before, ${round1(median(after))} ms now (the once-per-playback work spread over the years; median of ${rounds}); uploaded to the GPU per step: ${vertexClass.byteLength.toLocaleString('en')} bytes before, 0 now (a uniform). Load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
