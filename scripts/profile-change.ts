// Where the national list's filter change goes (issue 28 item 7, issue 29 decision 3): loads the build with the
// national list of bench-homes.ts served in place of the built dataset, steps the year brush as bench-homes.ts does
// (ArrowRight / ArrowLeft, back to back), and records a CPU profile (CDP Profiler) of the main thread from before each
// keydown to the frame after it. Prints the keydown → next frame times (median, p95), the main thread's task time over
// those windows (CDP TaskDuration) and the functions with the most self time. Usage (after `npx vite build --sourcemap`):
//   [ATLAS_DIST=<another build>] npx tsx scripts/profile-change.ts [--changes=20] [--query=&years=1995-2004] [--top=30] [--settle=0|1]
// --settle=1 waits for the page to be idle (two idle callbacks) between changes: the change's own cost, without the
// previous change's deferred work.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { nationalDataset } from './bench-homes';
import { type Profile, selfTimes } from './profile-self-times';
import type { Dataset } from '../src/domain/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const changes = Number(arg('changes', '20'));
const query = arg('query', '&years=1995-2004');
const settle = arg('settle', '0') === '1';
/** --trace=1: a Chromium trace over the changes instead, its main-thread events summed by name (layout, style, paint…). */
const trace = arg('trace', '0') === '1';

const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const file = readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!;
const real = JSON.parse(readFileSync(join(assets, file), 'utf8')) as Dataset;
const body = JSON.stringify(nationalDataset(real));

const WATCH = `(() => {
  window.__changeMs = new Promise((resolve) => {
    const begin = () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    };
    window.addEventListener('keydown', begin, { capture: true, once: true });
  });
})()`;
const IDLE = 'new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const round = (x: number) => Math.round(x * 10) / 10;

type TraceEvent = { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } };
/** Durations on the renderer's main thread summed by event name, per change (inclusive: nested events count in both). */
function printTrace({ traceEvents }: { traceEvents: TraceEvent[] }) {
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, number>();
  for (const e of traceEvents)
    if (main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  console.log(`main-thread trace events per change (inclusive ms, sum ÷ ${changes}):`);
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '30'))))
    console.log(
      `  ${round(ms / changes)
        .toString()
        .padStart(8)} ms  ${name}`,
    );
}

const server = await serveBuild(Number(process.env.ATLAS_BENCH_PORT ?? 4316));
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body, map: false });
  await page.evaluate(IDLE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () =>
    ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.getByTestId('timeline-brush').focus();
  console.log(`DOM elements: ${await page.evaluate('document.querySelectorAll("*").length')}`);
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
  const times: number[] = [];
  const busy: number[] = [];
  const profiles: Profile[] = [];
  for (let i = 0; i < changes; i += 1) {
    if (settle) await page.evaluate(IDLE);
    await page.evaluate(WATCH);
    if (!trace) await cdp.send('Profiler.start');
    const before = await task();
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    times.push((await page.evaluate('window.__changeMs')) as number);
    busy.push(((await task()) - before) * 1000);
    if (!trace) profiles.push(((await cdp.send('Profiler.stop')) as { profile: Profile }).profile);
  }
  if (trace) printTrace(JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] });
  console.log(`keydown → next frame: median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms (${times.map(round).join(', ')})`);
  console.log(`main-thread task time over each window: median ${round(median(busy))} ms, p95 ${round(percentile(busy, 95))} ms`);
  const total = new Map<string, number>();
  for (const profile of profiles) for (const [fn, ms] of selfTimes(profile)) total.set(fn, (total.get(fn) ?? 0) + ms);
  console.log(`top self time per change (sum over ${changes} ÷ ${changes}):`);
  for (const [fn, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '30'))))
    console.log(
      `  ${round(ms / changes)
        .toString()
        .padStart(8)} ms  ${fn}`,
    );
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  console.log(`JS heap used after the changes: ${round(metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024)} MB`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `settle=${settle ? 1 : 0}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
