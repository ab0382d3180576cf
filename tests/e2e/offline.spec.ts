// Offline (issue 15): after one visit the service worker has everything, and the atlas opens, draws its map and
// plays with the network off; a new version waiting in the worker is offered with a Reload button.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type Response } from '@playwright/test';
import { AtlasPage, datasetIndex, expectedCounts } from './atlas-page';

const SW_FILE = new URL('../../dist/sw.js', import.meta.url);

/** The URLs the built service worker precaches (its Workbox manifest). */
function precacheManifest(): string[] {
  const sw = readFileSync(SW_FILE, 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

/** Waits until a service worker is active for the page (its install, the precache, has finished). */
async function workerActive(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test.describe('offline', () => {
  // The suite blocks service workers (playwright.config.ts); this spec is about one.
  test.use({ serviceWorkers: 'allow' });
  // Four page loads, one of them a service worker install that downloads everything.
  test.slow();
  test('the precache manifest holds MapLibre’s worker, the dataset, the basemap, the icons and the app', async () => {
    const urls = precacheManifest();
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls.filter((u) => /^assets\/maplibre-gl-worker-[\w-]+\.m?js$/.test(u))).toHaveLength(1);
    expect(urls.filter((u) => /^assets\/agreements-[\w-]+\.json$/.test(u))).toHaveLength(1);
    expect(urls.filter((u) => /^assets\/countries-110m-[\w-]+\.json$/.test(u))).toHaveLength(1);
    expect(urls.filter((u) => /^assets\/index-[\w-]+\.(js|css)$/.test(u))).toHaveLength(2);
    expect(urls.filter((u) => /^icons\/.+\.png$/.test(u)).length).toBeGreaterThanOrEqual(2);
    expect(urls.some((u) => u.endsWith('.gz') || u.endsWith('.br'))).toBe(false);
  });

  // One page for both (issue 25: were two contexts, each with its own service worker install and two or three WebGL
  // map starts): the offline visit is the second visit the update check needs, under the worker's control.
  test('after one visit the atlas opens with the network off: counts, map and playback; a new version waiting in the service worker is offered, and Reload switches to it', async ({
    page,
    context,
  }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&speed=4');
    await atlas.expectCounts(expectedCounts());
    await workerActive(page);
    // What the worker cached is what the page fetches: the worker's own manifest, and the page's requests.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    for (const url of precacheManifest()) expect(cached).toContain(`/${url}`);

    await context.setOffline(true);
    const fromNetwork: string[] = [];
    const onResponse = (r: Response) => {
      if (!r.fromServiceWorker() && r.url().startsWith('http')) fromNetwork.push(r.url());
    };
    page.on('response', onResponse);
    await page.reload();
    await atlas.waitReady();
    await expect(page.getByTestId('load-error')).toHaveCount(0);
    await expect(page.getByTestId('map-unavailable')).toHaveCount(0);
    await atlas.expectCounts(expectedCounts());
    await atlas.mapIdle();
    // The page is the worker's, and so is MapLibre's worker script: the map drew its markers offline.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
    const markers = await page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-markers'] }).length);
    expect(markers).toBeGreaterThan(20);
    expect(fromNetwork, 'responses that did not come from the service worker').toEqual([]);
    page.off('response', onResponse);

    await page.getByTestId('play').click();
    await expect.poll(async () => Number(await page.getByTestId('playback-year').innerText())).toBeGreaterThan(datasetIndex().yearExtent[0]);
    // Paused: the counts are the network as it stood in the year on screen.
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    const year = Number(await page.getByTestId('playback-year').innerText());
    await atlas.expectCounts(expectedCounts({ yearRange: [datasetIndex().yearExtent[0], year] }));
    await context.setOffline(false);
    // Under the worker, with the network back: nothing offered yet.
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);

    // A new build: the same worker with one more byte. The browser finds it on its update check.
    const original = readFileSync(SW_FILE, 'utf8');
    try {
      writeFileSync(SW_FILE, `${original}\n// next version\n`);
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.getByTestId('update-prompt');
      await expect(prompt).toContainText('A new version of the atlas is available.');
      await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
      await page.evaluate(() => {
        (window as unknown as { __beforeUpdate: boolean }).__beforeUpdate = true;
      });
      await prompt.getByRole('button', { name: 'Reload' }).click();
      // The page reloads under the new worker, and nothing waits any more (the WebGL map is not under test here:
      // the first view of the new document is enough).
      await page.waitForFunction(() => !(window as unknown as { __beforeUpdate?: boolean }).__beforeUpdate);
      await atlas.waitFirstView();
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return { waiting: registration?.waiting ?? null, active: registration?.active?.state ?? null };
          }),
        )
        .toEqual({ waiting: null, active: 'activated' });
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    } finally {
      writeFileSync(SW_FILE, original);
    }
    atlas.expectClean();
  });
});
