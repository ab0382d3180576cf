// Keyboard use: Enter and Space press the focused button, focus returns to what opened a panel or a mode, skip
// links lead past the result rows, and the phone's tabs follow the WAI-ARIA tabs pattern.
import { expect, test } from '@playwright/test';
import { AtlasPage, reusedPage } from './atlas-page';

/** The focused element's test id, or its tag when it has none. */
const focused = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.id ?? el?.tagName ?? null;
  });

test.describe('keyboard', () => {
  // The desktop checks share one page, each opening its own URL on it; the phone's tabs have their own.
  const shared = reusedPage();

  test('in presentation mode Enter and Space press the focused ‹ and Esc buttons; leaving returns focus to Present', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en');
    const presentation = page.getByTestId('presentation');
    await page.getByTestId('present').focus();
    await page.keyboard.press('Enter');
    await expect(presentation).toHaveAttribute('data-step', '0');
    for (const step of ['1', '2', '3']) {
      await page.keyboard.press('ArrowRight');
      await expect(presentation).toHaveAttribute('data-step', step);
    }
    const previous = page.getByRole('button', { name: 'Previous slide' });
    await previous.focus();
    await page.keyboard.press('Enter');
    await expect(presentation).toHaveAttribute('data-step', '2');
    await page.keyboard.press('Space');
    await expect(presentation).toHaveAttribute('data-step', '1');
    // Where no button has focus, Space still advances.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expect(presentation).toHaveAttribute('data-step', '2');
    const leave = page.getByRole('button', { name: 'Leave the presentation (Esc)' });
    await leave.focus();
    await page.keyboard.press('Enter');
    await expect(presentation).toBeHidden();
    await expect(page.getByTestId('present')).toBeFocused();
    // Space on the Esc button leaves too.
    await page.keyboard.press('Space');
    await expect(presentation).toHaveAttribute('data-step', '0');
    await leave.focus();
    await page.keyboard.press('Space');
    await expect(presentation).toBeHidden();
    await expect(page.getByTestId('present')).toBeFocused();
    atlas.expectClean();
  });

  test('leaving playback with its button (Enter or Space) or Esc puts focus back on Play', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en&play=2005');
    const year = page.getByTestId('playback-year');
    await expect(year).toHaveText('2005');
    await page.getByTestId('playback-exit').focus();
    // Space on the exit button leaves playback (the page-wide Space used to toggle play instead).
    await page.keyboard.press('Space');
    await expect(year).toBeHidden();
    await expect(page.getByTestId('play')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('playback-exit').focus();
    await page.keyboard.press('Enter');
    await expect(year).toBeHidden();
    await expect(page.getByTestId('play')).toBeFocused();
    // Esc, from wherever focus is, leaves playback too.
    await page.keyboard.press('Enter');
    await expect(year).toBeVisible();
    await page.getByTestId('lang-en').focus();
    await page.keyboard.press('Escape');
    await expect(year).toBeHidden();
    await expect(page.getByTestId('play')).toBeFocused();
    atlas.expectClean();
  });

  test('closing the institution card (Esc or ×) returns focus to the row that opened it, else to the results list', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en&country=FR');
    const card = page.getByTestId('institution-card');
    const row = page.getByTestId('result-row').nth(1);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Close' }).press('Enter');
    await expect(card).toBeHidden();
    await expect(row).toBeFocused();
    // Opened from a link, with nothing focused: closing lands on the results list, not the body.
    await atlas.openWithoutMap('lang=en&selected=universite-pierre-et-marie-curie');
    await expect(card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    expect(await focused(page)).toBe('results');
  });

  test('skip links come first, lead to the map, the results and the timeline, and Tab goes on from there', async () => {
    const atlas = shared();
    const page = atlas.page;
    await atlas.openWithoutMap('lang=en');
    const expected = [
      ['Skip to results', 'results'],
      ['Skip to map', 'atlas-main'],
      ['Skip to timeline', 'timeline'],
    ] as const;
    for (const [name] of expected) {
      await page.keyboard.press('Tab');
      const link = page.getByRole('link', { name });
      await expect(link).toBeFocused();
      await expect(link).toBeInViewport();
    }
    for (const [name, target] of expected) {
      await page.getByRole('link', { name }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe(target);
    }
    // From the timeline, the next Tab is in the timeline (the year brush) or its playback controls, not a result row.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      return { inTimeline: !!el?.closest('#timeline'), control: el?.getAttribute('role') ?? el?.tagName };
    });
    expect(next.inTimeline).toBe(true);
    expect(['slider', 'BUTTON', 'SELECT', 'INPUT']).toContain(next.control);
  });

  test('on a phone the view tabs follow the WAI-ARIA tabs pattern', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const atlas = new AtlasPage(page);
    await atlas.openWithoutMap('lang=en');
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(3);
    // Each tab controls a tab panel that is labelled by the tab.
    for (const tab of await tabs.all()) {
      const id = await tab.getAttribute('id');
      const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
      await expect(panel).toHaveAttribute('role', 'tabpanel');
      await expect(panel).toHaveAttribute('aria-labelledby', id!);
    }
    const state = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[role="tab"]')].map(
          (t) => `${t.getAttribute('data-testid')}:${t.getAttribute('aria-selected')}:${t.getAttribute('tabindex')}`,
        ),
      );
    expect(await state()).toEqual(['tab-map:true:0', 'tab-filters:false:-1', 'tab-list:false:-1']);
    await page.getByTestId('tab-map').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tab-filters')).toBeFocused();
    expect(await state()).toEqual(['tab-map:false:-1', 'tab-filters:true:0', 'tab-list:false:-1']);
    await expect(page.getByTestId('search')).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByTestId('tab-list')).toBeFocused();
    await expect(page.getByTestId('result-row').first()).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tab-map')).toBeFocused();
    await expect(page.getByTestId('tab-map')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('tab-list')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('tab-map')).toBeFocused();
    await expect(page.getByTestId('map')).toBeVisible();
    // Tab leaves the tab list from the selected tab: one stop, not three.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    atlas.expectClean();
    await context.close();
  });
});
