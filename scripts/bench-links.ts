// The link scenarios of `npm run bench` (issue 16): the atlas against a bare MapLibre page (scripts/bare-map) with
// the same basemap and the 172 university-wide partners as circles, both built for production and served the same
// way (gzip -9, scripts/static-server.ts), alternating page by page in one run so that both see the same machine.
// - fast link: no throttling; ready = the map has drawn its data (html[data-ready]) on both pages;
// - slow link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency (DevTools protocol network emulation), cache off.
// For the atlas it also times the first useful view: the counts, the filter panel, the results list, the timeline
// and a picture of the map (the placeholder, or the WebGL map itself) all on screen, for the default URL and for a
// filtered one; the counts shown then are recorded, so a first view with the wrong numbers cannot pass.
// Beside them, three floors (buildFloorPage): pages that download files and run nothing. `critical`: the atlas's
// critical files (the entry script, the stylesheet and the preloaded dataset and basemap, as the built index.html
// names them: not MapLibre's chunk, which only a plain visit's head script preloads); `react`: React's runtime (scripts/floor-react) and the dataset; `dataset`: the dataset alone. No first
// view on this critical path, rendered by React, or with the right counts for any URL (which needs the dataset) can
// appear sooner than the floor that it contains.
import { build } from 'vite';
import { writeFileSync, readFileSync, readdirSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { serveStatic } from './static-server';

export const SLOW_LINK = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
export const FILTERED_QUERY = '?lang=en&level=university&waiver=1&years=1995-2010';
/** Issue 29: the plain visit's first view ≤ 0.3×, a filtered URL's ≤ 0.4× (the dataset alone is ~0.2×). */
export const LINK_TARGETS = { slowFirstViewRatio: 0.3, slowFirstViewFilteredRatio: 0.4, fastReadyRatio: 1.15 };

const BARE_DIR = 'dist-bench-bare';
const FLOOR_DIR = 'dist-bench-floor';
/** The floors, by the files each downloads. */
export const FLOORS = ['critical', 'react', 'dataset'] as const;
type Floor = (typeof FLOORS)[number];

/**
 * Writes the floor page: the files the built index.html loads before anything runs (module scripts, stylesheets,
 * preloads) and a production build of React's runtime, beside a page that fetches a floor's files at once
 * (`?floor=critical`, `react` or `dataset`) and marks `bare:ready` when the last byte is in.
 */
export async function buildFloorPage(atlasDist: string): Promise<Record<Floor, string[]>> {
  const html = readFileSync(join(atlasDist, 'index.html'), 'utf8');
  const critical = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+)"[^>]*>/g)].map((m) => m[1]!);
  const dataset = critical.filter((path) => /\/agreements-[^/]+\.json$/.test(path));
  if (!critical.some((path) => path.endsWith('.js')) || dataset.length !== 1)
    throw new Error(`${atlasDist}/index.html: no entry script or no preloaded dataset`);
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  await build({
    configFile: false,
    root: 'scripts/floor-react',
    base: '/react/',
    logLevel: 'warn',
    build: { outDir: `../../${FLOOR_DIR}/react`, emptyOutDir: true, target: 'es2022' },
  });
  const react = readdirSync(join(FLOOR_DIR, 'react/assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/react/assets/${name}`);
  for (const path of critical) {
    mkdirSync(dirname(join(FLOOR_DIR, path)), { recursive: true });
    copyFileSync(join(atlasDist, path), join(FLOOR_DIR, path));
  }
  const sets: Record<Floor, string[]> = { critical, react: [...react, ...dataset], dataset };
  writeFileSync(
    join(FLOOR_DIR, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Floor (benchmark)</title></head><body><script>
const files = ${JSON.stringify(sets)}[new URLSearchParams(location.search).get('floor')];
Promise.all(files.map((f) => fetch(f).then((r) => r.arrayBuffer()))).then(() => {
  performance.mark('bare:ready');
  document.documentElement.setAttribute('data-ready', 'true');
});
</script></body></html>\n`,
  );
  return sets;
}

/** Builds the bare page with the current dataset's university-wide partners. */
export async function buildBarePage(): Promise<void> {
  const dataset = JSON.parse(readFileSync('data/agreements.json', 'utf8')) as {
    agreements: { level: string; institutionIds: string[] }[];
    institutions: { id: string; lat: number; lng: number }[];
  };
  const ids = new Set(dataset.agreements.filter((a) => a.level === 'university').flatMap((a) => a.institutionIds));
  const features = dataset.institutions
    .filter((i) => ids.has(i.id))
    .map((i) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [i.lng, i.lat] } }));
  writeFileSync('scripts/bare-map/points.json', JSON.stringify({ type: 'FeatureCollection', features }));
  await build({
    configFile: false,
    root: 'scripts/bare-map',
    base: './',
    logLevel: 'warn',
    build: { outDir: `../../${BARE_DIR}`, emptyOutDir: true, target: 'es2022' },
  });
}

// In the page, before anything loads: the first frame in which every part of the first view is on screen.
const WATCH_FIRST_VIEW = `(() => {
  // On screen: displayed and not hidden (a prerendered view for another URL hides its numbers; the view in the
  // other language is not displayed).
  const visible = (sel) => [...document.querySelectorAll(sel)].find((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
  const shown = (sel) => !!visible(sel);
  const check = () => {
    // The counts alone (a filtered URL's early counts script writes them before the app's code): recorded apart.
    if (!window.__firstCounts && shown('[data-testid="count-agreements"]'))
      window.__firstCounts = { ms: performance.now(), agreements: visible('[data-testid="count-agreements"]').textContent,
        institutions: visible('[data-testid="count-institutions"]').textContent };
    const ok = shown('[data-testid="count-agreements"]') && shown('[data-testid="facet-group"]') &&
      (shown('[data-testid="result-row"]') || shown('[data-testid="no-results"]')) && shown('[data-testid="timeline-chart"]') &&
      (shown('[data-testid="map-picture"]') || document.documentElement.getAttribute('data-ready') === 'true');
    if (ok) {
      window.__firstView = { ms: performance.now(), agreements: visible('[data-testid="count-agreements"]').textContent,
        institutions: visible('[data-testid="count-institutions"]').textContent };
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

const READY_MS = `(() => { const m = performance.getEntriesByName('atlas:ready')[0] ?? performance.getEntriesByName('bare:ready')[0]; return m ? m.startTime : null; })()`;

export async function open(browser: Browser, url: string, slow: boolean): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
  await page.addInitScript(WATCH_FIRST_VIEW);
  await page.goto(url, { waitUntil: 'commit' });
  return { page, close: () => context.close() };
}

export async function readyMs(page: Page): Promise<number> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
  return (await page.evaluate(READY_MS)) as number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface LinkResult {
  link: 'fast' | 'slow';
  runs: number;
  bareReadyMs: number[];
  atlasReadyMs: number[];
  firstViewMs: Record<string, number[]>;
  /** The first frame with the counts on screen (before the rest of the first view for a filtered URL; issue 29). */
  firstCountsMs: Record<string, number[]>;
  /** The counts on screen at the first view, per URL (the same in every run, or the bench fails). */
  firstViewCounts: Record<string, string>;
  /** Time to download each floor's files, running nothing (buildFloorPage). */
  floorMs: Record<Floor, number[]>;
  median: {
    bareReadyMs: number;
    atlasReadyMs: number;
    readyRatio: number;
    firstViewMs: Record<string, number>;
    firstViewRatio: Record<string, number>;
    firstCountsMs: Record<string, number>;
    firstCountsRatio: Record<string, number>;
    floorMs: Record<Floor, number>;
    floorRatio: Record<Floor, number>;
  };
}

export async function measureLinks(browser: Browser, atlasDist: string, runs: number, links: ('fast' | 'slow')[]): Promise<LinkResult[]> {
  // Beside the preview server's port (ATLAS_BENCH_PORT), so that two worktrees can measure at once.
  const port = Number(process.env.ATLAS_BENCH_PORT ?? 4180);
  const atlas = await serveStatic(atlasDist, port + 1);
  const bare = await serveStatic(BARE_DIR, port + 2);
  await buildFloorPage(atlasDist);
  const floor = await serveStatic(FLOOR_DIR, port + 3);
  const queries = { default: '?lang=en', filtered: FILTERED_QUERY };
  const results: LinkResult[] = [];
  try {
    for (const link of links) {
      const slow = link === 'slow';
      const r: LinkResult = {
        link,
        runs,
        bareReadyMs: [],
        atlasReadyMs: [],
        firstViewMs: { default: [], filtered: [] },
        firstCountsMs: { default: [], filtered: [] },
        firstViewCounts: {},
        floorMs: { critical: [], react: [], dataset: [] },
        median: null!,
      };
      for (let i = 0; i < runs; i += 1) {
        // Alternate the order, so neither page always runs first after the other.
        const order = i % 2 ? (['atlas', 'bare'] as const) : (['bare', 'atlas'] as const);
        for (const which of order) {
          if (which === 'bare') {
            const { page, close } = await open(browser, bare.url, slow);
            r.bareReadyMs.push(await readyMs(page));
            await close();
            for (const name of FLOORS) {
              const { page, close } = await open(browser, `${floor.url}?floor=${name}`, slow);
              r.floorMs[name].push(await readyMs(page));
              await close();
            }
            continue;
          }
          for (const [name, query] of Object.entries(queries)) {
            const { page, close } = await open(browser, `${atlas.url}${query}`, slow);
            const ready = await readyMs(page);
            await page.waitForFunction(() => (window as { __firstView?: unknown }).__firstView !== undefined);
            const first = (await page.evaluate('window.__firstView')) as { ms: number; agreements: string; institutions: string };
            const finalCounts = (await page.evaluate(
              `document.querySelector('[data-testid="count-agreements"]').textContent + ' / ' + document.querySelector('[data-testid="count-institutions"]').textContent`,
            )) as string;
            const counts = `${first.agreements} / ${first.institutions}`;
            if (counts !== finalCounts) throw new Error(`${link} link, ${query}: first view showed ${counts}, the ready page ${finalCounts}`);
            const firstCounts = (await page.evaluate('window.__firstCounts')) as { ms: number; agreements: string; institutions: string };
            const early = `${firstCounts.agreements} / ${firstCounts.institutions}`;
            if (early !== finalCounts) throw new Error(`${link} link, ${query}: the first counts on screen were ${early}, the ready page's ${finalCounts}`);
            r.firstCountsMs[name]!.push(firstCounts.ms);
            r.firstViewCounts[name] = counts;
            r.firstViewMs[name]!.push(first.ms);
            if (name === 'default') r.atlasReadyMs.push(ready);
            await close();
          }
        }
        console.log(
          `  ${link} link, run ${i + 1}/${runs}: bare ${Math.round(r.bareReadyMs.at(-1)!)} ms, atlas ready ${Math.round(r.atlasReadyMs.at(-1)!)} ms, first view ${Math.round(r.firstViewMs.default!.at(-1)!)} / ${Math.round(r.firstViewMs.filtered!.at(-1)!)} ms, counts ${Math.round(r.firstCountsMs.default!.at(-1)!)} / ${Math.round(r.firstCountsMs.filtered!.at(-1)!)} ms; floors ${FLOORS.map((k) => `${k} ${Math.round(r.floorMs[k].at(-1)!)}`).join(', ')} ms`,
        );
      }
      const bareMedian = median(r.bareReadyMs);
      const firstViewMs = Object.fromEntries(Object.entries(r.firstViewMs).map(([k, v]) => [k, Math.round(median(v))]));
      const firstCountsMs = Object.fromEntries(Object.entries(r.firstCountsMs).map(([k, v]) => [k, Math.round(median(v))]));
      const floorMs = Object.fromEntries(FLOORS.map((k) => [k, Math.round(median(r.floorMs[k]))])) as Record<Floor, number>;
      r.median = {
        bareReadyMs: Math.round(bareMedian),
        atlasReadyMs: Math.round(median(r.atlasReadyMs)),
        readyRatio: Math.round((median(r.atlasReadyMs) / bareMedian) * 100) / 100,
        firstViewMs,
        firstViewRatio: Object.fromEntries(Object.entries(firstViewMs).map(([k, v]) => [k, Math.round((v / bareMedian) * 100) / 100])),
        firstCountsMs,
        firstCountsRatio: Object.fromEntries(Object.entries(firstCountsMs).map(([k, v]) => [k, Math.round((v / bareMedian) * 100) / 100])),
        floorMs,
        floorRatio: Object.fromEntries(FLOORS.map((k) => [k, Math.round((floorMs[k] / bareMedian) * 100) / 100])) as Record<Floor, number>,
      };
      results.push(r);
    }
  } finally {
    await atlas.close();
    await bare.close();
    await floor.close();
  }
  return results;
}
