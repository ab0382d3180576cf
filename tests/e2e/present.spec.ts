import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countCsvRows } from '../../src/domain/export-csv';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { deriveMilestones } from '../../src/domain/storyline';
import { storylineCaption } from '../../src/i18n/storyline';
import { AtlasPage, datasetIndex, expectedCounts, openWithClock, sharedPage } from './atlas-page';
import { SECONDS_PER_SLIDE_AT_1X } from '../../src/state/slideshow';
import { readVideo } from './video-file';
import { sharedHeldPage } from './held-page';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';
import { HOLD_LAST_YEAR_S } from '../../src/domain/video-timing';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// The tests without the WebGL map share one page, each at its own URL (held-page.ts).
const heldAt = sharedHeldPage();

test.describe('presenting and sharing', () => {
  test('playback from the first to the last year finishes with the full count', async () => {
    const atlas = await heldAt('lang=en&speed=4');
    const { page } = atlas;
    await page.getByTestId('play').click();
    await expect(page.getByTestId('playback-year')).toBeVisible();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
    await expect(page.getByTestId('playback-year')).toHaveText('2012');
    // Playback shows dated (university-wide) agreements: at the end, all of them.
    await atlas.expectCounts(expectedCounts({ level: 'university' }));
    await atlas.expectUrl(/play=2012/);
    atlas.expectClean();
  });

  test('playback steps by keyboard and respects the filters', async () => {
    const atlas = await heldAt('lang=en&country=FR&play=2005');
    const { page } = atlas;
    await expect(page.getByTestId('playback-year')).toHaveText('2005');
    await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText('2006');
    const index = datasetIndex();
    const upTo2006 = filterLinks(index, { ...DEFAULT_FILTERS, countries: ['FR'], level: 'university' }).filter((l) => l.year! <= 2006);
    await expect(page.getByTestId('count-agreements')).toHaveText(String(new Set(upTo2006.map((l) => l.agreement.id)).size));
    await page.locator('body').press('Home');
    await expect(page.getByTestId('playback-year')).toHaveText('1983');
    await page.locator('body').press('End');
    await expect(page.getByTestId('playback-year')).toHaveText('2012');
  });

  test('presentation mode visits the storyline in order with the keyboard', async () => {
    const atlas = await heldAt('lang=en');
    const { page } = atlas;
    const index = datasetIndex();
    const storyline = deriveMilestones(index, filterLinks(index, DEFAULT_FILTERS, 'yearRange'));
    const caption = (i: number) => storylineCaption('en', index, storyline[i]!);
    await page.getByTestId('present').click();
    const shown = page.getByTestId('presentation-caption');
    await expect(shown).toHaveText(caption(0));
    for (let i = 1; i < storyline.length; i += 1) {
      await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
      await expect(shown).toHaveText(caption(i));
      await expect(page.getByTestId('presentation')).toHaveAttribute('data-kind', storyline[i]!.kind);
    }
    await page.keyboard.press('PageUp');
    await expect(shown).toHaveText(caption(storyline.length - 2));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presentation')).toBeHidden();
    await expect(page.getByTestId('count-agreements')).toHaveText(String(expectedCounts().agreements));
  });

  test('embed mode shows the map without panels', async () => {
    const atlas = await heldAt('lang=en&embed=1&dept=engineering');
    const { page } = atlas;
    // "12 agreements · …", the count and its noun in one message (was "Agreements 12").
    await expect(page.getByTestId('embed-bar')).toContainText(`${expectedCounts({ departments: ['engineering'] }).agreements} agreements`);
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByTestId('map')).toBeVisible();
  });
});

test.describe('exports', () => {
  // The two video exports, one after another on one WebGL map page (issue 25: each had a map start of its own).
  // The first leaves the page as it found it (it checks that); the second chooses the menu's size and frame rate
  // itself. After a failure the next test gets a new worker, and so a new page.
  const mapPage = sharedPage('lang=en&speed=4&country=FR&years=2011-2012', { map: true });

  test('the CSV has as many rows as count-agreements, in both languages', async () => {
    for (const lang of ['en', 'ja']) {
      const atlas = await heldAt(`lang=${lang}&region=europe`);
      const { page } = atlas;
      const expected = (await atlas.counts()).agreements;
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(countCsvRows(text)).toBe(expected);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-${lang}-\\d{8}\\.csv$`));
    }
  });

  test('the WebM (1920×1080 at 30 fps, the default) and the MP4 (1280×720 at 60 fps) of the playback have one frame per 1/fps s, and the page is as before', async () => {
    test.setTimeout(150_000);
    const atlas = mapPage();
    const { page } = atlas;
    // Two years at 4× (0.2 s a year) and the last year held 2 s: 2.4 s, 72 frames at 30 fps and 144 at 60. Both files
    // are 1280×720 here: the 1080p default is checked in the menu, and its file (size, frames, the map drawn for it)
    // in exports.spec.ts, so the suite draws 1080p frames once (issue 25: a 1080p frame costs software GL 2.25× a
    // 720p one).
    await atlas.mapIdle();
    const mapBefore = await page.getByTestId('map').boundingBox();
    const counts = await atlas.counts();
    const seconds = (2 * SECONDS_PER_YEAR_AT_1X) / 4 + HOLD_LAST_YEAR_S;
    expect(seconds).toBeCloseTo(2.4, 9);
    let webm = Buffer.alloc(0);
    const exports = [
      { format: 'webm', size: '720p', fps: 30, width: 1280, height: 720, codec: /^vp09/ },
      // H.264 High; the encoder writes the level the stream needs (3.2 for 720p at 60 fps).
      { format: 'mp4', size: '720p', fps: 60, width: 1280, height: 720, codec: /^avc1\.64[0-9a-f]{4}$/ },
    ] as const;
    for (const { format, size, fps, width, height, codec } of exports) {
      await page.getByTestId('export-menu').click();
      if (format === 'webm') {
        // The defaults: 1920×1080 at 30 fps.
        await expect(page.getByTestId('export-video-size')).toHaveValue('1080p');
        await expect(page.getByTestId('export-video-fps')).toHaveValue('30');
      }
      await page.getByTestId('export-video-size').selectOption(size);
      await page.getByTestId('export-video-fps').selectOption(String(fps));
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`export-video-${format}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-${size}-${fps}fps\\.${format}$`));
      const bytes = readFileSync((await download.path())!);
      if (format === 'webm') webm = bytes;
      const video = await readVideo(bytes);
      expect(video.format).toBe(format === 'mp4' ? 'MP4' : 'WebM');
      expect(video.codec).toMatch(codec);
      expect({ width: video.width, height: video.height }).toEqual({ width, height });
      // Frame count = duration × fps.
      expect(video.frames).toBe(Math.round(seconds * fps));
      expect(video.firstTimestamp).toBe(0);
      expect(video.duration).toBeCloseTo(seconds, 2);
      // The progress panel goes away; the page is as it was: no playback, same counts, map back in its place.
      await expect(page.getByTestId('export-progress')).toBeHidden();
      await expect(page.getByTestId('playback-year')).toBeHidden();
      await atlas.expectCounts(counts);
      expect(await page.getByTestId('map').boundingBox()).toEqual(mapBefore);
    }
    // The WebM also plays in the browser.
    const played = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await video.play();
      // Until the playhead has moved: a real condition, not a fixed wait.
      await new Promise<void>((resolve) => {
        const check = () => (video.currentTime > 0.1 ? resolve() : requestAnimationFrame(check));
        check();
      });
      return { width: video.videoWidth, height: video.videoHeight };
    }, webm.toString('base64'));
    expect(played).toEqual({ width: 1280, height: 720 });
    atlas.expectClean();
  });

  test('without WebCodecs, MP4 is off and the WebM is recorded with MediaRecorder at the chosen size, with a duration players can read', async () => {
    test.setTimeout(120_000);
    const atlas = mapPage();
    const { page } = atlas;
    // WebCodecs taken away on the shared page: the menu asks at each render, the export when it starts.
    await page.evaluate(() => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    await atlas.mapIdle();
    await page.getByTestId('export-menu').click();
    // A choice re-renders the menu (1080p first: the previous test may have left 720p chosen).
    await page.getByTestId('export-video-size').selectOption('1080p');
    await page.getByTestId('export-video-size').selectOption('720p');
    await page.getByTestId('export-video-fps').selectOption('30');
    await expect(page.getByTestId('export-video-mp4')).toBeDisabled();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 100_000 }), page.getByTestId('export-video-webm').click()]);
    expect(download.suggestedFilename()).toMatch(/-720p-30fps\.webm$/);
    const bytes = readFileSync((await download.path())!);
    const video = await readVideo(bytes);
    expect(video.format).toBe('WebM');
    expect({ width: video.width, height: video.height }).toEqual({ width: 1280, height: 720 });
    // Recorded in real time: the 2.4 s of playback at least (it opens on the first frame while the encoder starts).
    expect(video.duration).toBeGreaterThanOrEqual(((2 * SECONDS_PER_YEAR_AT_1X) / 4 + HOLD_LAST_YEAR_S) * 0.9);
    expect(video.frames).toBeGreaterThan(2);
    // A player reads the same length (MediaRecorder's own file states none: the browser said Infinity).
    const duration = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const element = document.createElement('video');
      element.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await new Promise((resolve) => (element.onloadedmetadata = resolve));
      return element.duration;
    }, bytes.toString('base64'));
    expect(duration).toBeCloseTo(video.duration, 1);
    await expect(page.getByTestId('export-progress')).toBeHidden();
    await expect(page.getByRole('alert')).toHaveCount(0);
    atlas.expectClean();
  });

  // Last on the video tests' map page (issue 25: was a WebGL map start of its own, at
  // lang=en&country=KR&selected=seoul-national-university&play=2004): a selection and a playback year made in the page.
  test('a copied link reopens the same counts, selection and year', async () => {
    const atlas = mapPage();
    const { page } = atlas;
    // France in 2011–2012: one institution, with a university-wide agreement of 2012.
    const row = page.getByTestId('result-row').first();
    const id = (await row.getAttribute('data-id'))!;
    const name = datasetIndex().institutionsById.get(id)!.name.en;
    await row.click();
    await expect(page.getByTestId('institution-card')).toContainText(name);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
    await expect(page.getByTestId('playback-year')).toHaveText('2012');
    await expect(page.getByTestId('institution-card')).toContainText(name);
    const counts = await atlas.counts();
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/cam=/);
    expect(link).toMatch(new RegExp(`selected=${id}`));
    const fresh = await page.context().newPage();
    const reopened = new AtlasPage(fresh);
    // What the link reopens (counts, year, card) is not the WebGL map's: the first view shows it.
    await reopened.holdMap();
    await fresh.goto(link);
    await reopened.waitFirstView();
    await reopened.expectCounts(counts);
    await expect(fresh.getByTestId('playback-year')).toHaveText('2012');
    await expect(fresh.getByTestId('institution-card')).toContainText(name);
    reopened.expectClean();
    await fresh.close();
    atlas.expectClean();
  });

  // The PNG, then a cancelled video export, on one WebGL map page in Japanese (issue 25: each had a map start of its
  // own; the PNG leaves the page in its year, which the export then keeps).
  test.describe('in Japanese, on one map page', () => {
    const jaPage = sharedPage('lang=ja&play=2000', { map: true });

    test('the PNG has the expected dimensions at 1× and 2×', async () => {
      // Not on the video tests' page: at that page's size (English, other filters) the map's box is a fractional
      // height, which the formula below rounds one pixel off the picture at 2× (tried: 1294 against 1295).
      const atlas = jaPage();
      const { page } = atlas;
      await atlas.mapIdle();
      const map = (await page.getByTestId('map').boundingBox())!;
      for (const scale of [1, 2]) {
        // The menu closes once a file is downloaded.
        await page.getByTestId('export-menu').click();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-png-${scale}x`).click()]);
        const size = pngSize(readFileSync((await download.path())!));
        // Title band, map, year bars and footer (src/adapters/media/picture.ts).
        expect(size).toEqual({ width: Math.round(map.width * scale), height: Math.round((64 + map.height + 56 + 34) * scale) });
      }
      atlas.expectClean();
    });

    test('a video export can be cancelled, and the page stays in the year it showed', async () => {
      test.setTimeout(120_000);
      const atlas = jaPage();
      const { page } = atlas;
      await page.getByTestId('export-menu').click();
      // At 720p: the first frame is what this test waits for, and 1080p is exports.spec's.
      await page.getByTestId('export-video-size').selectOption('720p');
      await page.getByTestId('export-video-webm').click();
      const progress = page.getByTestId('export-progress');
      // Frames are being encoded (the first one waits for the map at the video's size: slow on software GL).
      await expect(progress).toContainText(/780 フレーム中 [1-9]/, { timeout: 60_000 });
      // The Japanese Cancel stays on one line (issue 26, item 7; was one-truth.spec's own export).
      const cancel = page.getByTestId('export-cancel');
      await expect(cancel).toHaveText('キャンセル');
      const lines = await cancel.evaluate((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      await page.screenshot({ path: test.info().outputPath('export-cancel-ja.png') });
      expect(lines).toBe(1);
      await cancel.click();
      await expect(progress).toBeHidden();
      await expect(page.getByTestId('playback-year')).toHaveText('2000');
      await expect(page.getByRole('alert')).toHaveCount(0);
      atlas.expectClean();
    });
  });
});

test('a presentation step past the end opens the last slide, and ← goes to the one before it', async () => {
  const atlas = await heldAt('lang=en&present=99');
  const { page } = atlas;
  const position = page.getByTestId('presentation-step');
  await expect(position).toHaveText(/^Slide (\d+) of \1$/);
  const total = Number((await position.innerText()).match(/of (\d+)/)![1]);
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`Slide ${total - 1} of ${total}`);
  await atlas.expectUrl(new RegExp(`present=${total - 2}(&|$)`));
});

test('the export and share menus close on Escape, on a press outside, and after a download', async () => {
  const atlas = await heldAt('lang=en');
  const { page } = atlas;
  const menu = page.locator('details.export-menu');
  await page.getByTestId('export-menu').click();
  await expect(menu).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(page.getByTestId('export-menu')).toBeFocused();
  await page.getByTestId('export-menu').click();
  await page.getByTestId('results-list').click({ position: { x: 5, y: 5 } });
  await expect(menu).not.toHaveAttribute('open', '');
  await page.getByTestId('export-menu').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  await expect(menu).not.toHaveAttribute('open', '');

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  await page.getByTestId('copy-link').click();
  await page.getByTestId('results-list').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('share-link')).toHaveCount(0);
});

test.describe('slides say what they count, and agree with the map', () => {
  test('the top-country slide gives the bubble’s agreements and the partner-count slide the overlay’s institutions', async ({ page }) => {
    const atlas = new AtlasPage(page);
    const index = datasetIndex();
    const storyline = deriveMilestones(index, filterLinks(index, DEFAULT_FILTERS, 'yearRange'));
    const slide = (kind: string) => storyline.findIndex((m) => m.kind === kind);
    const numbers = (text: string) => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    const caption = page.getByTestId('presentation-caption');
    // The language switch (under the slide: clicked by script) re-words the slide on the same page and map.
    const switchTo = (lang: 'en' | 'ja') => page.getByTestId(`lang-${lang}`).evaluate((b: HTMLElement) => b.click());
    // ?present counts slides from 0 (the title).
    await atlas.open(`lang=en&present=${slide('top-country')}`);
    await atlas.mapIdle();
    const bubble = await page.evaluate(() => {
      // The source also holds the markers' leader lines (line strings with a code): the markers are its points.
      const features = window.__partnerAtlasMap!.querySourceFeatures('country-markers').filter((f) => f.geometry.type === 'Point');
      return features.map((f) => f.properties as { code: string; count: number; institutions: number });
    });
    const top = bubble.find((b) => b.code === 'CN')!;
    for (const lang of ['en', 'ja'] as const) {
      if (lang === 'ja') await switchTo('ja');
      // "China has the most partners: 64 institutions and 92 agreements": both numbers, each with its unit.
      await expect(caption).toHaveText(lang === 'en' ? /\d+ institutions and \d+ agreements/ : /\d+機関・協定\d+件/);
      expect(numbers(await caption.innerText())).toEqual([top.institutions, top.count]);
    }

    // The partner-count slide reads the overlay, not the map: the first view shows both.
    const held = new AtlasPage(await page.context().newPage());
    await held.openWithoutMap(`lang=en&present=${slide('partner-count')}`);
    const heldCaption = held.page.getByTestId('presentation-caption');
    for (const lang of ['en', 'ja'] as const) {
      if (lang === 'ja') await held.page.getByTestId('lang-ja').evaluate((b: HTMLElement) => b.click());
      await expect(heldCaption).toContainText(lang === 'en' ? '50th partner institution' : '50番目の協定機関');
      const overlay = await held.page.getByTestId('playback-overlay').locator('.playback-total').innerText();
      const total = numbers(overlay)[0];
      // The 50th partner, and the partners by the end of that year: the number the overlay shows.
      expect(numbers(await heldCaption.innerText()).slice(-1)[0]).toBe(total);
    }
    atlas.expectClean();
    held.expectClean();
  });
});

test.describe('presenting on a 1920×1080 projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  const CASES: { lang: 'en' | 'ja'; filters: Partial<Filters>; countrySlide: boolean }[] = [
    { lang: 'en', filters: { departments: ['engineering'], tuitionWaiverOnly: true }, countrySlide: true },
    { lang: 'ja', filters: { departments: ['engineering'], yearRange: [1990, 2012] }, countrySlide: false },
  ];

  // One 1920×1080 map page for both cases (issue 25: two map starts at this size were 43 s): the first takes its
  // filters and slide from the link, the second reaches its own in the page, by the language switch, the waiver box,
  // the brush's keys and the Present button, as a presenter would.
  test('captions of 40 px and more, map numbers of 20 px and more, the strip’s cursor, the subject ringed and named, the filters named (en from the link, then ja set in the page)', async ({
    page,
  }) => {
    // Two cases on one page, each with a 1920×1080 map on software GL: at load 46 (six helpers' browsers) 180 s took
    // it to its last step; kiosk.spec allows its one page as long.
    test.setTimeout(240_000);
    // Flights are instant with reduced motion: the test waits for the map, not for an animation.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const atlas = new AtlasPage(page);
    const index = datasetIndex();
    const storylineOf = (filters: Partial<Filters>) => deriveMilestones(index, filterLinks(index, { ...DEFAULT_FILTERS, ...filters }));
    const firstSlide = (filters: Partial<Filters>) => storylineOf(filters).findIndex((m) => m.kind !== 'title');
    await atlas.open(`lang=en&dept=engineering&waiver=1&present=${firstSlide(CASES[0]!.filters)}`);
    for (const { lang, filters, countrySlide } of CASES) {
      const all = { ...DEFAULT_FILTERS, ...filters };
      const storyline = storylineOf(filters);
      const first = firstSlide(filters);
      if (lang === 'ja') {
        // From the first case's filters (engineering, waiver) to engineering in 1990–2012, in Japanese.
        await page.getByTestId('lang-ja').click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
        await page.getByTestId('waiver').uncheck();
        // One drag over the brush from 1990 to the last year: one filter change (each redraws the 1920×1080 map on
        // software GL; fourteen arrow keys took the test past two minutes at load 30).
        const overlay = (await page.locator('[data-testid="timeline-brush"] .overlay').boundingBox())!;
        const [from, to] = index.yearExtent;
        const band = overlay.width / (to + 1 - from);
        const y = overlay.y + overlay.height / 2;
        await page.mouse.move(overlay.x + (1990 - from + 0.3) * band, y);
        await page.mouse.down();
        await page.mouse.move(overlay.x + overlay.width - 1, y, { steps: 2 });
        await page.mouse.up();
        await expect(page.getByTestId('timeline-range')).toContainText('1990–2012');
        await atlas.expectCounts(expectedCounts(all));
        await page.getByTestId('present').click();
        await expect(page.getByTestId('presentation')).toHaveAttribute('data-step', '0');
        for (let i = 0; i < first; i += 1) await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('presentation')).toHaveAttribute('data-step', String(first));
      }
      const caption = page.getByTestId('presentation-caption');
      await expect(caption).toHaveText(storylineCaption(lang, index, storyline[first]!));
      const fontPx = async (testId: string) => parseFloat(await page.getByTestId(testId).evaluate((el) => getComputedStyle(el).fontSize));
      expect(await fontPx('presentation-caption')).toBeGreaterThanOrEqual(40);
      // The filters the numbers count, by the names the filter chips use.
      const department = index.departmentsById.get('engineering')!;
      await expect(page.getByTestId('presentation-filters')).toContainText(lang === 'en' ? department.en : department.ja);
      if (lang === 'en') await expect(page.getByTestId('presentation-filters')).toContainText('Tuition waiver');
      else await expect(page.getByTestId('presentation-filters')).toContainText('1990–2012');

      // Numbers on the map: country markers and institution clusters alike.
      await atlas.mapIdle();
      const textSize = (layer: string) => page.evaluate((id) => window.__partnerAtlasMap!.getLayoutProperty(id, 'text-size') as number, layer);
      expect(await textSize('country-marker-labels')).toBeGreaterThanOrEqual(20);
      expect(await textSize('institution-cluster-labels')).toBeGreaterThanOrEqual(20);

      // The slide's partner: ringed, and named in the page's language, on the map as drawn.
      const partner = index.institutionsById.get((storyline[first] as { partners: { institutionId: string } }).partners.institutionId)!;
      const drawnSubject = () =>
        page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['subject-label'] }).map((f) => f.properties.label as string));
      await expect.poll(drawnSubject).toEqual([partner.name[lang]]);
      const ring = await page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['subject-ring'] }).length);
      expect(ring).toBe(1);

      // The strip and its cursor, which moves on with the slide's year; the cursor's year is the overlay's.
      const cursor = page.getByTestId('timeline-strip-cursor');
      await expect(page.getByTestId('timeline-strip')).toBeVisible();
      await expect(cursor).toBeVisible();
      await expect(cursor).toHaveAttribute('data-year', String(storyline[first]!.year));
      await expect(page.getByTestId('playback-year')).toHaveText(String(storyline[first]!.year));
      const before = (await cursor.boundingBox())!.x;
      const later = storyline.findIndex((m, i) => i > first && m.year !== null && m.year > storyline[first]!.year!);
      for (let i = first; i < later; i += 1) await page.keyboard.press('ArrowRight');
      await expect(cursor).toHaveAttribute('data-year', String(storyline[later]!.year));
      expect((await cursor.boundingBox())!.x).toBeGreaterThan(before);

      // The totals: the numbers the counts give for these filters.
      await page.keyboard.press('End');
      await expect(page.getByTestId('presentation')).toHaveAttribute('data-kind', 'end');
      const counts = expectedCounts(all);
      const numbers = (text: string) => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
      expect(numbers(await caption.innerText()).sort((a, b) => a - b)).toEqual(
        [counts.agreements, counts.institutions, counts.countries].sort((a, b) => a - b),
      );
      expect(await fontPx('presentation-caption')).toBeGreaterThanOrEqual(40);

      // The country slide (just before the latest agreement and the totals): its marker ringed and named, and the
      // caption's numbers are the marker's. Once, with filters (a slide change at this size costs ~2 s of software
      // GL; 'slides say what they count' checks the unfiltered slide in both languages).
      if (countrySlide) {
        const top = storyline.findIndex((m) => m.kind === 'top-country');
        for (let i = storyline.length - 1; i > top; i -= 1) await page.keyboard.press('ArrowLeft');
        await expect(caption).toHaveText(storylineCaption(lang, index, storyline[top]!));
        await atlas.mapIdle();
        const code = storyline[top]!.countryCode!;
        await expect.poll(drawnSubject).toEqual([index.countriesByCode.get(code)!.name[lang]]);
        const marker = await page.evaluate(
          (c) =>
            window
              .__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-marker-labels'] })
              .map((f) => f.properties as { code: string; count: number; institutions: number })
              .find((p) => p.code === c),
          code,
        );
        expect(numbers(await caption.innerText())).toEqual([marker!.institutions, marker!.count]);
        // The country's own name is not written twice (the ring's label names it).
        const names = await page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-names'] }).map((f) => f.properties.code));
        expect(names).not.toContain(code);
      }
      // Leaving: the map's numbers at their ordinary size again, and no subject.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('presentation')).toBeHidden();
      await expect.poll(() => textSize('country-marker-labels')).toBe(11);
      await expect.poll(() => page.evaluate(() => window.__partnerAtlasMap!.querySourceFeatures('subject').length)).toBe(0);
    }
    atlas.expectClean();
  });
});

test('kiosk with a presentation: ?present=1&autoplay=1&embed=1 advances the slides, a key pauses them, resumeNow plays them again', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // A slide stays 8 s at 1×; the fake clock runs only when the test says (on a busy machine the slides may already
  // have moved on while the page loaded: the test starts from wherever they are).
  const atlas = await openWithClock(page, 'lang=en&present=1&autoplay=1&embed=1', { map: false });
  const index = datasetIndex();
  const storyline = deriveMilestones(index, filterLinks(index, DEFAULT_FILTERS));
  const dwell = SECONDS_PER_SLIDE_AT_1X * 1000;
  const presentation = page.getByTestId('presentation');
  const caption = page.getByTestId('presentation-caption');
  const auto = page.getByTestId('presentation-auto');
  await expect(auto).toHaveText('Slides advance by themselves');
  await expect(page.getByTestId('embed-bar')).toBeVisible();
  const start = Number(await presentation.getAttribute('data-step'));
  expect(start).toBeLessThan(storyline.length - 3);
  await page.clock.runFor(dwell);
  await expect(presentation).toHaveAttribute('data-step', String(start + 1));
  await expect(caption).toHaveText(storylineCaption('en', index, storyline[start + 1]!));
  await expect(page.getByTestId('presentation-step')).toHaveText(`Slide ${start + 2} of ${storyline.length}`);
  // A visitor presses a key: the slides stay where they are.
  await page.keyboard.press('Shift');
  await expect(auto).toBeHidden();
  await page.clock.runFor(3 * dwell);
  await expect(presentation).toHaveAttribute('data-step', String(start + 1));
  // The minute's idle wait, skipped through the kiosk's automation hook.
  await page.evaluate(() => window.__partnerAtlasKiosk!.resumeNow());
  await expect(auto).toBeVisible();
  await page.clock.runFor(dwell);
  await expect(caption).toHaveText(storylineCaption('en', index, storyline[start + 2]!));
  atlas.expectClean();
});
