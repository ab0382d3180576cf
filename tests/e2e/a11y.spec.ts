import { expect, test } from '@playwright/test';
import { AtlasPage, expectedCounts } from './atlas-page';
import { seriousViolations } from './axe';

// One page with the WebGL map (its controls are checked too), checked in Japanese, then in English after the
// language switch: the same checks as two fresh pages, for one map load.
test('axe finds no serious or critical violations (ja, then en)', async ({ page }) => {
  // Two axe runs on one page: the time of the two tests it replaces.
  test.slow();
  const atlas = new AtlasPage(page);
  await atlas.open('lang=ja&country=FR&selected=universite-pierre-et-marie-curie');
  for (const lang of ['ja', 'en'] as const) {
    if (lang === 'en') {
      await page.getByTestId('lang-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    // Open the collapsible filter groups so their controls are checked too (one at a time: each opened one leaves the set).
    const closed = page.locator('.filters details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    const serious = await seriousViolations(page, lang);
    expect(serious).toEqual([]);
  }
  await expect(page.getByTestId('institution-card')).toBeVisible();
});

test('a skip link leads to the results, and the list is reachable by keyboard', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to results' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#results$/);
  const firstRow = page.getByTestId('result-row').first();
  await firstRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('institution-card')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('institution-card')).toBeHidden();
});

test('on a phone the timeline brush works by touch', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en');
  const overlay = page.locator('[data-testid="timeline-brush"] .overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const y = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', box.x + box.width * 0.5);
  for (let i = 1; i <= 8; i += 1) await touch('touchMove', box.x + box.width * (0.5 + (0.4 * i) / 8));
  await touch('touchEnd', box.x + box.width * 0.9);
  const label = await page.getByTestId('timeline-range').innerText();
  const [, from, to] = /(\d{4})–(\d{4})/.exec(label)!;
  expect(Number(from)).toBeGreaterThan(1983);
  await atlas.expectCounts(expectedCounts({ yearRange: [Number(from), Number(to)] }));
  // Nothing overflows the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Tabs: the list on its own, and choosing a row shows the institution on the map tab.
  await page.getByTestId('tab-list').tap();
  await expect(page.getByTestId('map')).toBeHidden();
  const row = page.getByTestId('result-row').first();
  await row.tap();
  await expect(page.getByTestId('tab-map')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('institution-card')).toBeVisible();
  await page.getByTestId('tab-filters').tap();
  await expect(page.getByTestId('search')).toBeVisible();
  await context.close();
});
