// `npm run bench`: measures the production build in headless Chromium on this machine, on the real dataset and
// on synthetic datasets of 1k, 10k and 100k agreements, prints a table and writes bench/results.json.
// - cold load to <html data-ready> (fresh context, no cache), median of LOAD_RUNS: wall clock around page.goto,
//   and in page from the navigation start (the atlas:ready mark), with the app's phase marks;
// - a filter change (a keyboard step of the year brush): the synchronous UI update (keydown → React render,
//   commit and effects, which hand the data to MapLibre) and the main-thread task time until the map is idle
//   again (CDP TaskDuration), median and p95 over CHANGE_RUNS;
// - playback frame times (requestAnimationFrame intervals over 6 s at 1×);
// - JS heap used; bytes of JS + CSS + data transferred on first load (gzip -9).
// The build is served as a static host would serve it: assets precompressed (gzip -9), not gzipped per request.
// Usage: npm run bench [-- --sizes=real,1000,10000,100000]
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launch, serveBuild } from './browser';
import { syntheticDataset } from './synthetic-dataset';
import { writeCompressedCopies } from './precompressed-assets';
import type { Dataset } from '../src/domain/schema';

const LOAD_RUNS = Number(process.env.LOAD_RUNS ?? 5);
const CHANGE_RUNS = Number(process.env.CHANGE_RUNS ?? 50);
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
const SIZES = (sizesArg ?? 'real,1000,10000,100000').split(',');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function mapIdle(page: Page) {
  await page.waitForFunction(() => {
    const map = window.__partnerAtlasMap;
    return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded();
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The built dataset file; a synthetic dataset is written in its place while it is measured, then restored. */
const DATASET_FILE = join('dist/assets', readdirSync('dist/assets').find((f) => /^agreements-.*\.json$/.test(f))!);

// Strings, not functions: tsx's keepNames would inject a helper (__name) that the page does not have.
const COLLECT_FRAMES = `new Promise((resolve) => {
  const deltas = [];
  let last = performance.now();
  const end = last + 6000;
  const tick = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(tick);
    else resolve(deltas.slice(1));
  };
  requestAnimationFrame(tick);
})`;
const LOAD_MARKS = `Object.fromEntries([
  ...performance.getEntriesByType('navigation').map((e) => ['domContentLoaded', e.domContentLoadedEventEnd]),
  ...performance.getEntriesByType('mark').map((m) => [m.name.replace('atlas:', ''), m.startTime]),
].map(([k, v]) => [k, Math.round(v)]))`;

async function measure(browser: Browser, url: string, label: string, body: string | null) {
  const result: Record<string, unknown> = { dataset: label };
  // 1. Cold loads.
  const loads: number[] = [];
  const marks: Record<string, number>[] = [];
  const requested = new Set<string>();
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    page.on('requestfinished', (request) => {
      const u = new URL(request.url());
      if (u.protocol.startsWith('http')) requested.add(u.pathname);
    });
    const start = Date.now();
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
    loads.push(Date.now() - start);
    marks.push((await page.evaluate(LOAD_MARKS)) as Record<string, number>);
    await context.close();
  }
  const phases = Object.fromEntries(Object.keys(marks[0] ?? {}).map((k) => [k, median(marks.map((m) => m[k] ?? 0))]));
  result.load = { runsMs: loads, medianMs: median(loads), medianPhasesMs: phases };
  if (body === null) {
    let total = 0;
    const files: Record<string, number> = {};
    for (const path of requested) {
      const size = gzipSync(readFileSync(join('dist', path === '/' ? 'index.html' : path)), { level: 9 }).length;
      files[path] = size;
      total += size;
    }
    result.transfer = { gzipKB: round(total / 1024), files };
  }

  // 2. Filter changes and 3. playback, in one page.
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}?lang=en&years=1995-2004`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  await mapIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === name)!.value;
  };
  await page.evaluate(`(() => {
    window.__updateMs = [];
    let start = 0;
    window.addEventListener('keydown', () => (start = performance.now()), true);
    window.addEventListener('keydown', () => window.__updateMs.push(performance.now() - start));
  })()`);
  await page.getByTestId('timeline-brush').focus();
  const changes: number[] = [];
  for (let i = 0; i < CHANGE_RUNS; i += 1) {
    const before = await metric('TaskDuration');
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await mapIdle(page);
    changes.push((await metric('TaskDuration')) - before);
  }
  const baseline: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const before = await metric('TaskDuration');
    await mapIdle(page);
    baseline.push((await metric('TaskDuration')) - before);
  }
  const base = median(baseline) * 1000;
  const withFrames = changes.map((s) => Math.max(0, s * 1000 - base));
  const updates = (await page.evaluate('window.__updateMs')) as number[];
  result.filterChange = {
    runs: updates.length,
    syncUpdateMedianMs: round(median(updates)),
    syncUpdateP95Ms: round(percentile(updates, 95)),
    withMapFramesMedianMs: round(median(withFrames)),
    withMapFramesP95Ms: round(percentile(withFrames, 95)),
  };
  await page.keyboard.press('Escape');
  await page.getByTestId('play').click();
  const frames = (await page.evaluate(COLLECT_FRAMES)) as number[];
  await page.getByTestId('play').click();
  result.playback = {
    frames: frames.length,
    medianFrameMs: round(median(frames)),
    p95FrameMs: round(percentile(frames, 95)),
    averageFps: round(frames.length / (frames.reduce((a, b) => a + b, 0) / 1000)),
  };
  result.jsHeapMB = round((await metric('JSHeapUsedSize')) / 1024 / 1024);
  await context.close();
  return result;
}

const server = await serveBuild();
const browser = await launch();
const builtDataset = readFileSync(DATASET_FILE, 'utf8');
const real = JSON.parse(builtDataset) as Dataset;
const results: Record<string, unknown>[] = [];
try {
  for (const size of SIZES) {
    const body = size === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(size)));
    const label = size === 'real' ? `real (${real.agreements.length})` : `synthetic ${Number(size).toLocaleString('en')}`;
    console.log(`measuring ${label}${body ? ` (${round(body.length / 1024 / 1024)} MB JSON)` : ''}…`);
    writeFileSync(DATASET_FILE, body ?? builtDataset);
    // Served precompressed, as the built dataset is (see precompressed-assets.ts).
    writeCompressedCopies(DATASET_FILE);
    results.push(await measure(browser, server.url, label, body));
  }
} finally {
  writeFileSync(DATASET_FILE, builtDataset);
  writeCompressedCopies(DATASET_FILE);
  await browser.close();
  await server.close();
}

type Row = {
  load: { medianMs: number; medianPhasesMs: Record<string, number> };
  filterChange: Record<string, number>;
  playback: Record<string, number>;
  jsHeapMB: number;
};
console.table(
  Object.fromEntries(
    results.map((r) => {
      const x = r as unknown as Row & { dataset: string };
      return [
        x.dataset,
        {
          // Wall: from before page.goto to Playwright seeing data-ready (includes the harness). In page: from the
          // navigation's start to the atlas:ready mark.
          'load ms (wall / in page)': `${x.load.medianMs} / ${x.load.medianPhasesMs.ready ?? '?'}`,
          'change sync ms (med/p95)': `${x.filterChange.syncUpdateMedianMs} / ${x.filterChange.syncUpdateP95Ms}`,
          'change + map ms (med/p95)': `${x.filterChange.withMapFramesMedianMs} / ${x.filterChange.withMapFramesP95Ms}`,
          'playback frame ms (med/p95)': `${x.playback.medianFrameMs} / ${x.playback.p95FrameMs}`,
          'playback fps': x.playback.averageFps,
          'heap MB': x.jsHeapMB,
        },
      ];
    }),
  ),
);
const transfer = (results[0] as { transfer?: { gzipKB: number } }).transfer;
if (transfer) console.log(`first-load transfer (JS + CSS + data + basemap, gzip): ${transfer.gzipKB} KB`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), loadRuns: LOAD_RUNS, changeRuns: CHANGE_RUNS, results }, null, 2)}\n`);
console.log('wrote bench/results.json');
