// Search as a student types it: acronyms, country names, typos; the best match first, why it matched, an empty
// state that names the search. The map framing a country's results is in map.spec.ts (on its map page); the acronym
// and typo cases are in tests/ui/search-results.test.tsx (jsdom).
import { expect, test } from '@playwright/test';
import { AtlasPage } from './atlas-page';

test.describe('search', () => {
  // 'a country name in either language finds its partners, and the map frames them' is in map.spec.ts, on its map page.
  test('no result names the search', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.openWithoutMap('lang=en');
    await page.getByTestId('search').fill('zzqx');
    await expect(page.getByTestId('no-results')).toHaveText('Nothing matches “zzqx” with these filters.');
    await page.getByTestId('lang-ja').click();
    await expect(page.getByTestId('no-results')).toContainText('「zzqx」');
  });
});
