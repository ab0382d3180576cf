// The map as a student reads it: tooltips that go when clicked, no repeated world, regions framed, a legend of
// what is drawn, and names on the map.
import { expect, test } from '@playwright/test';
import { AtlasPage, datasetIndex } from './atlas-page';

test.describe('the map', () => {
  test('is created once: filter changes and playback update it, never re-create it', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    await page.evaluate(() => Object.assign(window.__partnerAtlasMap!, { probe: 'first map' }));
    await page.getByTestId('level-university').check();
    await page.getByTestId('search').fill('seoul');
    await page.locator('body').press('ArrowRight');
    await page.getByTestId('play').click();
    await page.getByTestId('play').click();
    await atlas.mapIdle();
    expect(await page.evaluate(() => (window.__partnerAtlasMap as unknown as { probe?: string }).probe)).toBe('first map');
  });

  test('a click on a marker closes its tooltip', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    await atlas.mapIdle();
    const [lng, lat] = datasetIndex().countryAnchors.get('CN')!;
    const china = await atlas.pointOnMap(lng, lat);
    await page.mouse.move(china.x, china.y);
    await expect(page.getByTestId('map-tooltip')).toContainText('China');
    await page.mouse.click(china.x, china.y);
    await atlas.expectUrl(/country=CN/);
    await expect(page.getByTestId('map-tooltip')).toHaveCount(0);
    atlas.expectClean();
  });

  test('zooming out never shows the world twice', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    await page.evaluate(() => window.__partnerAtlasMap!.zoomTo(0, { duration: 0 }));
    await atlas.mapIdle();
    const span = await page.evaluate(() => {
      const bounds = window.__partnerAtlasMap!.getBounds();
      return bounds.getEast() - bounds.getWest();
    });
    expect(span).toBeLessThanOrEqual(360.5);
  });

  test('choosing a region frames its institutions, as a country does', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&region=europe');
    await atlas.mapIdle();
    const index = datasetIndex();
    const european = new Set(index.dataset.countries.filter((c) => c.region === 'europe').map((c) => c.code));
    const points = index.dataset.institutions.filter((i) => european.has(i.country)).map((i) => [i.lng, i.lat] as [number, number]);
    // The source counts Russia (Novosibirsk, Vladivostok…) in Europe: the region reaches far east.
    const dataSpan = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
    const framed = await page.evaluate((pts) => {
      const map = window.__partnerAtlasMap!;
      const bounds = map.getBounds();
      return { span: bounds.getEast() - bounds.getWest(), outside: pts.filter((p) => !bounds.contains(p)).length };
    }, points);
    expect(framed.outside).toBe(0);
    // The region with a margin, not the opening view of the whole Pacific-centred world (~310° of longitude).
    expect(framed.span).toBeLessThan(Math.min(dataSpan + 40, 250));
  });

  test('the legend shows the symbols on screen: markers at world level, points and clusters when zoomed in', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    const legend = page.getByTestId('map-legend');
    await expect(legend).toHaveAttribute('data-level', 'country');
    await expect(legend).toContainText('Circle area = number of agreements');
    await expect(legend).toContainText('Tohoku University');
    await page.evaluate(() => window.__partnerAtlasMap!.jumpTo({ center: [2.35, 48.85], zoom: 5 }));
    await expect(legend).toHaveAttribute('data-level', 'institution');
    await expect(legend).toContainText('Partner institution');
    await expect(legend).not.toContainText('Circle area');
  });

  test('country names are drawn on the map in the page language, once the data is drawn', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=ja');
    const names = () =>
      page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-names'] }).map((f) => String(f.properties?.name)));
    await expect.poll(names).toContain('中国');
    expect(await names()).toContain('アメリカ');
    atlas.expectClean();
  });
});
