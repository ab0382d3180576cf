// `npm run bench`: measures the production build in headless Chromium on this machine and prints medians.
// - cold load to <html data-ready> (fresh context, no cache), median of LOAD_RUNS;
// - main-thread task time per filter change (CDP Performance.TaskDuration delta, from a keyboard step on the
//   timeline brush until the map is idle again), median and p95 of CHANGE_RUNS;
// - bytes transferred on first load (JS + CSS + data), gzip -9 sizes of what the page requested.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launch, serveBuild } from './browser';

const LOAD_RUNS = Number(process.env.LOAD_RUNS ?? 5);
const CHANGE_RUNS = Number(process.env.CHANGE_RUNS ?? 40);

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

const server = await serveBuild(4175);
const browser = await launch();
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}` };
try {
  // 1. Cold load.
  const loads: number[] = [];
  const marks: Record<string, number>[] = [];
  const transferred = new Map<string, number>();
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) transferred.set(url.pathname, 0);
    });
    const start = Date.now();
    await page.goto(`${server.url}?lang=en`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    loads.push(Date.now() - start);
    marks.push(
      await page.evaluate(() =>
        Object.fromEntries(
          [
            ...performance.getEntriesByType('navigation').map((e) => ['domContentLoaded', (e as PerformanceNavigationTiming).domContentLoadedEventEnd] as const),
            ...performance.getEntriesByType('mark').map((m) => [m.name.replace('atlas:', ''), m.startTime] as const),
          ].map(([k, v]) => [k, Math.round(v)]),
        ),
      ),
    );
    await context.close();
  }
  let total = 0;
  const files: Record<string, number> = {};
  for (const path of transferred.keys()) {
    const file = join('dist', path === '/' ? 'index.html' : path);
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    files[path] = size;
    total += size;
  }
  const phases = Object.fromEntries(Object.keys(marks[0] ?? {}).map((k) => [k, median(marks.map((m) => m[k] ?? 0))]));
  results.load = { runsMs: loads, medianMs: median(loads), medianMarksMs: phases };
  console.log('load phases (median ms since navigation start):', phases);
  results.transfer = { gzipBytes: total, gzipKB: round(total / 1024), files };

  // 2. Filter changes: arrow keys on the brush move the year range; each step re-filters map, timeline and list.
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en&years=1995-2004`);
  await page.waitForSelector('html[data-ready="true"]');
  await mapIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')!.value;
  };
  // The synchronous part of a change: from keydown (capture, on window) until React has rendered, committed and
  // run its effects (which hand the new GeoJSON to MapLibre): the bubbling window listener runs after all that.
  await page.evaluate(() => {
    const w = window as unknown as { __updateMs: number[] };
    w.__updateMs = [];
    let start = 0;
    window.addEventListener('keydown', () => (start = performance.now()), true);
    window.addEventListener('keydown', () => w.__updateMs.push(performance.now() - start));
  });
  await page.getByTestId('timeline-brush').focus();
  const changes: number[] = [];
  for (let i = 0; i < CHANGE_RUNS; i += 1) {
    const before = await taskSeconds();
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await mapIdle(page);
    changes.push((await taskSeconds()) - before);
  }
  // The idle-wait itself costs main-thread time (rAF polling); measure it alone and subtract it.
  const baseline: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const before = await taskSeconds();
    await mapIdle(page);
    baseline.push((await taskSeconds()) - before);
  }
  const base = median(baseline) * 1000;
  const perChange = changes.map((s) => Math.max(0, s * 1000 - base));
  results.filterChange = {
    runs: perChange.length,
    medianMs: round(median(perChange)),
    p95Ms: round(percentile(perChange, 95)),
    baselineMs: round(base),
    note: 'CDP TaskDuration delta per keyboard step on the brush, until the map is idle, minus the idle-wait baseline',
  };
  // Playback: frame intervals (requestAnimationFrame deltas) while the network grows at 1×, for 6 s.
  await page.keyboard.press('Escape');
  await page.getByTestId('play').click();
  // A string, not a function: tsx's keepNames would inject a helper (__name) that the page does not have.
  const frames = (await page.evaluate(`new Promise((resolve) => {
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
  })`)) as number[];
  await page.getByTestId('play').click();
  const fps = frames.map((d) => 1000 / d);
  results.playback = {
    frames: frames.length,
    medianFrameMs: round(median(frames)),
    p95FrameMs: round(percentile(frames, 95)),
    medianFps: round(median(fps)),
    averageFps: round(frames.length / (frames.reduce((a, b) => a + b, 0) / 1000)),
    note: 'requestAnimationFrame intervals over 6 s of playback at 1× (real dataset)',
  };
  const updates = await page.evaluate(() => (window as unknown as { __updateMs: number[] }).__updateMs);
  results.uiUpdate = {
    runs: updates.length,
    medianMs: round(median(updates)),
    p95Ms: round(percentile(updates, 95)),
    note: 'keydown → React render, commit and effects (filtering, aggregation, list, timeline, setData calls), synchronous',
  };
  const heap = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  results.jsHeapMB = round(heap.metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

console.table({
  'cold load to data-ready (median ms)': (results.load as { medianMs: number }).medianMs,
  'filter change, sync UI update (median ms)': (results.uiUpdate as { medianMs: number }).medianMs,
  'filter change, sync UI update (p95 ms)': (results.uiUpdate as { p95Ms: number }).p95Ms,
  'filter change incl. map frames (median ms)': (results.filterChange as { medianMs: number }).medianMs,
  'filter change incl. map frames (p95 ms)': (results.filterChange as { p95Ms: number }).p95Ms,
  'playback frame time (median ms)': (results.playback as { medianFrameMs: number }).medianFrameMs,
  'playback frame time (p95 ms)': (results.playback as { p95FrameMs: number }).p95FrameMs,
  'playback average fps': (results.playback as { averageFps: number }).averageFps,
  'first-load transfer (gzip KB)': (results.transfer as { gzipKB: number }).gzipKB,
  'JS heap used (MB)': results.jsHeapMB,
});
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results.json');
