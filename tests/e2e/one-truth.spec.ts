// Issue 26, "one truth in every picture": the slides say what their growth leaves out and why two totals differ;
// a full-range brush is no filter; a search frames no closer than the basemap can draw and names what it framed;
// the list says which year it lists during playback; and the smaller things (match line, South Korea's name, the
// department hint, what the circles and the list's headings count). Both languages. The Japanese Cancel button of
// a video export is checked in present.spec.ts's cancelled export (the same page and export: one export, not two).
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { basemapDetailZoom, basemapFromTopology } from '../../src/domain/basemap';
import { filterLinks, DEFAULT_FILTERS } from '../../src/domain/filters';
import { type AtlasPage, datasetIndex, expectedCounts, reusedPage, sharedPage, yearsMs } from './atlas-page';
import { sharedHeldPage } from './held-page';

const require = createRequire(import.meta.url);
/** The zoom the app's basemap (world-atlas 1:110m) can be drawn at, found from its borders as the app finds it. */
const detailZoom = () => basemapDetailZoom(basemapFromTopology(require('world-atlas/countries-110m.json')));

const undatedCount = () => {
  const links = filterLinks(datasetIndex(), DEFAULT_FILTERS);
  return new Set(links.filter((l) => l.agreement.signed === null).map((l) => l.agreement.id)).size;
};

// On a machine shared by many browsers the page can be ready later than the driver's 30 s: these tests wait longer.
test.slow();
/** Opens the atlas without the WebGL map (MapLibre's code held back), and waits for the first view. */
async function openHeld(atlas: AtlasPage, query: string) {
  await atlas.holdMap();
  await atlas.page.goto(`/?${query}`);
  await expect(atlas.page.locator('html')).toHaveAttribute('data-first-view', 'true', { timeout: 120_000 });
  return atlas;
}
// The checks without the map or a fake clock share one page, each opening its own URL on it (a fresh document).
const shared = reusedPage();
/** The shared page (held map), opened at `query`. */
const open = (query: string) => openHeld(shared(), query);

// Screenshots for a person to look at, beside the test's other output (test-results/, not committed).
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

test.describe('slides say what their numbers leave out (item 2)', () => {
  for (const lang of ['en', 'ja'] as const) {
    test(`growth slides and the totals (${lang})`, async () => {
      const undated = undatedCount();
      const atlas = await open(`lang=${lang}&present=1`);
      const page = atlas.page;
      await expect(page.getByTestId('presentation')).toHaveAttribute('data-kind', 'first-agreement');
      await expect(page.getByTestId('presentation-note')).toHaveText(
        lang === 'en'
          ? `The growth counts dated agreements only: ${undated} undated department-level agreements are not in it (the source gives them no date).`
          : `推移は締結日のある協定から数えています。日付のない部局間協定 ${undated} 件は含まれません(資料に締結日の記載がありません)。`,
      );
      await page.keyboard.press('End');
      await expect(page.getByTestId('presentation')).toHaveAttribute('data-kind', 'end');
      const notes = page.getByTestId('presentation-note');
      await expect(notes.first()).toContainText(
        lang === 'en' ? `${undated} of them are undated department-level agreements` : `うち ${undated} 件は日付のない部局間協定`,
      );
      await expect(notes.last()).toContainText(lang === 'en' ? 'One agreement can cover several institutions' : '1つの協定が複数の機関を含むことがあり');
      await shot(page, `slide-end-${lang}`);
      atlas.expectClean();
    });
  }

  test('with filters where institutions outnumber agreements, the last slide says why (engineering, waiver)', async () => {
    const atlas = await open('lang=en&dept=engineering&waiver=1&present=99');
    const page = atlas.page;
    await expect(page.getByTestId('presentation')).toHaveAttribute('data-kind', 'end');
    const counts = expectedCounts({ departments: ['engineering'], tuitionWaiverOnly: true });
    expect(counts.institutions).toBeGreaterThan(counts.agreements);
    await expect(page.getByTestId('presentation-caption')).toContainText(`${counts.agreements} agreements with ${counts.institutions} institutions`);
    await expect(page.getByTestId('presentation-note').last()).toContainText(
      /One agreement can cover several institutions \(\d+ agreements do, up to \d+ in one\)/,
    );
    await page.getByTestId('lang-ja').evaluate((b: HTMLElement) => b.click());
    await expect(page.getByTestId('presentation-note').last()).toContainText(/1つの協定が複数の機関を含むことがあり\(\d+ 件、最大 \d+ 機関\)/);
    await shot(page, 'slide-end-engineering-ja');
    atlas.expectClean();
  });
});

test.describe('the year brush (item 3)', () => {
  for (const lang of ['en', 'ja'] as const) {
    test(`an arrow key on the untouched brush is no filter; a real range says the undated are hidden (${lang})`, async () => {
      const atlas = await open(`lang=${lang}`);
      const page = atlas.page;
      const all = expectedCounts();
      const brush = page.getByTestId('timeline-brush');
      await brush.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await atlas.expectCounts(all);
      await expect(page.getByTestId('undated-hidden')).toHaveCount(0);
      await expect(page.getByTestId('timeline-reset')).toHaveCount(0);
      expect(await page.evaluate(() => location.search)).not.toContain('years=');

      await page.keyboard.press('Shift+ArrowLeft');
      await atlas.expectCounts(expectedCounts({ yearRange: [1983, 2011] }));
      const undated = undatedCount();
      await expect(brush).toHaveAttribute(
        'aria-valuetext',
        lang === 'en' ? `1983 to 2011; ${undated} undated agreements hidden` : `1983年から2011年(日付のない協定 ${undated} 件は非表示)`,
      );
      await expect(page.getByTestId('undated-hidden')).toBeVisible();
      await shot(page, `brush-range-${lang}`);
      // Back to every year: no filter again.
      await page.keyboard.press('Shift+ArrowRight');
      await atlas.expectCounts(all);
      await expect(brush).toHaveAttribute('aria-valuetext', lang === 'en' ? '1983 to 2012' : '1983年から2012年');
      atlas.expectClean();
    });
  }
});

// One page with the WebGL map for the checks of what it draws (items 5 and 7): South Korea's name at the opening
// view, then the searches in English, then (after the language switch) in Japanese. One map load, not three.
test.describe('on one map page', () => {
  const onePage = sharedPage('lang=en', { map: true });
  const search = async (atlas: AtlasPage, query: string) => {
    await atlas.page.getByTestId('search').fill(query);
    await expect(atlas.page.getByTestId('map-framed')).toBeVisible();
    await atlas.mapIdle();
    return atlas.page.evaluate(() => window.__partnerAtlasMap!.getZoom());
  };

  test('the English map names South Korea on its marker (item 7)', async () => {
    const atlas = onePage();
    const { page } = atlas;
    await atlas.mapIdle();
    await expect
      .poll(() => page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-names'] }).map((f) => f.properties?.name)))
      .toContain('South Korea');
    await shot(page, 'map-en');
    atlas.expectClean();
  });

  test('a search for one place frames no closer than the basemap can draw, and names what it framed (item 5, en)', async () => {
    const atlas = onePage();
    const { page } = atlas;
    const cap = detailZoom();
    expect(await search(atlas, 'KAIST')).toBeLessThanOrEqual(cap + 0.01);
    await expect(page.getByTestId('map-framed')).toHaveText('Framed: Daejeon, South Korea');
    await shot(page, 'search-kaist-en');
    expect(await search(atlas, 'Paris')).toBeLessThanOrEqual(cap + 0.01);
    await expect(page.getByTestId('map-framed')).toHaveText('Framed: France');
    await shot(page, 'search-paris-en');
    // Several countries: nothing to name.
    await page.getByTestId('search').fill('Technology');
    await expect(page.getByTestId('map-framed')).toHaveCount(0);
    await page.getByTestId('search').fill('');
    atlas.expectClean();
  });

  test('a search for one place names what it framed in Japanese (item 5)', async () => {
    const atlas = onePage();
    const { page } = atlas;
    await page.getByTestId('lang-ja').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    expect(await search(atlas, 'KAIST')).toBeLessThanOrEqual(detailZoom() + 0.01);
    await expect(page.getByTestId('map-framed')).toHaveText('表示範囲: 韓国・大田');
    await shot(page, 'search-kaist-ja');
    atlas.expectClean();
  });
});

test.describe('the list during playback (item 6)', () => {
  // One page with a fake clock for both languages, each at its own URL (held-page.ts): from the first view on, time
  // moves only when the test runs it (as openWithClock in the driver).
  const openAt = sharedHeldPage({ clock: true });
  for (const lang of ['en', 'ja'] as const) {
    test(`says which year it lists, and lists what the counts count (${lang})`, async () => {
      const atlas = await openAt(`lang=${lang}&speed=4`);
      const { page } = atlas;
      await page.getByTestId('play').click();
      await expect(page.getByTestId('playback-year')).toHaveText('1983');
      await page.clock.runFor(yearsMs(2001 - 1983 + 0.5, 4));
      await expect(page.getByTestId('playback-year')).toHaveText('2001');
      const line = page.getByTestId('results-playback');
      // Behind (paused at an earlier year, and saying so) or caught up: then it says it is 2001, as the counts.
      await expect(line).toHaveAttribute('data-year', '2001');
      await expect(line).toHaveAttribute('data-behind', 'false');
      await expect(line).toHaveText(lang === 'en' ? 'Listed as of 2001, as on the map and in the counts' : '2001年時点の一覧(地図・件数と同じ)');
      const counts = expectedCounts({ yearRange: [1983, 2001] });
      await atlas.expectCounts(counts);
      await expect(page.getByTestId('results-list').getByTestId('result-row')).toHaveCount(counts.institutions);
      await shot(page, `playback-list-${lang}`);
      await page.getByTestId('playback-exit').click();
      await expect(line).toHaveCount(0);
      atlas.expectClean();
    });
  }
});

test.describe('smaller things (item 7)', () => {
  test('the match line is smaller than the name', async () => {
    const atlas = await open('lang=en');
    const page = atlas.page;
    await page.getByTestId('search').fill('LSE');
    const row = page.getByTestId('result-row').first();
    await expect(row.getByTestId('result-match')).toHaveText('Acronym: LSE');
    const size = (selector: string) => row.locator(selector).evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(await size('[data-testid="result-match"]')).toBeLessThan(await size('.result-name'));
    atlas.expectClean();
  });

  for (const lang of ['en', 'ja'] as const) {
    test(`the department filter says what choosing does once; the circles and the list's headings say what they count (${lang})`, async () => {
      const atlas = await open(`lang=${lang}`);
      const page = atlas.page;
      // The first facet group is the department's.
      const group = page.getByTestId('facet-group').first();
      await expect(group.locator('summary')).toContainText(lang === 'en' ? 'Department' : '部局');
      await group.locator('summary').click();
      // A closed group renders only its summary: its rows and words come with the render after it opens.
      const choosing = lang === 'en' ? /choosing a department/gi : /部局を選ぶと/g;
      await expect.poll(async () => (await group.innerText()).match(choosing)?.length ?? 0).toBe(1);
      await expect(page.getByTestId('map-legend')).toContainText(lang === 'en' ? 'Circle area and number = agreements' : '円の面積と数字 = 協定数');
      await expect(page.locator('.result-group h3 .count').first()).toContainText(lang === 'en' ? 'institutions' : '機関');
      await shot(page, `department-${lang}`);
      atlas.expectClean();
    });
  }
});
