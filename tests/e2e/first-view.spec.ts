// Issue 16: the first view (counts, filters, list, timeline and a picture of the map) does not wait for MapLibre.
// MapLibre's code is held back here, as a slow link would hold it, and the page must already answer.
import { expect, test, type Route } from '@playwright/test';
import { AtlasPage, expectedCounts } from './atlas-page';

test('a filtered link shows its counts, list, timeline and a picture of the map before the WebGL map is ready', async ({ page }) => {
  const atlas = new AtlasPage(page);
  // MapLibre's chunk (not its worker, which it asks for itself once running).
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/maplibre-(?!gl-worker)[\w-]+\.js$/, (route) => (released ? route.continue() : void held.push(route)));
  // Every size the map's area takes from the first frame on: the first view must not move it (a timeline that took
  // its height late once moved the picture by 75 px).
  await page.addInitScript(() => {
    const sizes: string[] = [];
    (window as unknown as { __mapSizes: string[] }).__mapSizes = sizes;
    const watch = () => {
      const map = document.querySelector('[data-testid=map]');
      if (!map) return void requestAnimationFrame(watch);
      new ResizeObserver(([entry]) => void sizes.push(`${entry!.contentRect.width}×${entry!.contentRect.height}`)).observe(map);
    };
    watch();
  });
  await page.goto('/?lang=en&level=university&waiver=1&years=1995-2010');

  await expect(page.locator('html')).toHaveAttribute('data-first-view', 'true');
  // MapLibre has been asked for (once the dataset arrived) and is still on its way.
  await expect.poll(() => held.length).toBe(1);
  await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
  const expected = expectedCounts({ level: 'university', tuitionWaiverOnly: true, yearRange: [1995, 2010] });
  expect(await atlas.counts()).toEqual(expected);
  await expect(page.getByTestId('result-row').first()).toBeVisible();
  await expect(page.getByTestId('timeline-chart')).toBeVisible();
  // The picture: France's marker (a partner country under these filters) with its number of agreements.
  const picture = page.getByTestId('map-picture');
  await expect(picture).toBeVisible();
  const france = picture.getByTestId('picture-marker-FR').filter({ visible: true });
  await expect(france).toHaveCount(1);
  const number = await france.textContent();
  const before = await france.locator('circle').boundingBox();

  // MapLibre arrives: the WebGL map takes over, the picture goes, the numbers stay.
  released = true;
  for (const route of held) await route.continue();
  await atlas.waitReady();
  await expect(picture).toHaveCount(0);
  expect(await atlas.counts()).toEqual(expected);
  // France's marker is where the picture drew it (within a pixel) and says the same number: the map did not jump.
  const count = await page.evaluate(
    () => window.__partnerAtlasMap!.querySourceFeatures('country-markers').find((f) => f.properties?.code === 'FR')?.properties?.count as number,
  );
  expect(String(count)).toBe(number?.trim());
  const after = await atlas.markerOnMap('FR');
  expect(Math.abs(after.x - (before!.x + before!.width / 2))).toBeLessThan(1.5);
  expect(Math.abs(after.y - (before!.y + before!.height / 2))).toBeLessThan(1.5);
  expect(await page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes)).toHaveLength(1);
  atlas.expectClean();
});
