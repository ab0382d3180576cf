// Playback's CPU work, before and after a change, in one run (issue 29): wall-clock frame rates mean nothing on a busy
// machine, CPU work per playback second does. Serves each build directory given (default: dist), and for each data
// size and run, alternating the builds, loads a fresh page, waits for the map, plays for `--seconds` and reads:
// - the renderer's main-thread task time (CDP Performance TaskDuration) per playback second;
// - the CPU seconds of the browser's processes per playback second (scripts/proc-cpu.ts: renderer, GPU process), and of
//   the page's main thread, the GPU process's main thread (SwiftShader's commands) and its compositor thread;
// - per year step: the map's setData calls and the features they carried, the map's drawings (a 'render' event that
//   cleared the canvas) and 'render' events, and the DOM mutations;
// - the frames per second averaged over the run, and the p95 frame (meaningful on a quiet machine only).
// Usage (after `npx vite build`; a "before" build copied aside, e.g. `cp -r dist /tmp/dist-before` on main):
//   npx tsx scripts/playback-cpu.ts [--dist=/tmp/dist-before,dist] [--data=real,10000] [--seconds=5] [--runs=3] [--sw=block]
import { loadavg } from 'node:os';
import { builtDataset, launch, openAtlas, serveBuilds } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { collectFrames } from './bench-frames';
import { chromiumKind, cpuByKind, cpuSnapshot } from './proc-cpu';
import { syntheticDataset } from './synthetic-dataset';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = arg('dist', 'dist').split(',');
const sizes = arg('data', 'real,10000').split(',');
const seconds = Number(arg('seconds', '5'));
const runs = Number(arg('runs', '3'));
const basePort = Number(process.env.ATLAS_BENCH_PORT ?? 4314);
/** `--sw=block`: no service worker, so a fresh page's precache (~30 files, run in the first seconds) is not measured. */
const serviceWorkers = arg('sw', 'allow') === 'block' ? 'block' : 'allow';

// In the page: counts setData calls (and their features) on every source of the map, and DOM mutations.
const INSTRUMENT = `(() => {
  const map = window.__partnerAtlasMap;
  const counts = { setData: 0, features: 0, mutations: 0, renders: 0, drawings: 0, cleared: false, years: new Set() };
  // A drawing: a 'render' event that cleared the canvas (quiet-frames.ts skips drawings whose 'render' still fires).
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
  const clear = gl.clear.bind(gl);
  gl.clear = (mask) => { if (gl.getParameter(gl.FRAMEBUFFER_BINDING) === null) counts.cleared = true; clear(mask); };
  map.on('render', () => { counts.renders += 1; if (counts.cleared) counts.drawings += 1; counts.cleared = false; });
  for (const id of Object.keys(map.getStyle().sources)) {
    const source = map.getSource(id);
    if (!source || typeof source.setData !== 'function') continue;
    const own = source.setData.bind(source);
    source.setData = (data, ...rest) => {
      counts.setData += 1;
      counts.features += data && Array.isArray(data.features) ? data.features.length : 0;
      return own(data, ...rest);
    };
  }
  new MutationObserver((records) => (counts.mutations += records.length)).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  const cursor = () => document.querySelector('[data-testid="playback-year"]')?.textContent ?? '';
  const tick = () => { counts.years.add(cursor()); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__playbackCounts = counts;
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const servers = await serveBuilds(dists, basePort);
const real = builtDataset(dists[0]!);
const bodies = new Map(sizes.map((s) => [s, s === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(s)))]));

type Row = {
  mainMsPerS: number;
  cpuPerS: number;
  renderer: number;
  /** CPU of the page's main thread (the renderer process's main thread), every thread counted however little it ran. */
  mainCpu: number;
  gpu: number;
  /** The GPU process's main thread (WebGL and raster commands, SwiftShader) and its compositor thread. */
  gpuMain: number;
  viz: number;
  fps: number;
  p95: number;
  setDataPerYear: number;
  featuresPerYear: number;
  /** The map's drawings ('render' events) per year step. */
  rendersPerYear: number;
  /** Of those, the ones that drew (cleared the canvas). */
  drawingsPerYear: number;
  mutationsPerYear: number;
  /** CPU ms per year step of the page's main thread and of the whole renderer: unlike the rates per second, these do not stretch with a loaded machine's slower years. */
  mainCpuMsPerYear: number;
  rendererMsPerYear: number;
};
const results = new Map<string, Row[]>();
const browser = await launch();
try {
  for (const size of sizes)
    for (let run = 0; run < runs; run += 1)
      for (const server of servers) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers });
        const page = await openAtlas(context, `${server.url}?lang=en`, { body: bodies.get(size) });
        await page.evaluate(INSTRUMENT);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const taskMs = async () =>
          ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value *
          1000;
        const cpu0 = cpuSnapshot();
        const task0 = await taskMs();
        await page.getByTestId('play').dispatchEvent('click');
        const frames = (await page.evaluate(collectFrames(seconds * 1000))) as number[];
        const task1 = await taskMs();
        const spent = cpuByKind(cpu0, cpuSnapshot(), chromiumKind);
        const counts = (await page.evaluate('({ ...window.__playbackCounts, years: window.__playbackCounts.years.size })')) as {
          setData: number;
          features: number;
          renders: number;
          drawings: number;
          mutations: number;
          years: number;
        };
        await context.close();
        const played = frames.reduce((a, b) => a + b, 0) / 1000;
        const kinds = ['browser', 'renderer', 'gpu-process', 'utility'];
        const total = kinds.reduce((sum, kind) => sum + (spent[kind] ?? 0), 0);
        const years = Math.max(1, counts.years - 1);
        const row: Row = {
          mainMsPerS: (task1 - task0) / played,
          cpuPerS: total / played,
          renderer: (spent.renderer ?? 0) / played,
          mainCpu: (spent['renderer/chromium'] ?? 0) / played,
          gpu: (spent['gpu-process'] ?? 0) / played,
          gpuMain: (spent['gpu-process/chromium'] ?? 0) / played,
          viz: (spent['gpu-process/VizCompositorTh'] ?? 0) / played,
          fps: frames.length / played,
          p95: percentile(frames, 95),
          setDataPerYear: counts.setData / years,
          featuresPerYear: counts.features / years,
          rendersPerYear: counts.renders / years,
          drawingsPerYear: counts.drawings / years,
          mutationsPerYear: counts.mutations / years,
          mainCpuMsPerYear: ((spent['renderer/chromium'] ?? 0) / years) * 1000,
          rendererMsPerYear: ((spent.renderer ?? 0) / years) * 1000,
        };
        const key = `${size} ${server.dir}`;
        const busiest = Object.entries(spent)
          .filter(([name, v]) => name.includes('/') && v >= 0.05)
          .sort((a, b) => b[1] - a[1])
          .map(([name, v]) => `${name} ${round(v / played, 2)}`);
        console.log(`${key} run ${run + 1}, CPU s per playback s by thread: ${busiest.join(', ')}`);
        results.set(key, [...(results.get(key) ?? []), row]);
        console.log(
          `${key} run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v, 2)])))}; years ${counts.years}`,
        );
      }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
console.log(
  `\nmedians of ${runs} runs, ${seconds} s of playback each; service workers ${serviceWorkers}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
console.log(
  '| data, build | main-thread ms per playback s | CPU s per playback s (renderer / GPU) | CPU s per playback s: page main thread / GPU main thread / GPU compositor | setData per year (features) | map drawings per year (render events) | DOM mutations per year | CPU ms per year: page main thread / renderer | fps averaged (p95 ms) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [key, rows] of results) {
  const m = (f: (r: Row) => number) => round(median(rows.map(f)), 2);
  console.log(
    `| ${key} | ${m((r) => r.mainMsPerS)} | ${m((r) => r.cpuPerS)} (${m((r) => r.renderer)} / ${m((r) => r.gpu)}) | ${m((r) => r.mainCpu)} / ${m((r) => r.gpuMain)} / ${m((r) => r.viz)} | ${m((r) => r.setDataPerYear)} (${m((r) => r.featuresPerYear)}) | ${m((r) => r.drawingsPerYear)} (${m((r) => r.rendersPerYear)}) | ${m((r) => r.mutationsPerYear)} | ${m((r) => r.mainCpuMsPerYear)} / ${m((r) => r.rendererMsPerYear)} | ${m((r) => r.fps)} (${m((r) => r.p95)}) |`,
  );
}
