// Where the national list's filter change goes (issue 28 item 7, issue 29 decision 3): loads the build with the
// national list of bench-homes.ts served in place of the built dataset, steps the year brush as bench-homes.ts does
// (ArrowRight / ArrowLeft, back to back), and records a CPU profile (CDP Profiler) of the main thread from before each
// keydown to the frame after it. Prints the keydown → next frame times (median, p95), the main thread's task time over
// those windows (CDP TaskDuration) and the functions with the most self time. Usage (after `npx vite build --sourcemap`):
//   [ATLAS_DIST=<another build>] npx tsx scripts/profile-change.ts [--changes=20] [--query=&years=1995-2004] [--top=30] [--settle=0|1]
//   [--map=1] [--trace=1] [--list=real]
// --settle=1 waits for the page to be idle (two idle callbacks) between changes: the change's own cost, without the
// previous change's deferred work.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
/** --map=1: starts once the map is idle too (its tiles loaded), not only the page ready: the change's own cost. */
const mapFirst = arg('map', '0') === '1';

const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const file = readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!;
const real = JSON.parse(readFileSync(join(assets, file), 'utf8')) as Dataset;
/** --list=real: the built dataset itself (the real page's filter change, issue 29) instead of the national list. */
const body = arg('list', 'national') === 'real' ? undefined : JSON.stringify(nationalDataset(real));

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

type TraceEvent = {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; src_func?: string; src_file?: string };
};
/** A task's name with where it was posted from, when the trace says (a thread pool's tasks are otherwise all alike). */
const eventName = (e: TraceEvent) => (e.args?.src_func ? `${e.name} (${e.args.src_file?.split('/').pop()}:${e.args.src_func})` : e.name);
/**
 * Every process's threads (the renderer's main thread and compositor, the GPU process's threads, the workers): each
 * thread's busy time (its top-level events) and the event names with the most self time (an event's duration less its
 * children's), per change. `--trace=1` reads the GPU process and the compositor too (issue 28 item 7: what "(program)"
 * in the CPU profile is).
 */
function printTrace({ traceEvents }: { traceEvents: TraceEvent[] }) {
  const names = new Map<string, string>();
  for (const e of traceEvents)
    if (e.ph === 'M' && e.name === 'process_name') names.set(`${e.pid}`, e.args?.name ?? `${e.pid}`);
    else if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? `${e.tid}`);
  const label = (e: TraceEvent) => `${names.get(`${e.pid}`) ?? e.pid}/${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  const byThread = new Map<string, TraceEvent[]>();
  // Graphics.Pipeline spans a frame's whole trip through the processes: a span, not work on the thread.
  for (const e of traceEvents)
    if (e.ph === 'X' && e.dur !== undefined && e.name !== 'Graphics.Pipeline') {
      const key = label(e);
      if (!byThread.has(key)) byThread.set(key, []);
      byThread.get(key)!.push(e);
    }
  const busy: [string, number][] = [];
  const self = new Map<string, number>();
  for (const [thread, events] of byThread) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; key: string }[] = [];
    let top = 0;
    for (const e of events) {
      while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.key, (self.get(parent.key) ?? 0) - e.dur!);
      else top += e.dur!;
      const key = `${thread}  ${eventName(e)}`;
      self.set(key, (self.get(key) ?? 0) + e.dur!);
      stack.push({ end: e.ts + e.dur!, key });
    }
    busy.push([thread, top]);
  }
  const per = (us: number) =>
    round(us / 1000 / changes)
      .toString()
      .padStart(8);
  console.log(`busy time per thread per change (its top-level trace events, ms, sum ÷ ${changes}):`);
  for (const [thread, us] of busy.sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${per(us)} ms  ${thread}`);
  console.log('self time per change by thread and event (ms):');
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '40')))) console.log(`  ${per(us)} ms  ${key}`);
}

const server = await serveBuild(Number(process.env.ATLAS_BENCH_PORT ?? 4316));
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body, map: mapFirst });
  await page.evaluate(IDLE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () =>
    ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.getByTestId('timeline-brush').focus();
  console.log(`DOM elements: ${await page.evaluate('document.querySelectorAll("*").length')}`);
  if (trace)
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'blink',
        'v8',
        'gpu',
        'viz',
        'cc',
        'toplevel',
        'disabled-by-default-gpu.service',
        'disabled-by-default-v8.compile',
        'disabled-by-default-v8.gc',
      ],
    });
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
  if (trace) {
    const text = (await browser.stopTracing()).toString();
    // --trace-file=<path>: the raw trace too (chrome://tracing, ui.perfetto.dev).
    if (arg('trace-file', '')) writeFileSync(arg('trace-file', ''), text);
    printTrace(JSON.parse(text) as { traceEvents: TraceEvent[] });
  }
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
