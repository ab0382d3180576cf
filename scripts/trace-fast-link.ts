// Issue 29, fast link: where the atlas's time to ready goes beside the bare MapLibre page's (scripts/bench-links.ts
// defines both pages and "ready"). Each run opens the bare page and each build's atlas (`?lang=en`, as the bench)
// in turn, fast link (no throttling, cache off), with a CDP trace (devtools.timeline, loading, v8, user timing), and
// reads from it:
// - ready (the page's `atlas:ready` / `bare:ready` mark, ms from navigation);
// - the main thread's CPU up to ready (top-level tasks of the page's renderer main thread), and its split by kind
//   (script, style and layout, paint, HTML parsing, GC…, self time of the trace's events);
// - CPU up to ready on the other threads (MapLibre's workers, the compositor, the GPU process's threads);
// - the critical path: when each file the page needs finished loading and the app's marks.
// Usage: npx vite build && npx tsx scripts/trace-fast-link.ts [--dist=dist,dist-before] [--runs=5] [--gpu-raster]
// (default: both pages rasterised on the CPU, --disable-gpu-rasterization, as the bench's target). Medians printed,
// and the last run's tables; JSON in bench/trace-fast-link.json.
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { launch } from './browser';
import { buildBarePage, median } from './bench-links';
import { serveStatic } from './static-server';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DISTS = (arg('dist') ?? 'dist').split(',');
const RUNS = Number(arg('runs') ?? 5);
const GPU_RASTER = process.argv.includes('--gpu-raster');
const FLAGS = GPU_RASTER ? [] : ['--disable-gpu-rasterization'];
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'loading',
  'v8',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
].join(',');

// biome-ignore lint/suspicious/noExplicitAny: the trace's args are free-form, read field by field
type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, any> };

interface Run {
  page: string;
  readyMs: number;
  /** CPU (thread time) of the top-level tasks up to ready, per thread group. */
  cpu: Record<string, number>;
  /** Self CPU time by kind on the main thread, up to ready. */
  byKind: Record<string, number>;
  /** Between the page's consecutive marks: the wall time and the CPU per thread group (tasks by their start). */
  phases: { phase: string; wallMs: number; cpu: Record<string, number> }[];
  /** The page's own files: when each was asked for and when it had arrived, ms from navigation. */
  files: { file: string; priority: string; requestMs: number; loadedMs: number }[];
}

const KINDS: [RegExp, string][] = [
  [/^ParseHTML$/, 'parse HTML'],
  [/^(UpdateLayoutTree|ParseAuthorStyleSheet)$/, 'style'],
  [/^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections)$/, 'layout'],
  [/^(Paint|PrePaint|Layerize|PaintImage|Commit|UpdateLayer|CompositeLayers)$/, 'paint, commit'],
  [/^(v8\.compile|v8\.compileModule|V8\.CompileCode|CompileScript|v8\.produce(Module)?Cache|V8\.CompileLazy)/, 'compile'],
  [/GC|^V8\.GC/, 'GC'],
  [
    /^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.run|v8\.callFunction|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|V8\.|HandlePostMessage|FireIdleCallback)/,
    'script',
  ],
];

/** The kind of a main-thread event, for its self time. */
const kind = (e: TraceEvent) => KINDS.find(([re]) => re.test(e.name))?.[1] ?? 'other (tasks, messages, native)';

/** The thread groups counted: the page's renderer and the GPU process (the browser process and others left out). */
const GROUPS = ['main', 'workers', 'compositor', 'gpu main', 'gpu other'] as const;

function analyse(events: TraceEvent[], page: string): Run {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name);
    if (e.name === 'process_name') processName.set(e.pid, e.args?.name);
  }
  const ready = events.find((e) => e.cat.includes('blink.user_timing') && (e.name === 'atlas:ready' || e.name === 'bare:ready'));
  if (!ready) throw new Error(`${page}: no ready mark in the trace`);
  const pid = ready.pid;
  const nav = events.find((e) => e.pid === pid && e.name === 'navigationStart' && e.args?.data?.documentLoaderURL);
  if (!nav) throw new Error(`${page}: no navigationStart`);
  const t0 = nav.ts;
  const frame = nav.args?.frame as string;
  const ms = (ts: number) => Math.round((ts - t0) / 100) / 10;
  const group = (e: TraceEvent): (typeof GROUPS)[number] | null => {
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.pid === pid) {
      if (thread === 'CrRendererMain') return 'main';
      if (thread.startsWith('DedicatedWorker')) return 'workers';
      if (thread === 'Compositor') return 'compositor';
      return null;
    }
    if (!(processName.get(e.pid) ?? '').startsWith('GPU')) return null;
    return thread === 'CrGpuMain' ? 'gpu main' : 'gpu other';
  };
  // CPU: the tasks' thread time (tdur), which a loaded machine inflates far less than their wall time.
  const cpuOf = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= t0 && e.ts < ready.ts);
  const cpu: Record<string, number> = {};
  for (const t of tasks) {
    const g = group(t);
    if (g) cpu[g] = (cpu[g] ?? 0) + cpuOf(t);
  }
  // Phases between the page's marks (atlas:… / bare:…).
  const marks = events
    .filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && /^(atlas|bare):/.test(e.name) && e.ts >= t0 && e.ts <= ready.ts)
    .sort((a, b) => a.ts - b.ts);
  const bounds = [{ name: 'navigation', ts: t0 }, ...marks];
  const phases = bounds.slice(1).map((to, i) => {
    const from = bounds[i]!;
    const sums: Record<string, number> = {};
    for (const t of tasks) {
      const g = group(t);
      if (g && t.ts >= from.ts && t.ts < to.ts) sums[g] = (sums[g] ?? 0) + cpuOf(t);
    }
    return { phase: `${from.name} → ${to.name}`, wallMs: ms(to.ts) - ms(from.ts), cpu: sums };
  });
  // Self time by kind on the main thread: nested complete events, each event's thread time less its children's.
  const mainEvents = events
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && e.ts >= t0 && e.ts < ready.ts && group(e) === 'main')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byKind: Record<string, number> = {};
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
      const top = stack.pop()!;
      const k = kind(top.e);
      byKind[k] = (byKind[k] ?? 0) + (top.e.tdur! - top.child) / 1000;
      if (stack.length) stack.at(-1)!.child += top.e.tdur!;
    }
  };
  for (const e of mainEvents) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const short = (url: string) => (url.split('?')[0]!.split('/').pop() || 'index.html').replace(/-[\w-]{8}\.(js|css|json|mjs)$/, '.$1');
  const requests = new Map<string, { file: string; priority: string; requestMs: number; loadedMs: number }>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'ResourceSendRequest' && data?.frame === frame && /^https?:/.test(data.url) && !requests.has(data.requestId))
      requests.set(data.requestId, { file: short(data.url), priority: data.priority ?? '', requestMs: ms(e.ts), loadedMs: Number.NaN });
  }
  for (const e of events) {
    const r = e.name === 'ResourceFinish' ? requests.get(e.args?.data?.requestId) : undefined;
    if (r) r.loadedMs = e.args!.data.finishTime ? ms(e.args!.data.finishTime * 1e6) : ms(e.ts);
  }
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
  return {
    page,
    readyMs: ms(ready.ts),
    cpu: round(cpu),
    byKind: round(byKind),
    phases: phases.map((p) => ({ ...p, wallMs: Math.round(p.wallMs), cpu: round(p.cpu) })),
    files: [...requests.values()].filter((r) => r.requestMs <= ms(ready.ts)),
  };
}

async function traced(browser: Browser, url: string, page: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (m) => {
    events.push(...(m.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' });
  await tab.goto(url, { waitUntil: 'commit' });
  await tab.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
  await cdp.send('Tracing.end');
  await done;
  if (process.env.TRACE_DUMP) writeFileSync(`${process.env.TRACE_DUMP}-${page.replace(/\W/g, '_')}.json`, JSON.stringify(events));
  await context.close();
  return analyse(events, page);
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

if (!existsSync('dist-bench-bare/index.html')) await buildBarePage();
const browser = await launch(FLAGS);
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4460);
const servers = [await serveStatic('dist-bench-bare', port + 2), ...(await Promise.all(DISTS.map((d, i) => serveStatic(d, port + 3 + i))))];
const names = ['bare', ...DISTS];
const runs: Run[][] = names.map(() => []);
const loads: number[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    loads.push(loadavg()[0]!);
    // Rotate the order, so no page always follows the same one.
    const order = names.map((_, k) => (k + i) % names.length);
    for (const k of order) {
      const url = k === 0 ? servers[0]!.url : `${servers[k]!.url}?lang=en`;
      const r = await traced(browser, url, names[k]!);
      runs[k]!.push(r);
      console.log(`run ${i + 1}/${RUNS} ${pad(names[k]!, 14)}: ready ${pad(Math.round(r.readyMs), 5)} ms, main thread CPU ${pad(r.cpu.main ?? 0, 5)} ms`);
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}

const medianOf = (k: number, f: (r: Run) => number | undefined) => {
  const xs = runs[k]!.map(f).filter((x): x is number => x !== undefined && !Number.isNaN(x));
  return xs.length ? median(xs) : Number.NaN;
};
const mainCpu = (r: Run) => r.cpu.main ?? 0;
console.log(`\nChromium flags: ${FLAGS.join(' ') || '(default)'}; load average at the runs' starts ${loads.map((l) => l.toFixed(1)).join(' / ')}`);
console.log(`\n| page | ready ms (median of ${RUNS}) | ÷ bare (per run) | ${GROUPS.map((g) => `${g} CPU to ready ms`).join(' | ')} | main CPU ÷ bare |`);
console.log(`| --- | --- | --- |${GROUPS.map(() => ' --- |').join('')} --- |`);
names.forEach((name, k) => {
  const ratios = runs[k]!.map((r, i) => (r.readyMs / runs[0]![i]!.readyMs).toFixed(2));
  const ready = medianOf(k, (r) => r.readyMs);
  console.log(
    `| ${name} | ${Math.round(ready)} | ${(ready / medianOf(0, (r) => r.readyMs)).toFixed(2)} (${ratios.join(' / ')}) | ${GROUPS.map((g) => Math.round(medianOf(k, (r) => r.cpu[g] ?? 0))).join(' | ')} | ${(medianOf(k, mainCpu) / medianOf(0, mainCpu)).toFixed(2)} |`,
  );
});
console.log(`\n| main thread self CPU by kind, ms (medians) | ${names.join(' | ')} |`);
console.log(`| --- |${names.map(() => ' --- |').join('')}`);
const kinds = [...new Set(runs.flatMap((rs) => rs.flatMap((r) => Object.keys(r.byKind))))];
for (const kindName of kinds) console.log(`| ${kindName} | ${names.map((_, k) => Math.round(medianOf(k, (r) => r.byKind[kindName] ?? 0))).join(' | ')} |`);
for (const [k, name] of names.entries()) {
  console.log(`\n${name}: the critical path, medians (wall ms; CPU ms per thread group, tasks counted in the phase they start in)`);
  console.log(`| phase | wall | ${GROUPS.join(' | ')} |`);
  console.log(`| --- | --- |${GROUPS.map(() => ' --- |').join('')}`);
  const phaseNames = [...new Set(runs[k]!.flatMap((r) => r.phases.map((p) => p.phase)))];
  for (const phase of phaseNames) {
    const of = (r: Run) => r.phases.find((p) => p.phase === phase);
    console.log(
      `| ${phase} | ${Math.round(medianOf(k, (r) => of(r)?.wallMs))} | ${GROUPS.map((g) => Math.round(medianOf(k, (r) => (of(r) ? (of(r)!.cpu[g] ?? 0) : undefined)))).join(' | ')} |`,
    );
  }
  const files = [...new Set(runs[k]!.flatMap((r) => r.files.map((f) => f.file)))];
  console.log(
    `files (median ms from navigation, asked → arrived): ${files
      .map((file) => {
        const f = (r: Run) => r.files.find((x) => x.file === file);
        const p = runs[k]!.map(f).find((x) => x)?.priority;
        return `${file} [${p}] ${Math.round(medianOf(k, (r) => f(r)?.requestMs))} → ${Math.round(medianOf(k, (r) => f(r)?.loadedMs))}`;
      })
      .join('; ')}`,
  );
}
writeFileSync('bench/trace-fast-link.json', `${JSON.stringify({ date: new Date().toISOString(), flags: FLAGS, loads, names, runs }, null, 1)}\n`);
