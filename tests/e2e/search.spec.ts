// Search as a student types it: acronyms, country names, typos; the best match first, why it matched, an empty
// state that names the search, and the map framing the results. The acronym and typo cases are in
// tests/ui/search-results.test.tsx (jsdom).
import { expect, test } from '@playwright/test';
import { AtlasPage, datasetIndex } from './atlas-page';

const rows = (page: import('@playwright/test').Page) => page.getByTestId('result-row');

test.describe('search', () => {
  test('a country name in either language finds its partners, and the map frames them', async ({ page }) => {
    const atlas = new AtlasPage(page);
    const german = datasetIndex().dataset.institutions.filter((i) => i.country === 'DE');
    await atlas.open('lang=ja');
    await page.getByTestId('search').fill('ドイツ');
    await expect(rows(page)).toHaveCount(german.length);
    await atlas.mapIdle();
    const framed = await page.evaluate(
      (pts) => {
        const bounds = window.__partnerAtlasMap!.getBounds();
        return { outside: pts.filter((p) => !bounds.contains(p)).length, span: bounds.getEast() - bounds.getWest() };
      },
      german.map((i) => [i.lng, i.lat] as [number, number]),
    );
    expect(framed.outside).toBe(0);
    expect(framed.span).toBeLessThan(60);
    await page.getByTestId('search').fill('Germany');
    await expect(rows(page)).toHaveCount(german.length);
  });

  test('no result names the search', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.openWithoutMap('lang=en');
    await page.getByTestId('search').fill('zzqx');
    await expect(page.getByTestId('no-results')).toHaveText('Nothing matches “zzqx” with these filters.');
    await page.getByTestId('lang-ja').click();
    await expect(page.getByTestId('no-results')).toContainText('「zzqx」');
  });
});
