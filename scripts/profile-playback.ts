// Where playback's frames go: loads the build with a dataset served in place of the built one (real, a synthetic size,
// or the national list of bench-homes.ts), clicks Play on a fresh page, and records a CPU profile (CDP Profiler) of
// the main thread over the run, with the requestAnimationFrame intervals. Prints the frames per second averaged over
// the run, the p95 frame, the main thread's busy time per second (CDP TaskDuration) and the functions with the most
// self time. Usage (after `npx vite build`):
//   npx tsx scripts/profile-playback.ts [--data=real|10000|national] [--seconds=6] [--runs=3] [--out=bench/profile.cpuprofile] [--query=&flows=1]
//   [--floor=1: no playback, the map redrawn every frame: the drawing's floor]; ATLAS_DIST=<dir> serves another build
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { nationalDataset } from './bench-homes';
import { collectFrames } from './bench-frames';
import { syntheticDataset } from './synthetic-dataset';
import { type Profile, selfTimes } from './profile-self-times';
import type { Dataset } from '../src/domain/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const data = arg('data', 'national');
const seconds = Number(arg('seconds', '6'));
const runs = Number(arg('runs', '3'));
const out = arg('out', '');
const query = arg('query', '');
const floor = arg('floor', '0') === '1';

const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const file = readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!;
const real = JSON.parse(readFileSync(join(assets, file), 'utf8')) as Dataset;
const body = data === 'real' ? null : JSON.stringify(data === 'national' ? nationalDataset(real) : syntheticDataset(real, Number(data)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const round = (x: number) => Math.round(x * 10) / 10;

const server = await serveBuild(Number(process.env.ATLAS_BENCH_PORT ?? 4316));
const browser = await launch();
const summary: { fps: number; p95: number; busyPerS: number }[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const task = async () =>
      ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const before = await task();
    const t0 = Date.now();
    // Play by the controller's key, not a Playwright click: a click waits for the page to be idle, which a locked page never is.
    // --floor=1: no playback; the map is only redrawn every frame (the arcs and all): what drawing alone costs here.
    if (floor)
      await page.evaluate(
        '(() => { const map = window.__partnerAtlasMap; const tick = () => { map.triggerRepaint(); requestAnimationFrame(tick); }; tick(); })()',
      );
    else await page.getByTestId('play').dispatchEvent('click');
    const frames = (await page.evaluate(collectFrames(seconds * 1000))) as number[];
    const busy = (await task()) - before;
    const wall = (Date.now() - t0) / 1000;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const fps = frames.length / (frames.reduce((a, b) => a + b, 0) / 1000);
    summary.push({ fps, p95: percentile(frames, 95), busyPerS: (busy / wall) * 1000 });
    console.log(
      `run ${run + 1}: ${frames.length} frames, ${round(fps)} fps averaged, p95 ${round(percentile(frames, 95))} ms, longest ${round(Math.max(...frames))} ms; main thread busy ${round((busy / wall) * 1000)} ms per s`,
    );
    if (run === 0) {
      const top = selfTimes(profile).slice(0, Number(arg('top', '25')));
      const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
      console.log(`top self time over ${round(total)} ms profiled:`);
      for (const [fn, ms] of top) console.log(`  ${round(ms).toString().padStart(8)} ms  ${fn}`);
      const byFile = new Map<string, number>();
      for (const [fn, ms] of selfTimes(profile)) {
        const file = fn.split(' ')[1]?.replace(/:\d+(:\d+)?$/, '') ?? '?';
        byFile.set(file, (byFile.get(file) ?? 0) + ms);
      }
      console.log('self time by source file:');
      for (const [file, ms] of [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${round(ms).toString().padStart(8)} ms  ${file}`);
      if (out) writeFileSync(out, JSON.stringify(profile));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `${data}${query}: median of ${runs}: ${round(median(summary.map((s) => s.fps)))} fps averaged, p95 frame ${round(median(summary.map((s) => s.p95)))} ms, main thread busy ${round(median(summary.map((s) => s.busyPerS)))} ms/s; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
