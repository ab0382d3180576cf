// Playback has one owner (the playback controller): Play runs over the brushed years, a step then Play goes on,
// and a speed change keeps the position. Time is Playwright's fake clock, so each frame is the test's to run.
import { expect, test } from '@playwright/test';
import { AtlasPage, expectedCounts, yearsMs } from './atlas-page';
import { sharedHeldPage } from './held-page';

test.describe('playback', () => {
  // One page with a fake clock for the three, each at its own URL (a fresh document), the map held (held-page.ts).
  const openAt = sharedHeldPage({ clock: true });

  test('Play runs over the brushed year range, and the counts at its end match that range', async () => {
    const atlas = await openAt('lang=en&years=2000-2010&speed=4');
    const { page } = atlas;
    await expect(page.getByTestId('filter-chips')).toContainText('2000–2010');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('playback-year')).toHaveText('2000');
    await page.clock.runFor(yearsMs(5.5, 4));
    await expect(page.getByTestId('playback-year')).toHaveText('2005');
    await page.clock.runFor(yearsMs(10, 4));
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('playback-year')).toHaveText('2010');
    await expect(page.getByTestId('filter-chips')).toContainText('2000–2010');
    await atlas.expectCounts(expectedCounts({ yearRange: [2000, 2010] }));
    atlas.expectClean();
  });

  test('a step and then Play goes on into the next year instead of replaying the current one', async () => {
    const atlas = await openAt('lang=en&play=2005&speed=0.5');
    const { page } = atlas;
    await expect(page.getByTestId('playback-year')).toHaveText('2005');
    await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText('2006');
    await page.locator('body').press(' ');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    // A tenth of a year at 0.5×: far less than a year, which is what replaying 2006 would take.
    await page.clock.runFor(yearsMs(0.1, 0.5));
    await expect(page.getByTestId('playback-year')).toHaveText('2007');
    atlas.expectClean();
  });

  test('changing the speed while playing keeps the position within the year', async () => {
    const atlas = await openAt('lang=en&speed=0.5');
    const { page } = atlas;
    await page.getByTestId('play').click();
    // Three quarters of the way through the first year.
    await page.clock.runFor(yearsMs(0.75, 0.5));
    await expect(page.getByTestId('playback-year')).toHaveText('1983');
    await page.getByTestId('speed').selectOption('1');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    // The last quarter of 1983 at 1× (plus a few frames): restarting the year would take four times as long.
    await page.clock.runFor(yearsMs(0.35, 1));
    await expect(page.getByTestId('playback-year')).toHaveText('1984');
    atlas.expectClean();
  });
});

// The map's marker counts at paused years (issue 29) are checked in map.spec.ts, on its playback map page.
test('kiosk: autoplay=1 plays on load without a click, pauses on a key, and plays again when idle', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en&autoplay=1&loop=1&speed=4&embed=1');
  const year = page.getByTestId('playback-year');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await year.innerText()), { timeout: 30_000 }).toBeGreaterThan(1984);
  await page.keyboard.press('Shift');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const paused = Number(await year.innerText());
  // The minute's idle wait, skipped through the kiosk's automation hook.
  await page.evaluate(() => window.__partnerAtlasKiosk!.resumeNow());
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await year.innerText()), { timeout: 30_000 }).not.toBe(paused);
  atlas.expectClean();
});
