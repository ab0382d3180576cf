// What one playback year costs, and where (issue 29): plays the atlas on a fresh page for `--seconds` under a Chromium
// trace (every process: the page's main thread, its compositor, the GPU process) and prints, per year step:
// - the trace's events by thread and name (total thread CPU ms of complete events: style, layout, paint, layerize, commit, raster,
//   the GPU's draws), each name counted once where events of one name nest;
// - what repainted (Blink's Paint events by element; #document is the page's own layer) and the raster tasks;
// - the DOM mutations, grouped by where they happened (the nearest element with a test id, an id or a class).
// Usage (after `npx vite build`): npx tsx scripts/trace-playback.ts [--data=real|10000|national] [--seconds=6] [--query=&flows=1]
//   ATLAS_DIST=<dir> serves another build (a "before"); --out=trace.json keeps the trace for chrome://tracing.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { nationalDataset } from './bench-homes';
import { syntheticDataset } from './synthetic-dataset';
import type { Dataset } from '../src/domain/schema';
import type { TraceEvent } from './trace-event';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const data = arg('data', 'real');
const seconds = Number(arg('seconds', '6'));
const query = arg('query', '');
const out = arg('out', '');
const top = Number(arg('top', '14'));

const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const file = readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!;
const real = JSON.parse(readFileSync(join(assets, file), 'utf8')) as Dataset;
const body = data === 'real' ? null : JSON.stringify(data === 'national' ? nationalDataset(real) : syntheticDataset(real, Number(data)));
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// In the page: the DOM mutations by place, and the years the cursor showed.
const INSTRUMENT = `(() => {
  const where = (node) => {
    let el = node.nodeType === 1 ? node : node.parentElement;
    for (; el && el !== document.body; el = el.parentElement) {
      const id = el.getAttribute('data-testid') || el.id || (typeof el.className === 'string' && el.className.split(' ')[0]);
      if (id) return el.tagName.toLowerCase() + ' ' + id;
    }
    return 'body';
  };
  const counts = { byPlace: {}, years: new Set() };
  new MutationObserver((records) => {
    for (const r of records) {
      const key = where(r.target) + ' ' + r.type + (r.attributeName ? ' ' + r.attributeName : '');
      counts.byPlace[key] = (counts.byPlace[key] ?? 0) + 1;
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  const cursor = () => document.querySelector('[data-testid="playback-year"]')?.textContent ?? '';
  const tick = () => { counts.years.add(cursor()); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__traceCounts = counts;
})()`;

const server = await serveBuild(Number(process.env.ATLAS_BENCH_PORT ?? 4318));
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body });
  await page.evaluate(INSTRUMENT);
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'blink',
    'cc',
    'gpu',
    'viz',
    'toplevel',
    'v8.execute',
  ];
  await browser.startTracing(page, { categories });
  await page.getByTestId('play').dispatchEvent('click');
  await page.waitForTimeout(seconds * 1000);
  const counts = (await page.evaluate('({ byPlace: window.__traceCounts.byPlace, years: window.__traceCounts.years.size })')) as {
    byPlace: Record<string, number>;
    years: number;
  };
  const buffer = await browser.stopTracing();
  if (out) writeFileSync(out, buffer);
  await context.close();
  const years = Math.max(1, counts.years - 1);
  const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const processNames = new Map<number, string>();
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '?');
    if (e.name === 'thread_name') threadNames.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
  }
  // Per thread and name: total duration, outermost events of a name only (a nested one of the same name is inside it).
  const totals = new Map<string, Map<string, number>>();
  const open = new Map<string, number>();
  const sorted = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  for (const e of sorted) {
    const thread = `${processNames.get(e.pid) ?? e.pid} / ${threadNames.get(`${e.pid}/${e.tid}`) ?? e.tid}`;
    const key = `${e.pid}/${e.tid}/${e.name}`;
    if ((open.get(key) ?? -1) > e.ts) continue;
    open.set(key, e.ts + e.dur!);
    const byName = totals.get(thread) ?? new Map<string, number>();
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur!) / 1000);
    totals.set(thread, byName);
  }
  // What repaints: Blink's Paint events by the element painted (#document: the whole page's layer), and raster tasks.
  const painted = new Map<string, number>();
  let rasterTasks = 0;
  for (const e of events) {
    if (e.name === 'RasterTask' && e.ph === 'X') rasterTasks += 1;
    if (e.name !== 'Paint' || e.ph !== 'X') continue;
    const node = (e.args?.data as { nodeName?: string } | undefined)?.nodeName ?? '?';
    painted.set(node, (painted.get(node) ?? 0) + 1);
  }
  console.log(
    `${data}${query}: ${years} year steps in ${seconds} s; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
  );
  console.log(`raster tasks per year ${round(rasterTasks / years)}; Paint events per year by element:`);
  for (const [node, n] of [...painted.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(
      `  ${round(n / years)
        .toString()
        .padStart(6)}  ${node}`,
    );
  const busiest = [...totals.entries()]
    .map(([thread, byName]) => ({ thread, byName, sum: Math.max(...byName.values()) }))
    .sort((a, b) => b.sum - a.sum)
    .slice(0, 6);
  for (const { thread, byName } of busiest) {
    console.log(`\n${thread} (ms per year):`);
    for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `  ${round(ms / years, 2)
          .toString()
          .padStart(8)}  ${name}`,
      );
  }
  console.log('\nDOM mutations per year by place:');
  for (const [place, n] of Object.entries(counts.byPlace)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(
      `  ${round(n / years, 1)
        .toString()
        .padStart(6)}  ${place}`,
    );
} finally {
  await browser.close();
  await server.close();
}
