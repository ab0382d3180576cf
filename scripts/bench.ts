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
// - the link scenarios (scripts/bench-links.ts): fast and slow link, the atlas against a bare MapLibre page;
// - playback frame rate on a fresh page (not after the filter runs), and the first search keystroke's time to the
//   redrawn results list on a fresh page;
// each figure beside its target (issue 16).
// - the import of a 42,000-row national list in the page's worker (scripts/bench-import.ts);
// - the browser suite's largest files, checked and timed (scripts/bench-suite-moved.ts; --moved=none skips them);
// Usage: npm run bench [-- --sizes=real,1000,10000,100000|none] [--links=fast,slow|none] [--import=42000|none]
// (LINK_RUNS, default 5)
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM_ARGS } from './chromium';
import type { Browser } from '@playwright/test';
import { launch, mapIdle, serveBuild } from './browser';
import { printAndWrite, type BenchModule, type Verdict } from './bench-report';
import { buildBarePage, LINK_TARGETS, measureLinks, type LinkResult } from './bench-links';
import { measureImport, type ImportResult } from './bench-import';
import { runMovedChecks } from './bench-suite-moved';
import { measureHomes } from './bench-homes';
import { COLLECT_FRAMES } from './bench-frames';
import { syntheticDataset } from './synthetic-dataset';
import { writeCompressedCopies } from './precompressed-assets';
import { transferOf } from './bench-transfer';
import type { Dataset } from '../src/domain/schema';
import { INSTALL_KEYSTROKE_WATCH, type KeystrokeTimes } from './keystroke-watch';

const LOAD_RUNS = Number(process.env.LOAD_RUNS ?? 5);
const CHANGE_RUNS = Number(process.env.CHANGE_RUNS ?? 50);
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
const SIZES = sizesArg === 'none' ? [] : (sizesArg ?? 'real,1000,10000,100000').split(',');
const linksArg = process.argv.find((a) => a.startsWith('--links='))?.slice('--links='.length) ?? 'fast,slow';
const LINKS = linksArg === 'none' ? [] : (linksArg.split(',') as ('fast' | 'slow')[]);
const LINK_RUNS = Number(process.env.LINK_RUNS ?? 5);
const importArg = process.argv.find((a) => a.startsWith('--import='))?.slice('--import='.length) ?? '42000';
const IMPORT_ROWS = importArg === 'none' ? 0 : Number(importArg);
/** Issue 29's targets for the figures below (playback averaged over the whole run, not the median frame). */
const TARGETS = {
  playbackFpsReal: 55,
  playbackFps10k: 40,
  keystrokeCommitMs: 50,
  keystrokeFrameMs: 100,
  filterChangeRealMs: 8,
  filterChange100kMs: 50,
  transferKB: 750,
};
/**
 * More benchmarks, one line each (scripts/bench-report.ts, BenchModule): their verdicts join the table. The video
 * export's time (issue 29, item 5) comes in here too.
 */
const MODULES: BenchModule[] = [];

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

/** The built dataset file; a synthetic dataset is written in its place while it is measured, then restored. */
const DATASET_FILE = join('dist/assets', readdirSync('dist/assets').find((f) => /^agreements-.*\.json$/.test(f))!);

// Strings, not functions: tsx's keepNames would inject a helper (__name) that the page does not have.
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
  if (body === null) result.transfer = transferOf(requested);

  console.log('  filter changes…');
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
  result.jsHeapMB = round((await metric('JSHeapUsedSize')) / 1024 / 1024);
  await context.close();
  console.log('  playback on a fresh page…');
  result.playback = await playbackOnFreshPage(browser, url);
  console.log('  first keystroke…');
  result.firstKeystrokeMs = await firstKeystroke(browser, url);
  return result;
}

/** Playback at 1× from the first year, on a page that has just become ready (what a presenter does). */
async function playbackOnFreshPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  await mapIdle(page);
  await page.getByTestId('play').click();
  const frames = (await page.evaluate(COLLECT_FRAMES)) as number[];
  await context.close();
  return {
    frames: frames.length,
    medianFrameMs: round(median(frames)),
    p95FrameMs: round(percentile(frames, 95)),
    averageFps: round(frames.length / (frames.reduce((a, b) => a + b, 0) / 1000)),
    medianFps: round(1000 / median(frames)),
  };
}

/** The first keystroke in the search box on a fresh page, median over LOAD_RUNS pages. */
async function firstKeystroke(browser: Browser, url: string) {
  const times: number[] = [];
  const commits: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
    await mapIdle(page);
    await page.getByTestId('search').focus();
    await page.evaluate(INSTALL_KEYSTROKE_WATCH);
    await page.keyboard.press('s');
    const { committed, frame } = (await page.evaluate('window.__keystroke')) as KeystrokeTimes;
    times.push(frame);
    commits.push(committed);
    await context.close();
  }
  return { runsMs: times.map((t) => round(t)), medianMs: round(median(times)), committedMedianMs: round(median(commits)) };
}

const server = await serveBuild();
const browser = await launch();
const builtDataset = readFileSync(DATASET_FILE, 'utf8');
const real = JSON.parse(builtDataset) as Dataset;
const results: Record<string, unknown>[] = [];
let links: LinkResult[] = [];
/** The fast link again with the page rasterised on the CPU (as a machine with a GPU behaves; see chromium.ts). */
let cpuFast: LinkResult | undefined;
let imported: ImportResult | null = null;
const moduleVerdicts: Verdict[] = [];
try {
  if (LINKS.length) {
    console.log(`link scenarios (${LINKS.join(', ')}; ${LINK_RUNS} alternating runs each)…`);
    await buildBarePage();
    links = await measureLinks(browser, 'dist', LINK_RUNS, LINKS);
    if (LINKS.includes('fast')) {
      console.log('fast link with --disable-gpu-rasterization…');
      const cpu = await launch(['--disable-gpu-rasterization']);
      try {
        [cpuFast] = await measureLinks(cpu, 'dist', LINK_RUNS, ['fast']);
      } finally {
        await cpu.close();
      }
    }
  }
  for (const size of SIZES) {
    const body = size === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(size)));
    const label = size === 'real' ? `real (${real.agreements.length})` : `synthetic ${Number(size).toLocaleString('en')}`;
    console.log(`measuring ${label}${body ? ` (${round(body.length / 1024 / 1024)} MB JSON)` : ''}…`);
    writeFileSync(DATASET_FILE, body ?? builtDataset);
    // Served precompressed, as the built dataset is (see precompressed-assets.ts).
    writeCompressedCopies(DATASET_FILE);
    results.push(await measure(browser, server.url, label, body));
  }
  if (!process.argv.includes('--homes=none'))
    await measureHomes(browser, server.url, real, (json) => [writeFileSync(DATASET_FILE, json), writeCompressedCopies(DATASET_FILE)]);
  writeFileSync(DATASET_FILE, builtDataset);
  writeCompressedCopies(DATASET_FILE);
  if (IMPORT_ROWS > 0) {
    console.log(`importing a ${IMPORT_ROWS.toLocaleString('en')}-row national list…`);
    imported = await measureImport(browser, server.url, IMPORT_ROWS);
  }
  await runMovedChecks(browser, server.url);
  for (const module of MODULES) {
    console.log(`${module.name}…`);
    moduleVerdicts.push(...(await module.run({ url: server.url })));
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
          'playback fps (median / average)': `${x.playback.medianFps} / ${x.playback.averageFps}`,
          'first keystroke ms': (x as unknown as { firstKeystrokeMs: { medianMs: number } }).firstKeystrokeMs.medianMs,
          'heap MB': x.jsHeapMB,
        },
      ];
    }),
  ),
);
const transfer = (results[0] as { transfer?: { gzipKB: number; brotliKB: number } } | undefined)?.transfer;
if (transfer) console.log(`first-load transfer (JS + CSS + data + basemap): ${transfer.brotliKB} KB brotli as served, ${transfer.gzipKB} KB gzip -9`);

// Each figure beside its target.
type Measured = Row & { firstKeystrokeMs: { medianMs: number; committedMedianMs: number } };
const byLabel = (prefix: string) => results.find((r) => String(r.dataset).startsWith(prefix)) as Measured | undefined;
const realRow = byLabel('real');
const row10k = byLabel('synthetic 10,000');
const row100k = byLabel('synthetic 100,000');
const slow = links.find((l) => l.link === 'slow');
const fast = links.find((l) => l.link === 'fast');
const ratio = (l: LinkResult) => `${l.median.readyRatio} (${l.median.atlasReadyMs} ÷ ${l.median.bareReadyMs} ms)`;
const playback = (key: string, label: string, row: Measured | undefined, target: number | null): Verdict | undefined =>
  row && {
    key,
    figure: `playback, ${label}: fps averaged over the run on a fresh page (p95 frame ms)`,
    value: `${row.playback.averageFps} (${row.playback.p95FrameMs})`,
    target: target === null ? '—' : `≥ ${target}`,
    met: target === null ? null : row.playback.averageFps! >= target,
  };
const typing = (key: string, label: string, row: Measured | undefined): Verdict | undefined =>
  row && {
    key,
    figure: `typing, ${label}: keydown → results list committed / → next frame, ms`,
    value: `${row.firstKeystrokeMs.committedMedianMs} / ${row.firstKeystrokeMs.medianMs}`,
    target: `≤ ${TARGETS.keystrokeCommitMs} / ≤ ${TARGETS.keystrokeFrameMs}`,
    met: row.firstKeystrokeMs.committedMedianMs <= TARGETS.keystrokeCommitMs && row.firstKeystrokeMs.medianMs <= TARGETS.keystrokeFrameMs,
  };
const verdicts: Verdict[] = [
  slow && {
    key: 'slowFirstView',
    figure: 'slow link: first view ÷ bare page ready (default / filtered URL)',
    value: `${slow.median.firstViewRatio.default} / ${slow.median.firstViewRatio.filtered} (${slow.median.firstViewMs.default} / ${slow.median.firstViewMs.filtered} ms ÷ ${slow.median.bareReadyMs} ms)`,
    target: `≤ ${LINK_TARGETS.slowFirstViewRatio} / ≤ ${LINK_TARGETS.slowFirstViewFilteredRatio}`,
    met:
      slow.median.firstViewRatio.default! <= LINK_TARGETS.slowFirstViewRatio && slow.median.firstViewRatio.filtered! <= LINK_TARGETS.slowFirstViewFilteredRatio,
  },
  // A filtered URL's counts, right, before the app's code (src/app/early-counts.ts); the list and the timeline follow with the app.
  slow && {
    key: 'slowFirstCounts',
    figure: 'slow link: first right counts on screen ÷ bare page ready (default / filtered URL)',
    value: `${slow.median.firstCountsRatio.default} / ${slow.median.firstCountsRatio.filtered} (${slow.median.firstCountsMs.default} / ${slow.median.firstCountsMs.filtered} ms ÷ ${slow.median.bareReadyMs} ms)`,
    target: '—',
    met: null,
  },
  // What no first view could beat: its files downloaded and nothing run. On this critical path; with React's runtime
  // and the dataset (any first view React renders with the right counts for any URL); with the dataset alone.
  slow && {
    key: 'slowFloors',
    figure: 'slow link floors, nothing run ÷ bare page ready (critical files / React + dataset / dataset)',
    value: `${slow.median.floorRatio.critical} / ${slow.median.floorRatio.react} / ${slow.median.floorRatio.dataset} (${slow.median.floorMs.critical} / ${slow.median.floorMs.react} / ${slow.median.floorMs.dataset} ms)`,
    target: '—',
    met: null,
  },
  slow && { key: 'slowReady', figure: 'slow link: atlas ready ÷ bare page ready', value: ratio(slow), target: '—', met: null },
  cpuFast && {
    key: 'fastReadyCpu',
    figure: 'fast link: atlas ready ÷ bare page ready, both rasterised on the CPU (--disable-gpu-rasterization)',
    value: ratio(cpuFast),
    target: `≤ ${LINK_TARGETS.fastReadyRatio}`,
    met: cpuFast.median.readyRatio <= LINK_TARGETS.fastReadyRatio,
  },
  fast && {
    key: 'fastReady',
    figure: 'fast link: atlas ready ÷ bare page ready (default flags: software GL rasterises the page)',
    value: ratio(fast),
    target: '—',
    met: null,
  },
  slow && {
    key: 'firstViewCounts',
    figure: 'first view’s counts equal the ready page’s (every URL of the link runs; the run stops if not)',
    value: Object.entries(slow.firstViewCounts)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
    target: 'equal',
    met: true,
  },
  playback('playbackReal', 'real data', realRow, TARGETS.playbackFpsReal),
  playback('playback10k', '10k agreements', row10k, TARGETS.playbackFps10k),
  playback('playback100k', '100k agreements', row100k, null),
  typing('typingReal', 'real data', realRow),
  typing('typing10k', '10k agreements', row10k),
  // The app's own work for a change (keydown to the render committed, counts and list updated); the map's data and
  // its software-GL frames follow after that frame and are reported beside it, without a target.
  realRow && {
    key: 'filterChangeReal',
    figure: 'filter change, real data, ms (keydown → counts and list committed)',
    value: realRow.filterChange.syncUpdateMedianMs!,
    target: `≤ ${TARGETS.filterChangeRealMs}`,
    met: realRow.filterChange.syncUpdateMedianMs! <= TARGETS.filterChangeRealMs,
  },
  row100k && {
    key: 'filterChange100k',
    figure: 'filter change, 100k, ms (keydown → counts and list committed)',
    value: row100k.filterChange.syncUpdateMedianMs!,
    target: `≤ ${TARGETS.filterChange100kMs}`,
    met: row100k.filterChange.syncUpdateMedianMs! <= TARGETS.filterChange100kMs,
  },
  realRow && {
    key: 'filterChangeRealMap',
    figure: 'filter change with the map’s frames, real data, ms (main-thread task time)',
    value: realRow.filterChange.withMapFramesMedianMs!,
    target: '—',
    met: null,
  },
  row100k && {
    key: 'filterChange100kMap',
    figure: 'filter change with the map’s frames, 100k, ms',
    value: row100k.filterChange.withMapFramesMedianMs!,
    target: '—',
    met: null,
  },
  imported && {
    key: 'import',
    figure: `import of ${imported.rows.toLocaleString('en')} rows in the worker: ms to the summary (longest main-thread task ms; frames, longest gap ms)`,
    value: `${imported.importMs} (${imported.longestTaskMs}; ${imported.frames}, ${imported.longestFrameGapMs})`,
    // As the browser suite asked of it: no long task near a blocked page, and frames kept coming.
    target: 'longest task < 500 ms, ≥ 1 frame a second',
    met: imported.longestTaskMs < 500 && imported.frames > imported.importMs / 1000,
  },
  imported && {
    key: 'importShown',
    figure: 'imported list: "Show this list" to its counts, ms; a year-brush step, ms (median / max of 10)',
    value: `${imported.shownMs}; ${imported.filterChangeMedianMs} / ${imported.filterChangeMaxMs}`,
    target: '—',
    met: null,
  },
  transfer && {
    key: 'transfer',
    figure: 'first-load transfer, KB gzip -9 (brotli as served: see above)',
    value: transfer.gzipKB,
    target: `≤ ${TARGETS.transferKB}`,
    met: transfer.gzipKB <= TARGETS.transferKB,
  },
  ...moduleVerdicts,
].filter((v): v is Verdict => !!v);
printAndWrite(
  verdicts,
  `Measured ${new Date().toISOString()} on this machine (load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${cpus().length} cores); medians of ${LINK_RUNS} link runs, ${LOAD_RUNS} loads, ${CHANGE_RUNS} changes. Chromium: ${CHROMIUM_ARGS.join(' ')}.`,
);

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ date: new Date().toISOString(), load: loadavg(), loadRuns: LOAD_RUNS, changeRuns: CHANGE_RUNS, linkRuns: LINK_RUNS, links, cpuFast, results, imported, verdicts }, null, 2)}\n`,
);
console.log('wrote bench/results.json');
