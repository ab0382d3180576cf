// Issue 16: a new result paints its first screenful of rows at once and the rest in the next frame, but only while
// those rows are out of sight. The list must still end with every row, and a list scrolled down must never lose
// rows for a frame (it would lose its place).
import { expect, test } from '@playwright/test';
import { AtlasPage, expectedCounts } from './atlas-page';

test('a search shows every matching row; a list scrolled down keeps every row through a language switch, and a chosen row does not pull it back', async ({
  page,
}) => {
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en');
  const rows = page.getByTestId('result-row');
  const all = expectedCounts().institutions;
  expect(all).toBeGreaterThan(200);
  await expect(rows).toHaveCount(all);

  const search = page.getByTestId('search');
  await search.fill('univ');
  const matching = expectedCounts({ query: 'univ' }).institutions;
  expect(matching).toBeGreaterThan(60);
  await expect(rows).toHaveCount(matching);
  await search.fill('');
  await expect(rows).toHaveCount(all);

  // Scrolled well past the list's top, then the language changes every row's text (and the order).
  await rows.nth(180).scrollIntoViewIfNeeded();
  await expect(page.locator('.results-top')).not.toBeInViewport();
  await page.evaluate(() => {
    const list = document.querySelector('[data-testid="results-list"]')!;
    const w = window as unknown as { __fewestRows: number };
    w.__fewestRows = Number.POSITIVE_INFINITY;
    new MutationObserver(() => {
      w.__fewestRows = Math.min(w.__fewestRows, list.querySelectorAll('[data-testid="result-row"]').length);
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  await page.getByTestId('lang-ja').click();
  await expect(page.locator('#results-title')).toHaveText('結果一覧');
  await expect(rows).toHaveCount(all);
  expect(await page.evaluate(() => (window as unknown as { __fewestRows: number }).__fewestRows)).toBe(all);

  // A row chosen far down, then the list read from its top again: a later change (here the order) leaves it there.
  await rows.nth(180).click();
  await expect(rows.nth(180)).toHaveAttribute('aria-current', 'true');
  await page.locator('.results-top').scrollIntoViewIfNeeded();
  await page.getByTestId('sort').selectOption('date');
  await expect(rows).toHaveCount(all);
  await expect(page.locator('.results-top')).toBeInViewport();
  atlas.expectClean();
});
