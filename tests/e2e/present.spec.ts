import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countCsvRows } from '../../src/domain/export-csv';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { deriveMilestones } from '../../src/domain/storyline';
import { storylineCaption } from '../../src/i18n/storyline';
import { AtlasPage, datasetIndex, expectedCounts } from './atlas-page';
import { readVideo } from './video-file';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';
import { HOLD_LAST_YEAR_S } from '../../src/domain/video-timing';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('presenting and sharing', () => {
  test('playback from the first to the last year finishes with the full count', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&speed=4');
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

  test('playback steps by keyboard and respects the filters', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&country=FR&play=2005');
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

  test('presentation mode visits the storyline in order with the keyboard', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
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

  test('a copied link reopens the same counts, selection and year', async ({ page, context }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&country=KR&selected=seoul-national-university&play=2004');
    await expect(page.getByTestId('institution-card')).toContainText('Seoul National University');
    const counts = await atlas.counts();
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/cam=/);
    const fresh = await context.newPage();
    const reopened = new AtlasPage(fresh);
    await fresh.goto(link);
    await reopened.waitReady();
    await reopened.expectCounts(counts);
    await expect(fresh.getByTestId('playback-year')).toHaveText('2004');
    await expect(fresh.getByTestId('institution-card')).toContainText('Seoul National University');
    reopened.expectClean();
  });

  test('embed mode shows the map without panels', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&embed=1&dept=engineering');
    // "12 agreements · …", the count and its noun in one message (was "Agreements 12").
    await expect(page.getByTestId('embed-bar')).toContainText(`${expectedCounts({ departments: ['engineering'] }).agreements} agreements`);
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByTestId('map')).toBeVisible();
  });
});

test.describe('exports', () => {
  test('the CSV has as many rows as count-agreements, in both languages', async ({ page }) => {
    const atlas = new AtlasPage(page);
    for (const lang of ['en', 'ja']) {
      await atlas.open(`lang=${lang}&region=europe`);
      const expected = (await atlas.counts()).agreements;
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(countCsvRows(text)).toBe(expected);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-${lang}-\\d{8}\\.csv$`));
    }
  });

  test('the PNG has the expected dimensions at 1× and 2×', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=ja&play=2000');
    await atlas.mapIdle();
    const map = (await page.getByTestId('map').boundingBox())!;
    const timelineHeight = await page.getByTestId('timeline-chart').evaluate((svg) => (svg as SVGSVGElement).height.baseVal.value);
    for (const scale of [1, 2]) {
      // The menu closes once a file is downloaded.
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-png-${scale}x`).click()]);
      const size = pngSize(readFileSync((await download.path())!));
      expect(size).toEqual({ width: Math.round(map.width * scale), height: Math.round((64 + map.height + timelineHeight + 34) * scale) });
    }
    atlas.expectClean();
  });

  test('the MP4 and the WebM of the playback are 1920×1080, one frame per 1/30 s of playback, and the page is as before', async ({ page }) => {
    test.setTimeout(150_000);
    const atlas = new AtlasPage(page);
    // Five years at 4× (0.2 s a year) and the last year held 1 s: 2 s, 60 frames at 30 fps.
    await atlas.open('lang=en&speed=4&country=FR&years=2008-2012');
    await atlas.mapIdle();
    const mapBefore = await page.getByTestId('map').boundingBox();
    const counts = await atlas.counts();
    const expectedFrames = Math.round(((5 * SECONDS_PER_YEAR_AT_1X) / 4 + HOLD_LAST_YEAR_S) * 30);
    expect(expectedFrames).toBe(60);
    let webm = Buffer.alloc(0);
    for (const format of ['mp4', 'webm'] as const) {
      await page.getByTestId('export-menu').click();
      await expect(page.getByTestId('export-video-size')).toHaveValue('1080p');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`export-video-${format}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-1080p-30fps\\.${format}$`));
      const bytes = readFileSync((await download.path())!);
      if (format === 'webm') webm = bytes;
      const video = await readVideo(bytes);
      expect(video.format).toBe(format === 'mp4' ? 'MP4' : 'WebM');
      expect(video.codec).toMatch(format === 'mp4' ? /^avc1\.64[0-9a-f]{2}28$/ : /^vp09/);
      expect({ width: video.width, height: video.height }).toEqual({ width: 1920, height: 1080 });
      expect(video.frames).toBe(expectedFrames);
      expect(video.firstTimestamp).toBe(0);
      expect(video.duration).toBeCloseTo(expectedFrames / 30, 2);
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
    expect(played).toEqual({ width: 1920, height: 1080 });
    atlas.expectClean();
  });

  test('a video export can be cancelled, and the page stays in the year it showed', async ({ page }) => {
    test.setTimeout(120_000);
    const atlas = new AtlasPage(page);
    await atlas.open('lang=ja&play=1995');
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-video-webm').click();
    const progress = page.getByTestId('export-progress');
    // Frames are being encoded (the first one waits for the map at the video's size: slow on software GL).
    await expect(progress).toContainText(/750 フレーム中 [1-9]/, { timeout: 60_000 });
    await page.getByTestId('export-cancel').click();
    await expect(progress).toBeHidden();
    await expect(page.getByTestId('playback-year')).toHaveText('1995');
    await expect(page.getByRole('alert')).toHaveCount(0);
    atlas.expectClean();
  });
});

test('a presentation step past the end opens the last slide, and ← goes to the one before it', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('lang=en&present=99');
  const position = page.getByTestId('presentation-step');
  await expect(position).toHaveText(/^Slide (\d+) of \1$/);
  const total = Number((await position.innerText()).match(/of (\d+)/)![1]);
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`Slide ${total - 1} of ${total}`);
  await atlas.expectUrl(new RegExp(`present=${total - 2}(&|$)`));
});

test('the export and share menus close on Escape, on a press outside, and after a download', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('lang=en');
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
    for (const lang of ['en', 'ja']) {
      // ?present counts slides from 0 (the title).
      await atlas.open(`lang=${lang}&present=${slide('top-country')}`);
      const caption = await page.getByTestId('presentation-caption').innerText();
      await atlas.mapIdle();
      const bubble = await page.evaluate(() => {
        const features = window.__partnerAtlasMap!.querySourceFeatures('country-markers');
        return features.map((f) => f.properties as { code: string; count: number; institutions: number });
      });
      const top = bubble.find((b) => b.code === 'CN')!;
      // "China has the most partners: 64 institutions and 92 agreements": both numbers, each with its unit.
      expect(numbers(caption)).toEqual([top.institutions, top.count]);
      expect(caption).toMatch(lang === 'en' ? /\d+ institutions and \d+ agreements/ : /\d+機関・協定\d+件/);

      await atlas.open(`lang=${lang}&present=${slide('partner-count')}`);
      const partnerCaption = await page.getByTestId('presentation-caption').innerText();
      const overlay = await page.getByTestId('playback-overlay').locator('.playback-total').innerText();
      const total = numbers(overlay)[0];
      // The 50th partner, and the partners by the end of that year: the number the overlay shows.
      expect(numbers(partnerCaption).slice(-1)[0]).toBe(total);
      expect(partnerCaption).toContain(lang === 'en' ? '50th partner institution' : '50番目の協定機関');
    }
    atlas.expectClean();
  });
});
