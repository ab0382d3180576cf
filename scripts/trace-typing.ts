// Where the first keystroke's wall time goes (issue 29, typing): one Chromium trace of 's' typed on a fresh page, and
// every main-thread task from the keydown to the watcher's `painted` (keystroke-watch.ts) with its wall and CPU time
// (dur / tdur) and what it ran (the event dispatches, timers, animation frames, style, layout, paint); beside them the
// main thread's idle gaps and the other threads' busy time in the window (compositor, GPU, raster, workers).
// Usage: npx vite build && npx tsx scripts/trace-typing.ts [--size=real|10000] [--runs=3] [--dist=dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { preview } from 'vite';
import { launch, openAtlas } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { INSTALL_KEYSTROKE_WATCH, type KeystrokeTimes } from './keystroke-watch';
import { syntheticDataset } from './synthetic-dataset';
import type { Dataset } from '../src/domain/schema';
import type { TraceEvent } from './trace-event';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZE = arg('size', 'real');
const RUNS = Number(arg('runs', '3'));
const DIST = resolve(arg('dist', 'dist'));
/** --warm: type the key and delete it first (after its frames), so the measured keystroke runs warm code. */
const WARM = process.argv.includes('--warm');

const port = Number(process.env.ATLAS_BENCH_PORT ?? 4174);
const server = await preview({ build: { outDir: DIST }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const assets = join(DIST, 'assets');
const real = JSON.parse(readFileSync(join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!), 'utf8')) as Dataset;
const body = SIZE === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(SIZE)));
const browser = await launch();
console.log(`load ${loadavg().map((x) => x.toFixed(1))}; ${CHROMIUM_ARGS.join(' ')}`);
const ms = (us: number) => (us / 1000).toFixed(1);
try {
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await openAtlas(context, `http://127.0.0.1:${port}/?lang=en`, { body });
    await page.getByTestId('search').focus();
    if (WARM) {
      for (const key of ['s', 'Backspace']) {
        await page.keyboard.press(key);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
      }
    }
    await page.evaluate(INSTALL_KEYSTROKE_WATCH);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,blink.user_timing,__metadata',
      transferMode: 'ReportEvents',
    });
    await page.keyboard.press('s');
    const wall = (await page.evaluate('window.__keystroke')) as KeystrokeTimes;
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await context.close();

    const threadName = new Map<string, string>();
    for (const e of events) if (e.name === 'thread_name' && e.ph === 'M') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    if (!key) throw new Error('no keydown in the trace');
    const main = (e: TraceEvent) => e.pid === key.pid && e.tid === key.tid;
    const tasks = events.filter((e) => main(e) && e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const own = tasks.find((t) => t.ts <= key.ts && t.ts + (t.dur ?? 0) >= key.ts)!;
    const from = own.ts;
    const to = key.ts + wall.painted * 1000;
    console.log(
      `\nrun ${run + 1}: wall from the keydown listener: committed ${wall.committed.toFixed(1)}, frame ${wall.frame.toFixed(1)}, painted ${wall.painted.toFixed(1)} ms`,
    );
    console.log(' start  wall   cpu  task contents (main thread, ms from the keydown task start)');
    let end = from;
    let idle = 0;
    let cpu = 0;
    for (const t of tasks.filter((t) => t.ts >= from && t.ts <= to)) {
      if (t.ts > end) idle += t.ts - end;
      end = Math.max(end, t.ts + (t.dur ?? 0));
      cpu += t.tdur ?? 0;
      if ((t.dur ?? 0) < 500) continue;
      const inner = events.filter((e) => main(e) && e !== t && e.ph === 'X' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0) && (e.dur ?? 0) >= 300);
      const what = inner
        .filter(
          (e) =>
            /^(EventDispatch|TimerFire|FireAnimationFrame|FunctionCall|RunMicrotasks|UpdateLayoutTree|Layout|Paint|PrePaint|Commit|ParseHTML|FireIdleCallback|V8.GC|MajorGC|MinorGC|ProfileCall)/.test(
              e.name,
            ) || e.name.startsWith('V8.GC'),
        )
        .map(
          (e) =>
            `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${ms(e.dur ?? 0)}`,
        )
        .slice(0, 12);
      console.log(`${ms(t.ts - from).padStart(6)} ${ms(t.dur ?? 0).padStart(6)} ${ms(t.tdur ?? 0).padStart(5)}  ${what.join(', ')}`);
    }
    console.log(`main thread in [keydown task start, painted]: ${ms(to - from)} ms wall, ${ms(cpu)} ms CPU, ${ms(idle)} ms with no task`);
    // Other threads' tasks overlapping the window.
    const others = new Map<string, { wall: number; cpu: number }>();
    for (const e of events) {
      if (e.ph !== 'X' || main(e) || !/^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name)) continue;
      if (e.ts + (e.dur ?? 0) < from || e.ts > to) continue;
      const name = threadName.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
      const o = others.get(name) ?? { wall: 0, cpu: 0 };
      o.wall += e.dur ?? 0;
      o.cpu += e.tdur ?? 0;
      others.set(name, o);
    }
    for (const [name, o] of [...others].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 8))
      console.log(`  other thread ${name}: ${ms(o.wall)} ms wall, ${ms(o.cpu)} ms CPU`);
  }
} finally {
  await browser.close();
  server.close();
}
