// Typing and filter change only (issue 29, items 4 and 6), measured as main-thread CPU time from a Chromium trace, so
// that a loaded machine compares with a quiet one far better than wall time does:
// - typing: the first character typed in the search box on a fresh page; the CPU time (trace `tdur`) of the task that
//   handles the keydown (React renders and commits the list in it), and of every main-thread task from the keydown
//   to the end of the next frame; beside them the wall times the bench reports (keydown → list committed / → frame);
// - filter change: a keyboard step of the year brush on a ready page (the bench's), the keydown task's CPU time
//   and the wall time from keydown to the end of the handlers (counts and list committed);
// - the results list's DOM rows after typing (how many rows the list renders against the results).
// Usage: npx vite build && npx tsx scripts/bench-typing.ts [--sizes=real,10000] [--runs=3] [--changes=10] [--profile]
//   [--dist=/tmp/dist-before,dist]: each build served on its own port (ATLAS_BENCH_PORT, +1, ...), runs alternating.
// --profile: also a CPU profile of the keystroke, its functions by self time (the first run of each size).
// Prints medians; writes bench/typing.json. ATLAS_BENCH_PORT picks the first preview server's port.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { loadavg } from 'node:os';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { launch, mapIdle } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { syntheticDataset } from './synthetic-dataset';
import { writeCompressedCopies } from './precompressed-assets';
import type { Dataset } from '../src/domain/schema';
import { INSTALL_KEYSTROKE_WATCH, type KeystrokeTimes } from './keystroke-watch';
import type { TraceEvent } from './trace-event';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = arg('sizes', 'real,10000').split(',');
const RUNS = Number(arg('runs', '3'));
const CHANGES = Number(arg('changes', '10'));
const PROFILE = process.argv.includes('--profile');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,__metadata', transferMode: 'ReportEvents' });
  await run();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/** CPU ms of the main-thread task that dispatched the keydown, and of every main-thread task from it to `untilTs`. */
function keydownCpu(events: TraceEvent[], untilTs: number | null) {
  const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!key) return null;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === key.pid && e.tid === key.tid);
  const own = tasks.find((t) => t.ts <= key.ts && t.ts + (t.dur ?? 0) >= key.ts);
  if (!own) return null;
  const end = untilTs ?? own.ts + (own.dur ?? 0);
  const after = tasks.filter((t) => t.ts >= own.ts && t.ts <= end);
  // The service worker's thread in the same window (its precache competes with the keystroke for the two cores).
  const workerThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.ph === 'M' && /ServiceWorker/.test(e.args?.name ?? '')).map((e) => `${e.pid}:${e.tid}`),
  );
  const serviceWorker = events.filter(
    (e) => e.ph === 'X' && /RunTask$/.test(e.name) && workerThreads.has(`${e.pid}:${e.tid}`) && e.ts + (e.dur ?? 0) >= own.ts && e.ts <= end,
  );
  return {
    keydownTaskCpuMs: (own.tdur ?? 0) / 1000,
    keydownTaskWallMs: (own.dur ?? 0) / 1000,
    toFrameCpuMs: after.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000,
    serviceWorkerCpuMs: serviceWorker.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000,
  };
}

async function ready(page: Page, url: string, query = '') {
  await page.goto(`${url}?lang=en${query}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
  await mapIdle(page);
}

async function typing(browser: Browser, url: string, profile: boolean) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await ready(page, url);
  await page.getByTestId('search').focus();
  await page.evaluate(INSTALL_KEYSTROKE_WATCH);
  const cdp = await context.newCDPSession(page);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  let wall: KeystrokeTimes = { committed: 0, frame: 0, painted: 0 };
  const events = await trace(cdp, async () => {
    await page.keyboard.press('s');
    wall = (await page.evaluate('window.__keystroke')) as typeof wall;
  });
  const cpuProfile = profile ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const rows = await page.getByTestId('result-row').count();
  const results = await page.evaluate(() => {
    const n = document.querySelector('[data-testid="summary"]')?.textContent ?? '';
    return n.replace(/\s+/g, ' ').trim();
  });
  // Trace timestamps are microseconds on the monotonic clock; performance.timeOrigin + now() is epoch ms: align on the
  // keydown's event (its ts is known in both) instead.
  const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const cpu = keydownCpu(events, key ? key.ts + wall.painted * 1000 : null);
  const task = key && events.find((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === key.tid && e.ts <= key.ts && e.ts + (e.dur ?? 0) >= key.ts);
  const top = cpuProfile && task ? functionTimes(cpuProfile, task.ts, task.ts + (task.dur ?? 0)) : [];
  if (cpuProfile && process.env.TYPING_PROFILE_OUT)
    writeFileSync(
      `${process.env.TYPING_PROFILE_OUT}-${Date.now()}.json`,
      JSON.stringify({ profile: cpuProfile, from: task?.ts, to: task ? task.ts + (task.dur ?? 0) : 0 }),
    );
  await context.close();
  return { committedMs: wall.committed, frameMs: wall.painted, ...cpu, domRows: rows, summary: results, top };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The profile's samples within [from, to] (trace microseconds): functions by self time and by total time. */
function functionTimes(p: CpuProfile, from: number, to: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ts = p.startTime;
  p.samples.forEach((id, i) => {
    ts += p.timeDeltas[i] ?? 0;
    if (ts < from || ts > to) return;
    const ms = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(nameOf(n));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1)} ms ${k}`);
  return ['self:', ...top(self, 25), 'total:', ...top(total, 45)];
}

async function filterChanges(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await ready(page, url, '&years=1995-2004');
  await page.evaluate(`(() => {
    window.__updateMs = [];
    let start = 0;
    window.addEventListener('keydown', () => (start = performance.now()), true);
    window.addEventListener('keydown', () => window.__updateMs.push(performance.now() - start));
  })()`);
  const cdp = await context.newCDPSession(page);
  await page.getByTestId('timeline-brush').focus();
  const cpu: number[] = [];
  for (let i = 0; i < CHANGES; i += 1) {
    const events = await trace(cdp, async () => {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    });
    const c = keydownCpu(events, null);
    if (c) cpu.push(c.keydownTaskCpuMs);
  }
  const wall = (await page.evaluate('window.__updateMs')) as number[];
  await context.close();
  return { syncUpdateMs: round(median(wall)), keydownTaskCpuMs: round(median(cpu)), runs: wall.length };
}

// Each build directory given (default: dist) is served on its own port; the runs alternate between them, so a
// before/after pair shares the machine's load.
const dists = arg('dist', 'dist').split(',');
const basePort = Number(process.env.ATLAS_BENCH_PORT ?? 4174);
const servers = await Promise.all(
  dists.map(async (dir, n) => {
    const server = await preview({ build: { outDir: resolve(dir) }, preview: { port: basePort + n, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
    const assets = join(dir, 'assets');
    const dataset = join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!);
    return { dir, url: `http://127.0.0.1:${basePort + n}/`, dataset, built: readFileSync(dataset, 'utf8'), close: () => server.close() };
  }),
);
const browser = await launch();
const real = JSON.parse(servers[0]!.built) as Dataset;
const out: Record<string, unknown> = {
  measuredAt: new Date().toISOString(),
  loadAverage: loadavg().map((x) => round(x)),
  chromium: CHROMIUM_ARGS.join(' '),
  runs: RUNS,
  changes: CHANGES,
  dists,
};
try {
  for (const size of SIZES) {
    const body = size === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(size)));
    for (const s of servers) {
      writeFileSync(s.dataset, body ?? s.built);
      writeCompressedCopies(s.dataset);
    }
    const runs = servers.map(() => [] as Awaited<ReturnType<typeof typing>>[]);
    for (let i = 0; i < RUNS; i += 1) for (const [k, s] of servers.entries()) runs[k]!.push(await typing(browser, s.url, PROFILE && i === 0));
    for (const [k, s] of servers.entries()) {
      const mine = runs[k]!;
      const pick = (key: 'committedMs' | 'frameMs' | 'keydownTaskCpuMs' | 'toFrameCpuMs') => round(median(mine.map((r) => r[key] ?? Number.NaN)));
      const change = await filterChanges(browser, s.url);
      const row = {
        typing: {
          committedMs: pick('committedMs'),
          frameMs: pick('frameMs'),
          keydownTaskCpuMs: pick('keydownTaskCpuMs'),
          toFrameCpuMs: pick('toFrameCpuMs'),
          keydownTaskCpuRuns: mine.map((r) => round(r.keydownTaskCpuMs ?? Number.NaN)),
          committedRuns: mine.map((r) => round(r.committedMs)),
          frameRuns: mine.map((r) => round(r.frameMs)),
          serviceWorkerCpuRuns: mine.map((r) => round(r.serviceWorkerCpuMs ?? Number.NaN)),
          domRows: mine[0]!.domRows,
        },
        filterChange: change,
      };
      const key = servers.length > 1 ? `${size} ${s.dir}` : size;
      out[key] = row;
      console.log(key, JSON.stringify(row));
      if (PROFILE) console.log(mine[0]!.top.join('\n'));
    }
  }
} finally {
  for (const s of servers) {
    writeFileSync(s.dataset, s.built);
    writeCompressedCopies(s.dataset);
    await s.close();
  }
  await browser.close();
}
out.loadAverageAfter = loadavg().map((x) => round(x));
writeFileSync('bench/typing.json', `${JSON.stringify(out, null, 2)}\n`);
