// Page object for the atlas: how a test reaches what a user sees and does.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type BrowserContextOptions, type CDPSession, type Page } from '@playwright/test';
import { buildIndex, type AtlasIndex } from '../../src/domain/atlas-index';
import { summarise, type Summary } from '../../src/domain/aggregate';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';
import { parseDataset } from '../../src/domain/schema';

let cachedIndex: AtlasIndex | null = null;

/** The committed dataset, indexed the way the app indexes it, to compute expected counts. */
export function datasetIndex(): AtlasIndex {
  cachedIndex ??= buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
  return cachedIndex;
}

export function expectedCounts(filters: Partial<Filters> = {}): Summary {
  return summarise(filterLinks(datasetIndex(), { ...DEFAULT_FILTERS, ...filters }));
}

/**
 * How long a page may take to be ready (data-ready) or to show its first view: 30 s, or ATLAS_READY_MS on a machine
 * shared by many browsers (at a load average of 25–40 on 2 cores the WebGL map takes 30–60 s).
 */
const READY_MS = Number(process.env.ATLAS_READY_MS ?? 30_000);

/** MapLibre's chunk (not its worker, which it asks for itself once running). */
export const MAPLIBRE_CHUNK = /\/assets\/maplibre-(?!gl-worker)[\w-]+\.js$/;

/** The build's dataset file. */
export const DATASET_FILE = /\/assets\/agreements-[\w-]+\.json$/;

/** A request the page's Fetch session pauses: answered with `body()` (base64; null: sent on), or held forever (`body` null). */
type Interception = { pattern: string; match: RegExp; body: (() => string | null) | null };

export class AtlasPage {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      // The app's own warnings (prefixed) count as errors here: one says a MapLibre internal it relies on changed.
      if (msg.type() === 'error' || (msg.type() === 'warning' && msg.text().startsWith('partner-atlas:'))) this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) this.foreignRequests.push(request.url());
    });
  }

  /** Opens the atlas and waits until the WebGL map is ready (`data-ready`): for tests of the map. */
  async open(query = '', { timeout = READY_MS }: { timeout?: number } = {}) {
    await this.page.goto(query ? `/?${query}` : '/');
    await this.waitReady(timeout);
  }

  /**
   * Opens the atlas without its WebGL map, for tests where the map is not under test: MapLibre's code is held back
   * (as a slow link holds it, see first-view.spec.ts), so the page shows its first view with the map's picture and
   * stays there. Waits for the first view (`data-first-view`), not `data-ready`. On this machine the WebGL map costs
   * a page ~20 s of CPU under load (first view ~6 s; ready ~25 s; and interactions run slower while it loads).
   */
  async openWithoutMap(query = '') {
    await this.holdMap();
    await this.page.goto(query ? `/?${query}` : '/');
    await this.waitFirstView();
  }

  /**
   * From now on, MapLibre's code never arrives in this page (its requests stay pending). Held with the DevTools
   * protocol's Fetch domain for that one URL pattern, not page.route(): routing turns the page's HTTP cache off, so
   * every reload or navigation of a held page fetched and compiled the app, the dataset and the gazetteers again.
   */
  async holdMap() {
    if (this.mapHeld) return;
    this.mapHeld = true;
    // Paused and never continued; the pattern matches MAPLIBRE_CHUNK's file (not its stylesheet: .css).
    await this.intercept({ pattern: '*/assets/maplibre-*.js', match: MAPLIBRE_CHUNK, body: null });
  }

  /**
   * From now on, the page's dataset request (the build's agreements-*.json) is answered with `body` (a fixture
   * dataset's JSON), through the DevTools protocol's Fetch domain as holdMap holds MapLibre: every other request keeps
   * the HTTP cache (page.route() would turn it off), so the page can be navigated and reused cheaply. Call it again to
   * serve another body, or with null to let the build's own dataset through again.
   */
  async serveDataset(body: string | null) {
    this.datasetBody = body === null ? null : Buffer.from(body).toString('base64');
    await this.intercept({ pattern: '*/assets/agreements-*.json', match: DATASET_FILE, body: () => this.datasetBody });
  }

  private mapHeld = false;
  private datasetBody: string | null = null;
  private readonly rules: Interception[] = [];
  private fetchSession: Promise<CDPSession> | null = null;

  /** Adds a Fetch rule (one CDP session per page, its patterns the rules'): `body` null holds the request forever. */
  private async intercept(rule: Interception) {
    if (!this.rules.some((r) => r.pattern === rule.pattern)) this.rules.push(rule);
    this.fetchSession ??= this.page
      .context()
      .newCDPSession(this.page)
      .then((cdp) => {
        cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
          const found = this.rules.find((r) => r.match.test(new URL(request.url).pathname));
          if (found?.body === null) return;
          const body = found?.body();
          const answer = body
            ? cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'application/json' }], body })
            : cdp.send('Fetch.continueRequest', { requestId });
          // A page that navigates away meanwhile drops its request: nothing to answer then.
          answer.catch(() => {});
        });
        return cdp;
      });
    const cdp = await this.fetchSession;
    await cdp.send('Fetch.enable', { patterns: this.rules.map((r) => ({ urlPattern: r.pattern, requestStage: 'Request' as const })) });
  }

  async waitReady(timeout = READY_MS) {
    await expect(this.page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout });
  }

  /** The first view (counts, filters, list, timeline, the map's picture) is on screen: src/ui/first-view.ts. */
  async waitFirstView() {
    await expect(this.page.locator('html')).toHaveAttribute('data-first-view', 'true', { timeout: READY_MS });
  }

  async counts(): Promise<Summary> {
    const read = async (id: string) => Number((await this.page.getByTestId(id).innerText()).replace(/[^\d]/g, ''));
    return { agreements: await read('count-agreements'), institutions: await read('count-institutions'), countries: await read('count-countries') };
  }

  async expectCounts(expected: Summary) {
    await expect.poll(() => this.counts()).toEqual(expected);
  }

  /** Waits until the map has no pending work (sources parsed, tiles drawn). */
  async mapIdle() {
    await this.page.waitForFunction(() => {
      const map = window.__partnerAtlasMap;
      return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded();
    });
  }

  /** Screen position (in page coordinates) of a longitude/latitude on the map. */
  async pointOnMap(lng: number, lat: number) {
    const box = await this.page.getByTestId('map').boundingBox();
    const p = await this.page.evaluate(([x, y]) => window.__partnerAtlasMap!.project([x!, y!]), [lng, lat]);
    return { x: box!.x + p.x, y: box!.y + p.y };
  }

  /** Screen position (in page coordinates) of a country's marker, where the map draws it (moved off its anchor if crowded). */
  async markerOnMap(code: string) {
    const [lng, lat] = await this.page.evaluate((code) => {
      const feature = window.__partnerAtlasMap!.querySourceFeatures('country-markers').find((f) => f.geometry.type === 'Point' && f.properties?.code === code);
      return (feature!.geometry as GeoJSON.Point).coordinates as [number, number];
    }, code);
    return this.pointOnMap(lng, lat);
  }

  /** The rendered map canvas as PNG bytes, to tell whether the picture changed. */
  async mapPicture() {
    await this.mapIdle();
    return this.page.getByTestId('map').locator('canvas').screenshot();
  }

  /** The query string the app wrote (debounced), once it matches. */
  async expectUrl(matcher: RegExp) {
    await expect.poll(() => this.page.evaluate(() => location.search)).toMatch(matcher);
  }

  expectClean() {
    expect(this.foreignRequests, 'requests that left the page origin').toEqual([]);
    expect(this.consoleErrors, 'console errors').toEqual([]);
  }
}

/**
 * One page for a describe block's checks, opened once (beforeAll), without the WebGL map unless `map` is set: each
 * test goes on from where the previous one left the page, so a test that changes what the next one reads puts it
 * back (e.g. "reset all"). Playwright runs a file's tests in order in one worker; after a failure the next test gets
 * a new worker, and so a new page. The context takes the project's options (base URL, viewport, locale, reduced
 * motion, no service worker). `dataset`: a fixture dataset's JSON, served in place of the build's (serveDataset).
 */
export function sharedPage(query: string, { map = false, dataset }: { map?: boolean; dataset?: string } = {}): () => AtlasPage {
  let context: BrowserContext | null = null;
  let atlas: AtlasPage | null = null;
  test.beforeAll(async ({ browser }, testInfo) => {
    // One load serves several tests: on a loaded machine the map may take longer than one test's 30 s wait.
    if (map) testInfo.setTimeout(testInfo.timeout * 2);
    const { baseURL, viewport, locale, reducedMotion, serviceWorkers } = testInfo.project.use;
    context = await browser.newContext({ baseURL, viewport, locale, reducedMotion, serviceWorkers });
    atlas = new AtlasPage(await context.newPage());
    if (dataset !== undefined) await atlas.serveDataset(dataset);
    if (map) await atlas.open(query, { timeout: Math.max(READY_MS, 90_000) });
    else await atlas.openWithoutMap(query);
  });
  test.afterAll(async () => {
    await context?.close();
  });
  return () => atlas!;
}

/**
 * One page for a file's (or describe block's) tests that each open their own URL (`atlas().openWithoutMap(query)`),
 * with the WebGL map held. A navigation in one context reuses its HTTP and code caches: a load to the first view
 * costs ~2.6 s of CPU, a new context's first load ~5.5 s (probe in bench/suite-times-b.md). Each test starts from a
 * fresh document, so it reads nothing the previous one left on screen; what a context keeps (a stored list in
 * IndexedDB, localStorage) is for the test that stores it to clear, or to come last. Console errors collect over the
 * page's life, so expectClean() also sees an earlier test's. `options` go over the project's (e.g. a phone).
 */
export function reusedPage(options: BrowserContextOptions = {}): () => AtlasPage {
  let context: BrowserContext | null = null;
  let atlas: AtlasPage | null = null;
  test.beforeAll(async ({ browser }, testInfo) => {
    const { baseURL, viewport, locale, reducedMotion, serviceWorkers } = testInfo.project.use;
    context = await browser.newContext({ baseURL, viewport, locale, reducedMotion, serviceWorkers, ...options });
    atlas = new AtlasPage(await context.newPage());
    await atlas.holdMap();
  });
  test.afterAll(async () => {
    await context?.close();
  });
  return () => atlas!;
}

/** sharedPage without the WebGL map. */
export const sharedPageWithoutMap = (query: string) => sharedPage(query);

/** Milliseconds of playback time for `years` years at `speed`. */
export const yearsMs = (years: number, speed: number) => (years * SECONDS_PER_YEAR_AT_1X * 1000) / speed;

/** Opens the atlas with a fake clock that runs normally until the test pauses it; `map: false` holds the WebGL map back. */
export async function openWithClock(page: Page, query: string, { map = true }: { map?: boolean } = {}) {
  await page.clock.install();
  const atlas = new AtlasPage(page);
  if (map) {
    await atlas.open(query);
    await atlas.mapIdle();
  } else await atlas.openWithoutMap(query);
  // From here on, time moves only when the test runs it.
  await pauseClock(page);
  return atlas;
}

/**
 * Pauses the page's fake clock a second past the page's own time. Not the test process's Date.now(): on a loaded
 * machine the page's clock was seen ahead of it (main's timeline.spec failed with "Cannot fast-forward to the past").
 */
export async function pauseClock(page: Page) {
  // Under heavy load more than that second can pass between reading the time and pausing (seen: present.spec's
  // kiosk at load ~40): then read it again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('Cannot fast-forward to the past')) throw error;
    }
  }
}

/** A browser whose canvases refuse every WebGL context, as with WebGL switched off. */
export async function withoutWebGL(page: Page) {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/i.test(type)) return null;
      return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
}
