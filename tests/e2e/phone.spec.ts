// A 375×667 phone (and a 375×812 one for the first screen): the first screen is for the map, the card scrolls in the map's area, the filters tab ends with
// a way to its results, and a tooltip does not outstay a tap.
import { type Browser, expect, test } from '@playwright/test';
import { nameHome } from './import-home';
import { AtlasPage, expectedCounts, reusedPage } from './atlas-page';

const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

/** A phone page with the WebGL map, where it is under test (the tooltip). */
async function phoneWithMap(browser: Browser, query: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const atlas = new AtlasPage(page);
  await atlas.open(query);
  return { context, page, atlas };
}

// The checks without the map share one phone page, each opening its own URL on it at its own screen height.
test.describe(() => {
  const shared = reusedPage(PHONE);
  /** The shared phone page at 375×`height`, opened at `query`. */
  async function phone(query: string, height = 667) {
    const atlas = shared();
    await atlas.page.setViewportSize({ width: 375, height });
    await atlas.openWithoutMap(query);
    return { page: atlas.page, atlas };
  }

  for (const lang of ['ja', 'en'] as const) {
    test(`the header takes at most a sixth of the first screen, on one row of actions (${lang})`, async () => {
      const { page, atlas } = await phone(`lang=${lang}`);
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(667 / 6);
      // Every action is on screen and none is cut: share, export, your list, about and the language switch.
      for (const id of ['copy-link', 'export-menu', 'import-open', 'about-open', 'lang-ja', 'lang-en']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x, id).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, id).toBeLessThanOrEqual(375);
        expect(box.y + box.height, id).toBeLessThanOrEqual(header.y + header.height);
      }
      atlas.expectClean();
    });

    test(`at 375×812 the first screen holds the counts, the map and the whole year chart (${lang})`, async () => {
      const { page, atlas } = await phone(`lang=${lang}`, 812);
      const bottom = async (id: string) => {
        const box = (await page.getByTestId(id).boundingBox())!;
        return box.y + box.height;
      };
      expect(await bottom('count-agreements')).toBeLessThanOrEqual(812);
      // The map keeps at least 40 % of the screen, and the chart ends above the fold.
      expect((await page.getByTestId('map').boundingBox())!.height).toBeGreaterThanOrEqual(812 * 0.4);
      expect(await bottom('map')).toBeLessThanOrEqual(812);
      expect(await bottom('timeline-chart')).toBeLessThanOrEqual(812);
      atlas.expectClean();
    });

    test(`at 375 px the playback row fits the screen, Loop included, with no sideways scroll (${lang})`, async () => {
      const { page, atlas } = await phone(`lang=${lang}`, 812);
      const toolbar = page.getByTestId('playback');
      const bar = (await toolbar.boundingBox())!;
      // The row scrolls sideways when it is wider than the screen: then its last controls are cut off at the edge.
      const widths = await toolbar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(widths.scroll, 'the row needs no sideways scroll').toBeLessThanOrEqual(widths.client);
      const loop = toolbar.getByRole('checkbox', { name: lang === 'ja' ? 'ループ' : 'Loop' });
      for (const control of [toolbar.getByTestId('play'), toolbar.getByTestId('playback-mode'), loop, toolbar.locator('label.inline-check')]) {
        const box = (await control.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(Math.max(0, bar.x));
        expect(box.x + box.width).toBeLessThanOrEqual(Math.min(375, bar.x + bar.width));
      }
      // The play button shows its icon alone here, and keeps its word as its name.
      await expect(toolbar.getByTestId('play')).toHaveAccessibleName(lang === 'ja' ? '再生' : 'Play');
      // In playback (a step forward starts it, paused) "Exit playback" joins the row: on the screen, and still no
      // sideways scroll (it stood past the edge, at x 364–424, before it moved to the title line).
      await toolbar.getByRole('button', { name: lang === 'ja' ? '1年進む' : 'One year forward' }).click();
      const exit = toolbar.getByTestId('playback-exit');
      await expect(exit).toBeVisible();
      const exitBox = (await exit.boundingBox())!;
      expect(exitBox.x).toBeGreaterThanOrEqual(0);
      expect(exitBox.x + exitBox.width).toBeLessThanOrEqual(375);
      const playing = await toolbar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(playing.scroll, 'the row needs no sideways scroll in playback').toBeLessThanOrEqual(playing.client);
      await exit.click();
      await expect(exit).toHaveCount(0);
      atlas.expectClean();
    });

    test(`the institution card scrolls inside the map and leaves the timeline in view (${lang})`, async () => {
      const { page, atlas } = await phone(`lang=${lang}&dept=engineering&selected=seoul-national-university`);
      const card = page.getByTestId('institution-card');
      await expect(card).toBeVisible();
      const cardBox = (await card.boundingBox())!;
      const mapBox = (await page.getByTestId('map').boundingBox())!;
      expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(mapBox.y + mapBox.height);
      expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(667);
      // Its own scroll reaches the last line of the card.
      const scroll = await card.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, overflow: getComputedStyle(el).overflowY }));
      expect(scroll.overflow).toBe('auto');
      expect(scroll.scrollHeight).toBeGreaterThan(scroll.clientHeight);
      await card.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      // The card is at most 45 % of the map (the place stays in view): its scroll reaches its last line, and any
      // agreement's source line can be scrolled to.
      await expect(card.locator(':scope > *').last()).toBeInViewport();
      const source = card.locator('.card-source').last();
      await source.scrollIntoViewIfNeeded();
      await expect(source).toBeInViewport();
      await expect(page.getByTestId('play')).toBeInViewport();
      atlas.expectClean();
    });
  }

  test('the filters tab ends with a sticky button to its results, which says how many', async () => {
    const { page, atlas } = await phone('lang=en&dept=engineering');
    await expect(page.getByTestId('show-results')).toBeHidden();
    await page.getByTestId('tab-filters').tap();
    const button = page.getByTestId('show-results');
    const institutions = expectedCounts({ departments: ['engineering'] }).institutions;
    await expect(button).toHaveText(`Show ${institutions} institutions`);
    await expect(button).toBeInViewport();
    // Far down the department list, it is still at the bottom of the screen.
    await page
      .getByRole('checkbox', { name: /Institute for Materials Research/ })
      .first()
      .scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(600);
    await button.tap();
    await expect(page.getByTestId('tab-list')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('result-row').first()).toBeVisible();
    await expect(page.getByTestId('count-institutions')).toHaveText(String(institutions));
    atlas.expectClean();
  });

  // Last on the shared page: it stores a list (IndexedDB), which every later load of this context would open.
  test('your list opens from the header, its dialog fills the screen, and the list it reads is shown', async () => {
    const { page, atlas } = await phone('lang=en');
    await page.getByTestId('import-open').tap();
    const panel = page.getByTestId('import-panel');
    await expect(panel).toBeVisible();
    await page.getByTestId('import-file').setInputFiles(new URL('../fixtures/import/partners.tsv', import.meta.url).pathname);
    await expect(page.getByTestId('import-summary')).toHaveAttribute('data-placed', '2');
    // Nothing sticks out sideways, the columns included; the dialog scrolls within the screen.
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.y + box.height).toBeLessThanOrEqual(667);
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await nameHome(page);
    await page.getByTestId('import-apply').scrollIntoViewIfNeeded();
    await page.getByTestId('import-apply').tap();
    await expect(panel).toBeHidden();
    await atlas.expectCounts({ agreements: 2, institutions: 2, countries: 2 });
    atlas.expectClean();
  });
});

test('Escape, or a tap outside the map, dismisses the map tooltip', async ({ browser }) => {
  const { context, page, atlas } = await phoneWithMap(browser, 'lang=en');
  await atlas.mapIdle();
  const anchor = await page.evaluate(() => {
    const map = window.__partnerAtlasMap!;
    const china = map.querySourceFeatures('country-markers').find((f) => f.geometry.type === 'Point' && f.properties?.code === 'CN')!;
    return map.project((china.geometry as GeoJSON.Point).coordinates as [number, number]);
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  // A stylus or a mouse on a touch screen hovers the marker: the tooltip shows.
  await page.mouse.move(box.x + anchor.x, box.y + anchor.y);
  await expect(page.getByTestId('map-tooltip')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map-tooltip')).toBeHidden();
  await page.mouse.move(box.x + anchor.x + 1, box.y + anchor.y);
  await expect(page.getByTestId('map-tooltip')).toBeVisible();
  await page.touchscreen.tap(60, (await page.getByTestId('count-agreements').boundingBox())!.y + 5);
  await expect(page.getByTestId('map-tooltip')).toBeHidden();
  atlas.expectClean();
  await context.close();
});
