// Flow lines (issue 15): `flows=1` draws great-circle lines from home to each partner city, with no streak across
// the Pacific-centred map; they follow the filters and playback, the switch writes the URL, and PNG exports have them.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { datasetIndex, sharedPage } from './atlas-page';
import { DEFAULT_FILTERS, evaluateFilters, type Filters } from '../../src/domain/filters';
import { computeView } from '../../src/domain/view';
import { flowPlaces } from '../../src/domain/flows';

/** The partner cities the lines should go to, for these filters. */
function expectedPlaces(filters: Partial<Filters> = {}): string[] {
  const index = datasetIndex();
  const view = computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, ...filters }));
  return flowPlaces(index, view.passing, view.tally.agreements)
    .map((p) => p.key)
    .sort();
}

/** The places of the flow lines MapLibre drew (each once, though a line crossing tiles comes in pieces). */
async function renderedPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const features = window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['flow-lines'] });
    return [...new Set(features.map((f) => String(f.properties.place)))].sort();
  });
}

/** The places in the flow source itself (on screen or not). */
async function sourcePlaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const features = window.__partnerAtlasMap!.querySourceFeatures('flows');
    return [...new Set(features.map((f) => String(f.properties.place)))].sort();
  });
}

/**
 * The largest horizontal jump, in pixels, between consecutive points of any line as projected on the map, and
 * the map's width: a line cut at the antimeridian would jump most of the width.
 */
async function largestJump(page: Page): Promise<{ jump: number; width: number; lines: number }> {
  return page.evaluate(async () => {
    const map = window.__partnerAtlasMap!;
    const source = map.getSource('flows') as unknown as { getData(): Promise<GeoJSON.FeatureCollection<GeoJSON.LineString>> };
    const data = await source.getData();
    let jump = 0;
    for (const feature of data.features) {
      const points = feature.geometry.coordinates.map(([lng, lat]) => map.project([lng!, lat!]));
      for (let i = 1; i < points.length; i++) jump = Math.max(jump, Math.abs(points[i]!.x - points[i - 1]!.x));
    }
    return { jump, width: map.getContainer().clientWidth, lines: data.features.length };
  });
}

/** Pixels of the flow lines' muted purple in a PNG (as the browser decodes it). */
async function flowPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let n = 0;
    // #8b7bc4 at 60 % over the ocean or the land: blue well above red and green, red above green.
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (b - g > 30 && b - r > 20 && r - g > 2 && r > 120) n++;
    }
    return n;
  }, png.toString('base64'));
}

async function exportPng(page: Page): Promise<Buffer> {
  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-1x').click()]);
  return readFileSync((await download.path())!);
}

test.describe('flow lines', () => {
  // Both tests on one WebGL map page (issue 25: were two map starts). The first leaves the lines off; the second
  // switches them on and enters playback in the page (was a second page at lang=en&flows=1&play=1990).
  const mapPage = sharedPage('lang=en&flows=1', { map: true });

  test('flows=1 draws one line per partner city, with no streak across the map; the switch removes them and writes the URL; a PNG export has the lines', async () => {
    const atlas = mapPage();
    const { page } = atlas;
    await atlas.mapIdle();
    const expected = expectedPlaces();
    expect(expected.length).toBeGreaterThan(100);
    await expect(page.getByTestId('flows-toggle')).toBeChecked();
    await expect(page.getByText('Lines from Tohoku University')).toBeVisible();
    await expect.poll(() => sourcePlaces(page)).toEqual(expected);
    // On screen at the opening view: every line but those leaving it (none do, the view spans Europe to the Americas).
    const rendered = await renderedPlaces(page);
    expect(rendered.length).toBeGreaterThanOrEqual(expected.length * 0.95);
    const { jump, width, lines } = await largestJump(page);
    expect(lines).toBe(expected.length);
    expect(jump, 'a line jumps across the map').toBeLessThan(width / 2);
    // Each step of a 48-point arc over a ~1300 px map spans a few dozen pixels at most.
    expect(jump).toBeLessThan(60);
    await page.screenshot({ path: '/tmp/flows-on.png' });

    await page.getByTestId('flows-toggle').click();
    await expect(page.getByTestId('flows-toggle')).not.toBeChecked();
    await atlas.expectUrl(/^\?lang=en$/);
    await atlas.mapIdle();
    await expect.poll(() => renderedPlaces(page)).toEqual([]);
    await expect(page.getByTestId('legend-flows')).toHaveCount(0);

    await page.getByTestId('flows-toggle').click();
    await atlas.expectUrl(/^\?lang=en&flows=1$/);
    await expect.poll(() => sourcePlaces(page)).toEqual(expected);

    // A PNG export has the lines: it reads the map as drawn (on the same page: the lines back on, then off).
    await atlas.mapIdle();
    const withLines = await flowPixels(page, await exportPng(page));
    await page.getByTestId('flows-toggle').click();
    await atlas.expectUrl(/^\?lang=en$/);
    await expect.poll(() => renderedPlaces(page)).toEqual([]);
    const without = await flowPixels(page, await exportPng(page));
    expect(withLines).toBeGreaterThan(2000);
    expect(without).toBeLessThan(withLines / 10);
    atlas.expectClean();
  });

  test('the lines follow the filters and playback: only cities with an agreement signed by the playback year', async () => {
    // Nine year steps and a filter change, each redrawing the lines on software GL: more than the default 60 s at a
    // load average of 50 (seen once).
    test.setTimeout(120_000);
    const atlas = mapPage();
    const { page } = atlas;
    await page.getByTestId('flows-toggle').click();
    await atlas.expectUrl(/^\?lang=en&flows=1$/);
    // Playback, paused, taken to its first year and stepped on to 1990 by keyboard.
    const first = datasetIndex().yearExtent[0];
    const play = page.getByTestId('play');
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    await page.locator('body').press('Home');
    await expect(page.getByTestId('playback-year')).toHaveText(String(first));
    for (let year = first; year < 1990; year += 1) await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText('1990');
    await atlas.expectUrl(/play=1990/);
    const by1990 = expectedPlaces({ yearRange: [first, 1990] });
    expect(by1990.length).toBeLessThan(expectedPlaces().length);
    await expect.poll(() => sourcePlaces(page)).toEqual(by1990);
    // A step forward adds the cities of the next year's agreements.
    await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText('1991');
    await expect.poll(() => sourcePlaces(page)).toEqual(expectedPlaces({ yearRange: [first, 1991] }));

    // Out of playback, a region chosen in the filters: only that region's cities, and the legend in Japanese.
    await page.getByTestId('playback-exit').click();
    await expect(page.getByTestId('playback-year')).toBeHidden();
    await page.locator('[data-testid="facet-group"][data-facet="region"] summary').click();
    await page.getByTestId('region-europe').check();
    await page.getByTestId('lang-ja').click();
    await atlas.expectUrl(/^\?lang=ja&.*region=europe/);
    await expect.poll(() => sourcePlaces(page)).toEqual(expectedPlaces({ regions: ['europe'] }));
    await expect(page.getByText('東北大学からの線')).toBeVisible();
    atlas.expectClean();
  });
});
