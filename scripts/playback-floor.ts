// The floor of playback on this machine (issue 29): a bare MapLibre page (scripts/bare-playback) playing the same
// countries' markers as the atlas's playback (real data and a synthetic dataset), the same viewport and Chromium flags
// as scripts/playback-cpu.ts, in four modes (see the page: idle, repaint every frame, per-year paint/filter change,
// per-year setData). Reads, per run: frames per second averaged over the run and the p95 frame, the map's drawings per
// second, and the CPU seconds per playback second of the page's main thread, MapLibre's workers and the GPU process
// (scripts/proc-cpu.ts), and the CPU per drawing. Modes alternate within a run, so they share the machine's load.
//   npx tsx scripts/playback-floor.ts [--data=real,10000] [--modes=idle,repaint,paint,setdata] [--seconds=6] [--runs=3]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launch } from './browser';
import { collectFrames } from './bench-frames';
import { CHROMIUM_ARGS } from './chromium';
import { chromiumKind, cpuByKind, cpuSnapshot } from './proc-cpu';
import { syntheticDataset } from './synthetic-dataset';
import type { Dataset } from '../src/domain/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = arg('data', 'real,10000').split(',');
const modes = arg('modes', 'idle,repaint,paint,setdata').split(',');
const seconds = Number(arg('seconds', '6'));
const runs = Number(arg('runs', '3'));
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4314);
const OUT = resolve('dist-bench-playback');

/** Per country: where its marker is (its institutions' mean place), and its agreements so far in each year. */
function markers(dataset: Dataset) {
  const yearOf = (signed: string | null | undefined) => Number(String(signed ?? '').slice(0, 4));
  const signed = dataset.agreements.map((a) => yearOf(a.signed)).filter((y) => y > 0);
  const years: number[] = [];
  for (let y = Math.min(...signed); y <= Math.max(...signed); y += 1) years.push(y);
  const institutions = new Map(dataset.institutions.map((i) => [i.id, i]));
  const byCountry = new Map<string, { lng: number; lat: number; n: number; perYear: number[] }>();
  for (const a of dataset.agreements) {
    const year = yearOf(a.signed);
    for (const id of a.institutionIds) {
      const i = institutions.get(id);
      if (!i) continue;
      const c = byCountry.get(i.country) ?? { lng: 0, lat: 0, n: 0, perYear: years.map(() => 0) };
      c.lng += i.lng;
      c.lat += i.lat;
      c.n += 1;
      c.perYear[Math.max(0, years.indexOf(year))]! += 1;
      byCountry.set(i.country, c);
    }
  }
  return {
    years,
    markers: dataset.countries
      .filter((c) => byCountry.has(c.code))
      .map((c) => {
        const m = byCountry.get(c.code)!;
        let sum = 0;
        return { code: c.code, name: c.name.en, lng: m.lng / m.n, lat: m.lat / m.n, borderIds: c.borderIds, counts: m.perYear.map((n) => (sum += n)) };
      }),
  };
}

await build({ configFile: false, root: 'scripts/bare-playback', base: './', logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, target: 'es2022' } });
mkdirSync(OUT, { recursive: true });
const real = JSON.parse(readFileSync('data/agreements.json', 'utf8')) as Dataset;
for (const size of sizes) {
  const m = markers(size === 'real' ? real : syntheticDataset(real, Number(size)));
  writeFileSync(join(OUT, `markers-${size}.json`), JSON.stringify(m));
  console.log(`${size}: ${m.markers.length} country markers, ${m.years.length} years`);
}
const server = await preview({ build: { outDir: OUT }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
type Row = { fps: number; p95: number; rendersPerS: number; main: number; workers: number; gpu: number; mainMsPerRender: number; gpuMsPerRender: number };
const results = new Map<string, Row[]>();
const browser = await launch();
try {
  for (let run = 0; run < runs; run += 1)
    for (const size of sizes)
      for (const mode of modes) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/?data=${size}&mode=${mode}`, { timeout: 300_000 });
        await page.waitForSelector('html[data-ready="true"]', { timeout: 300_000 });
        const cpu0 = cpuSnapshot();
        await page.evaluate(`(() => { window.__renders = 0; window.__map.on('render', () => (window.__renders += 1)); window.__play(); })()`);
        const frames = (await page.evaluate(collectFrames(seconds * 1000))) as number[];
        const spent = cpuByKind(cpu0, cpuSnapshot(), chromiumKind);
        const renders = (await page.evaluate('window.__renders')) as number;
        await context.close();
        const played = frames.reduce((a, b) => a + b, 0) / 1000;
        const row: Row = {
          fps: frames.length / played,
          p95: percentile(frames, 95),
          rendersPerS: renders / played,
          // CPU seconds per playback second: the page's main thread, MapLibre's workers, the GPU process (SwiftShader).
          main: (spent['renderer/chromium'] ?? 0) / played,
          workers: Object.entries(spent).reduce((sum, [name, v]) => (/^renderer\/.*Worker/.test(name) ? sum + v : sum), 0) / played,
          gpu: (spent['gpu-process'] ?? 0) / played,
          // What one drawing of the map costs the two threads it needs, in CPU: on an idle machine the frame rate of a
          // map drawn every frame cannot exceed 1000 / the larger, whatever the load here.
          mainMsPerRender: ((spent['renderer/chromium'] ?? 0) * 1000) / Math.max(1, renders),
          gpuMsPerRender: ((spent['gpu-process/chromium'] ?? 0) * 1000) / Math.max(1, renders),
        };
        const key = `${size} ${mode}`;
        results.set(key, [...(results.get(key) ?? []), row]);
        console.log(
          `${key} run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)])))}; load ${loadavg()[0]!.toFixed(1)}`,
        );
      }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `\nmedians of ${runs} runs, ${seconds} s each; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
console.log(
  '| data, mode | fps averaged (p95 ms) | map drawings per s | CPU s per playback s: main thread / workers / GPU process | CPU ms per drawing: main thread / GPU main thread |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const [key, rows] of results) {
  const m = (f: (r: Row) => number) => round(median(rows.map(f)));
  console.log(
    `| ${key} | ${m((r) => r.fps)} (${m((r) => r.p95)}) | ${m((r) => r.rendersPerS)} | ${m((r) => r.main)} / ${m((r) => r.workers)} / ${m((r) => r.gpu)} | ${m((r) => r.mainMsPerRender)} / ${m((r) => r.gpuMsPerRender)} |`,
  );
}
