// The timeline agrees with the rest of the page (issue 12): during playback the list, the counts and the undated
// bucket show the same years; a year bar says its year and count, and a click selects that year; the undated bucket
// is labelled; the cumulative axis counts in whole numbers; the legend explains only the colours on screen.
import { expect, test, type Page } from '@playwright/test';
import { datasetIndex, expectedCounts, reusedPage, yearsMs } from './atlas-page';
import { sharedHeldPage } from './held-page';
import { countByYear } from '../../src/domain/aggregate';
import { COLOURS, REGION_COLOURS } from '../../src/style/palette';

/** Plays from the first year (1983) at 4× and stops the clock inside `year`, still playing. */
async function playTo(page: Page, year: number) {
  await page.getByTestId('play').click();
  await expect(page.getByTestId('playback-year')).toHaveText('1983');
  await page.clock.runFor(yearsMs(year - 1983 + 0.5, 4));
  await expect(page.getByTestId('playback-year')).toHaveText(String(year));
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
}

/** What the results list shows: the first signing year of each row, and the institutions its groups count. */
async function listState(page: Page) {
  const list = page.getByTestId('results-list');
  const signed = await list.getByTestId('result-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-signed')));
  const groupCounts = await list.locator('h3 .count').allInnerTexts();
  return {
    rows: signed.length,
    years: signed.map((d) => (d ? Number(d.slice(0, 4)) : null)),
    institutions: groupCounts.reduce((sum, text) => sum + Number(text.replace(/[^\d]/g, '')), 0),
  };
}

const full = () => countByYear(datasetIndex().links, datasetIndex().yearExtent);

test.describe('timeline', () => {
  // The checks without playback share one page, each opening its own URL on it; the playing ones another, with a fake clock.
  const shared = reusedPage();
  const openWithClockAt = sharedHeldPage({ clock: true });

  test('while playing, the list shows only the agreements the counts show (cumulative, then the last 5 years)', async () => {
    const atlas = await openWithClockAt('lang=en&speed=4');
    const { page } = atlas;
    await playTo(page, 2001);
    const counts = expectedCounts({ yearRange: [1983, 2001] });
    await atlas.expectCounts(counts);
    await expect
      .poll(async () => {
        const { rows, institutions } = await listState(page);
        return { rows, institutions };
      })
      .toEqual({ rows: counts.institutions, institutions: counts.institutions });
    const cumulative = await listState(page);
    expect(cumulative.years.every((y) => y !== null && y <= 2001)).toBe(true);

    await page.getByTestId('playback-exit').click();
    await page.getByTestId('playback-mode').selectOption('5');
    await playTo(page, 2001);
    const window = expectedCounts({ yearRange: [1997, 2001] });
    await atlas.expectCounts(window);
    await expect.poll(async () => (await listState(page)).institutions).toBe(window.institutions);
    const windowed = await listState(page);
    expect(windowed.rows).toBe(window.institutions);
    expect(windowed.years.every((y) => y !== null && y >= 1997 && y <= 2001)).toBe(true);
    atlas.expectClean();
  });

  test('while playing, the undated bucket is not counted and says so, as the counts leave undated agreements out', async () => {
    const atlas = await openWithClockAt('lang=en&speed=4');
    const { page } = atlas;
    await playTo(page, 2001);
    await atlas.expectCounts(expectedCounts({ yearRange: [1983, 2001] }));
    const bucket = page.getByTestId('undated-bucket');
    await expect(bucket).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('undated-label')).toHaveText('Not in playback');
    await expect(bucket).toHaveAttribute('aria-label', `Undated: ${full().undated} agreements (not part of playback)`);
    await page.getByTestId('lang-ja').click();
    await expect(page.getByTestId('undated-label')).toHaveText('再生の対象外');
    await page.screenshot({ path: '/tmp/shots/timeline-playing-ja.png' });
    atlas.expectClean();
  });

  test('a year bar tells its year and count on hover and by name, and a click selects that year', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en');
    const n2001 = full().bins.find((b) => b.year === 2001)!.total;
    const bar = page.locator('[data-testid="year-bar"][data-year="2001"]');
    await expect(page.getByRole('img', { name: `2001: ${n2001} agreements` })).toHaveCount(1);
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-tooltip')).toHaveText(`2001: ${n2001} agreements`);
    await page.screenshot({ path: '/tmp/shots/timeline-hover-en.png' });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-range')).toHaveText('Years: 2001–2001');
    // A year range hides the undated (department-level) agreements, and the brush's label says so (issue 26, item 3).
    await expect(page.getByTestId('timeline-brush')).toHaveAttribute('aria-valuetext', '2001 to 2001; 334 undated agreements hidden');
    await atlas.expectCounts(expectedCounts({ yearRange: [2001, 2001] }));
    await atlas.expectUrl(/years=2001-2001/);

    // Inside a brushed range, a click picks one year of it too.
    await atlas.openWithoutMap('lang=ja&years=2000-2010');
    const n2005 = full().bins.find((b) => b.year === 2005)!.total;
    const bar2005 = page.locator('[data-testid="year-bar"][data-year="2005"]');
    await expect(page.getByRole('img', { name: `2005年：${n2005}件の協定` })).toHaveCount(1);
    const box2005 = (await bar2005.boundingBox())!;
    await page.mouse.move(box2005.x + box2005.width / 2, box2005.y + box2005.height / 2);
    await expect(page.getByTestId('timeline-tooltip')).toHaveText(`2005年：${n2005}件の協定`);
    await page.screenshot({ path: '/tmp/shots/timeline-hover-ja.png' });
    await page.mouse.click(box2005.x + box2005.width / 2, box2005.y + box2005.height / 2);
    await atlas.expectCounts(expectedCounts({ yearRange: [2005, 2005] }));
    await atlas.expectUrl(/years=2005-2005/);
    atlas.expectClean();
  });

  test('the undated bucket is labelled with what it counts and how many, in both languages', async () => {
    const atlas = shared();
    const page = atlas.page;
    const undated = full().undated;
    await atlas.openWithoutMap('lang=en');
    const bucket = page.getByTestId('undated-bucket');
    await expect(bucket).toHaveAttribute('aria-label', `Undated: ${undated} agreements`);
    await expect(page.getByTestId('undated-label')).toHaveText(`${undated} agreements`);
    await expect(bucket).toContainText('Undated');
    await page.getByTestId('timeline').screenshot({ path: '/tmp/shots/timeline-en.png' });
    await page.getByTestId('lang-ja').click();
    await expect(bucket).toHaveAttribute('aria-label', `日付なし：${undated}件`);
    await expect(page.getByTestId('undated-label')).toHaveText(`協定 ${undated} 件`);
    await expect(bucket).toContainText('日付なし');
    await page.getByTestId('timeline').screenshot({ path: '/tmp/shots/timeline-ja.png' });
    atlas.expectClean();
  });

  test('the cumulative axis counts whole institutions, also for a result of one or two agreements', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en&q=Lausanne');
    const counts = await atlas.counts();
    expect(counts.agreements).toBeGreaterThanOrEqual(1);
    expect(counts.agreements).toBeLessThanOrEqual(2);
    await expect(page.getByTestId('cumulative-tick').first()).toBeVisible();
    const ticks = await page.getByTestId('cumulative-tick').allTextContents();
    expect(ticks).toEqual(['0', String(counts.institutions)]);
    await page.getByTestId('timeline').screenshot({ path: '/tmp/shots/timeline-tiny-en.png' });
    atlas.expectClean();
  });

  test('the legend explains only the region colours in the bars, and no map marker wears a region colour', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en&region=europe');
    const swatches = page.locator('.legend-regions li:has(.swatch:not(.line):not(.whole))');
    await expect(swatches).toHaveCount(1);
    await expect(swatches).toHaveText('Europe');
    // The grey bars behind the filtered ones are the whole list, and the key says so; without a filter there are none.
    await expect(page.getByTestId('legend-whole')).toHaveText('Whole list (before the filters)');
    await atlas.openWithoutMap('lang=en');
    await expect(swatches).toHaveCount(Object.keys(REGION_COLOURS).length);
    await expect(page.getByTestId('legend-whole')).toHaveCount(0);

    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const marker = await page
      .getByTestId('map-legend')
      .locator('.legend-dot.country')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(marker).toBe(rgb(COLOURS.marker));
    expect(Object.values(REGION_COLOURS).map(rgb)).not.toContain(marker);
    atlas.expectClean();
  });
});
