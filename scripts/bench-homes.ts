// The national list in `npm run bench` (issue 28 item 7, issue 29 item 3): about 770 homes and 42,000 agreements,
// served in place of the built dataset. Measures the first view and ready, a filter change (≤ 50 ms), a comparison
// of two homes (≤ 100 ms, in the page and in the domain alone), playback with the arcs drawn (frames per second
// averaged over the run, and the p95 frame; target ≥ 20), and the JS heap. Called from bench.ts (--homes=none skips
// it); only this part: npm run bench -- --sizes=none --links=none --import=none
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { randomLcg } from 'd3';
import type { Browser, Page } from '@playwright/test';
import { buildIndex } from '../src/domain/atlas-index';
import { compareHomes } from '../src/domain/compare';
import { DEFAULT_FILTERS, evaluateFilters, filterBit } from '../src/domain/filters';
import type { Dataset, Home } from '../src/domain/schema';
import { syntheticDataset } from './synthetic-dataset';
import { japanHomes } from './japan-homes';
import { slugify } from '../src/domain/import/identity';
import { COLLECT_FRAMES } from './bench-frames';
import { mapIdle } from './browser';

export const NATIONAL = { homes: 770, agreements: 42_000 };
export const HOMES_TARGETS = { filterChangeMs: 50, compareMs: 100, playbackFps: 20 };

/**
 * The synthetic list with a home column: ~770 universities where Japan's are (scripts/japan-homes.ts: the gazetteer's
 * real Japanese universities at their cities, then synthetic ones at big university cities, pinned by GeoNames id),
 * a few large and many small (a Zipf-like spread).
 */
export function nationalDataset(real: Dataset, homeCount = NATIONAL.homes, agreementCount = NATIONAL.agreements, seed = 7): Dataset {
  const base = syntheticDataset(real, agreementCount);
  const random = randomLcg(seed);
  const departmentIds = base.departments.map((d) => d.id);
  const taken = new Set<string>();
  const homes: Home[] = japanHomes(homeCount, seed).map((h, n) => {
    let id = slugify(h.name.en) || `national-university-${n}`;
    if (taken.has(id)) id = `${id}-${n}`;
    taken.add(id);
    return { id, name: h.name, city: h.city, country: 'JP', lat: h.lat, lng: h.lng, geonameId: h.geonameId, departmentIds };
  });
  // Home n's weight ∝ 1/(n+1): the largest lists a few thousand agreements, the smallest a handful.
  const cumulative: number[] = [];
  let sum = 0;
  for (let n = 0; n < homeCount; n += 1) cumulative.push((sum += 1 / (n + 1)));
  const homeFor = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = homeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return homes[lo]!.id;
  };
  // Its own title and notes: a national list never speaks as the built-in university's (the title came from it before).
  const meta = {
    ...base.meta,
    title: { ja: '全国の大学の国際交流協定(合成データ)', en: 'Japanese universities’ exchange agreements (synthetic)' },
    source: 'Synthetic national list (scripts/bench-homes.ts), the shape of the ministry’s survey',
    about: {
      counting: { ja: 'ベンチマーク用の合成データです。', en: 'Synthetic data for the benchmark.' },
      corrections: { ja: 'なし(合成データ)。', en: 'None (synthetic data).' },
    },
  };
  return { ...base, meta, homes, agreements: base.agreements.map((a) => ({ ...a, homeId: homeFor() })) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// From the keydown (or click) to the frame after React committed: the same measure as bench.ts's filter change.
const WATCH_NEXT_FRAME = `(() => {
  window.__changeMs = new Promise((resolve) => {
    let start = 0;
    const begin = () => {
      start = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    };
    window.addEventListener('keydown', begin, { capture: true, once: true });
    window.addEventListener('click', begin, { capture: true, once: true });
  });
})()`;

async function fresh(browser: Browser, url: string, query: string, lang: 'ja' | 'en' = 'en') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(`${url}?lang=${lang}${query}`);
  await page.waitForSelector('html[data-first-view="true"]', { timeout: 600_000 });
  const firstView = Date.now() - start;
  await page.waitForSelector('html[data-ready="true"]', { timeout: 600_000 });
  const ready = Date.now() - start;
  return { context, page, firstView, ready };
}

/** Options from the command line: `--homes-runs=N` fresh loads (3), `--homes-playback=<s>|none` playback's deadline (60 s). */
export function homesOptions(argv: readonly string[] = process.argv) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const playback = value('homes-playback');
  return {
    /** `--homes=shots`: only the screenshots (docs/issue-28/), no figures. */
    shotsOnly: value('homes') === 'shots',
    runs: Number(value('homes-runs') ?? 3),
    /** Seconds playback may take before it is given up (null: not measured). */
    playbackDeadlineS: playback === 'none' ? null : Number(playback ?? 60),
  };
}

/** Screenshots of the national map with its arcs (flows=1), in ja and en, once the map is idle: docs/issue-28/. */
const SHOTS = [
  ['world', '&flows=1&cam=150,25,1'],
  ['europe', '&flows=1&cam=12,50,3.2'],
] as const;

export async function shootNational(browser: Browser, url: string, dataset: Dataset, dir = 'docs/issue-28') {
  mkdirSync(dir, { recursive: true });
  const compare = `&compare=${dataset.homes[0]!.id},${dataset.homes[1]!.id}`;
  const shots = [...SHOTS, ['compare-europe', `${compare}&flows=1&cam=12,50,3.2`] as const];
  for (const lang of ['ja', 'en'] as const)
    for (const [name, query] of shots) {
      const shot = await fresh(browser, url, query, lang);
      await mapIdle(shot.page, 300_000);
      const path = `${dir}/national-${name}-${lang}.png`;
      await shot.page.screenshot({ path });
      console.log(`wrote ${path}`);
      await shot.context.close();
    }
}

/** Playback with the arcs on a fresh page, given up after `deadlineS` (at 42k it has blocked the main thread). */
async function playback(browser: Browser, url: string, deadlineS: number) {
  const play = await fresh(browser, url, '&flows=1');
  const timer = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), deadlineS * 1000));
  const run = (async () => {
    await play.page.getByTestId('play').click({ timeout: deadlineS * 1000 });
    return (await play.page.evaluate(COLLECT_FRAMES)) as number[];
  })();
  run.catch(() => undefined);
  const frames = await Promise.race([run, timer]);
  await play.context.close();
  if (frames === 'timed out' || frames.length === 0) return { skipped: `no frame within ${deadlineS} s of clicking Play: the main thread was blocked` };
  return {
    frames: frames.length,
    averageFps: round(frames.length / (frames.reduce((x, y) => x + y, 0) / 1000)),
    p95FrameMs: round(percentile(frames, 95)),
  };
}

async function nextFrameAfter(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(WATCH_NEXT_FRAME);
  await act();
  return (await page.evaluate('window.__changeMs')) as number;
}

/**
 * Measures the national list; `serve` puts a dataset's JSON where the build's dataset is served from (bench.ts writes
 * it over the built file, precompressed, as it does for the synthetic sizes) and restores nothing: the caller does.
 * Prints its table and writes bench/homes.json.
 */
export async function measureHomes(browser: Browser, url: string, real: Dataset, serve: (json: string) => void, options = homesOptions()) {
  mkdirSync('bench', { recursive: true });
  const dataset = nationalDataset(real);
  const { runs } = options;
  const body = JSON.stringify(dataset);
  console.log(
    `measuring the national list (${dataset.homes.length} homes, ${dataset.agreements.length} agreements, ${round(body.length / 1024 / 1024)} MB JSON)…`,
  );
  serve(body);
  if (options.shotsOnly) return shootNational(browser, url, dataset);
  // The comparison alone, in Node: the domain's share of the page's figure.
  const index = buildIndex(dataset);
  const masks = evaluateFilters(index, DEFAULT_FILTERS).masks;
  const domainCompare: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t0 = performance.now();
    compareHomes({ links: index.links, homeOf: index.homeOf, institutionCount: dataset.institutions.length }, 0, 1 + (i % 5), masks, filterBit('homes'));
    domainCompare.push(performance.now() - t0);
  }
  const firstViews: number[] = [];
  const readies: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { context, firstView, ready } = await fresh(browser, url, '');
    firstViews.push(firstView);
    readies.push(ready);
    await context.close();
  }
  const { context, page } = await fresh(browser, url, '&years=1995-2004');
  const changes: number[] = [];
  await page.getByTestId('timeline-brush').focus();
  for (let i = 0; i < 20; i += 1) changes.push(await nextFrameAfter(page, () => page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight')));
  const compares: number[] = [];
  await page.getByText('Home universities').first().click();
  for (let i = 0; i < 6; i += 1) {
    await page.getByTestId('compare-b').fill(dataset.homes[1 + i]!.name.en);
    compares.push(await nextFrameAfter(page, () => page.getByTestId('compare-start').click()));
    await page.getByTestId('compare-summary').waitFor();
    await page.getByTestId('compare-end').click();
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The live heap: garbage collected first (without it the figure read whatever the last changes left uncollected:
  // 64.8, 91.5 and 126.5 MB in three stops; profile-change read 47–59 MB after 10–20 changes on the same list).
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const heapMB = round(metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024);
  await context.close();
  // The screenshots before playback, which may block the page.
  await shootNational(browser, url, dataset);
  const played = options.playbackDeadlineS === null ? { skipped: '--homes-playback=none' } : await playback(browser, url, options.playbackDeadlineS);
  const result = {
    dataset: `national: ${dataset.homes.length} homes, ${dataset.agreements.length} agreements`,
    firstViewMedianMs: median(firstViews),
    readyMedianMs: median(readies),
    filterChangeMedianMs: round(median(changes)),
    filterChangeP95Ms: round(percentile(changes, 95)),
    compareMedianMs: round(median(compares)),
    compareDomainMedianMs: round(median(domainCompare), 2),
    playback: played,
    runs,
    load: loadavg().map((x) => round(x, 2)),
    jsHeapMB: heapMB,
  };
  const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  console.table({
    'first view / ready ms (median)': `${result.firstViewMedianMs} / ${result.readyMedianMs}`,
    'filter change → next frame ms (median / p95)': `${result.filterChangeMedianMs} / ${result.filterChangeP95Ms} (${verdict(result.filterChangeMedianMs <= HOMES_TARGETS.filterChangeMs)} ≤ ${HOMES_TARGETS.filterChangeMs})`,
    'compare → next frame ms (median; domain alone)': `${result.compareMedianMs}; ${result.compareDomainMedianMs} (${verdict(result.compareMedianMs <= HOMES_TARGETS.compareMs)} ≤ ${HOMES_TARGETS.compareMs})`,
    'playback with arcs fps (average) / p95 frame ms':
      'skipped' in played
        ? played.skipped
        : `${played.averageFps} / ${played.p95FrameMs} (${verdict(played.averageFps >= HOMES_TARGETS.playbackFps)} ≥ ${HOMES_TARGETS.playbackFps})`,
    'heap MB': result.jsHeapMB,
  });
  writeFileSync('bench/homes.json', `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
