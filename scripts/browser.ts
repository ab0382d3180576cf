// Shared by the screenshot and benchmark scripts: serve the production build and launch Chromium.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import type { Dataset } from '../src/domain/schema';

export async function serveBuild(port = Number(process.env.ATLAS_BENCH_PORT ?? 4174)) {
  // ATLAS_DIST: another build to serve (a "before" build beside the current one, for side-by-side CPU figures).
  const outDir = process.env.ATLAS_DIST;
  const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1' }, ...(outDir ? { build: { outDir } } : {}), logLevel: 'warn' });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Each build directory on its own port from `basePort`, for A/B runs that alternate between them (a "before" build beside the current one). */
export async function serveBuilds(dirs: string[], basePort: number) {
  return Promise.all(
    dirs.map(async (dir, n) => {
      const server = await preview({ build: { outDir: resolve(dir) }, preview: { port: basePort + n, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
      return { dir, url: `http://127.0.0.1:${basePort + n}/`, close: () => server.close() };
    }),
  );
}

/** The dataset a build serves (its hashed `assets/agreements-*.json`). */
export function builtDataset(dir: string): Dataset {
  const assets = join(dir, 'assets');
  return JSON.parse(readFileSync(join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!), 'utf8')) as Dataset;
}

/** `extraArgs`: more switches for this browser only (the bench's CPU-rasterised fast link). */
export async function launch(extraArgs: string[] = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * Waits until the atlas's map has loaded, stopped moving and loaded its tiles, and then for two frames (what the
 * benchmarks measure from). `timeout`: ms (a 42,000-agreement list takes minutes on a loaded machine).
 */
export async function mapIdle(page: Page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const map = window.__partnerAtlasMap;
      return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded();
    },
    undefined,
    { timeout },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Opens the atlas at `url` in a new page of `context` and waits until it is ready (and its map idle, unless
 * `map: false`). `body`: a dataset to answer the dataset request with (the national or a synthetic list) instead of
 * the build's own. Waits are minutes long: a 42,000-agreement list on a loaded machine.
 */
export async function openAtlas(context: BrowserContext, url: string, { body, map = true }: { body?: string | null; map?: boolean } = {}) {
  const page = await context.newPage();
  if (body) await page.route(/\/assets\/agreements-.*\.json$/, (route) => route.fulfill({ body, contentType: 'application/json' }));
  await page.goto(url, { timeout: 600_000 });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 600_000 });
  if (map) await mapIdle(page, 600_000);
  return page;
}
