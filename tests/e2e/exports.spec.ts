// Issue 26, items 1, 4 and 7 for the exported pictures: the PNG says what it shows (title, filters, counts with units,
// the year range marked on its bars, the legend of the regions drawn, the source and its as-of date, names on the
// map), read back from the page's own drawing calls on the export canvas; and the video: its map is drawn off the page
// (not over the header), its marker numbers scale with the frame, and its last year is held 2 s, as the menu says.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { HOLD_LAST_YEAR_S } from '../../src/domain/video-timing';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';
import { REGION_COLOURS } from '../../src/style/palette';
import { AtlasPage, datasetIndex, expectedCounts } from './atlas-page';
import { readVideo } from './video-file';

// On a machine shared by many browsers the page can be ready later than the driver's 30 s: these tests wait longer.
test.slow();
async function open(page: Page, query: string) {
  const atlas = new AtlasPage(page);
  await page.goto(`/?${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await atlas.mapIdle();
  return atlas;
}

const QUERY = 'country=FR&years=2005-2012';
const RANGE = [2005, 2012] as const;

/** Records, per 2D canvas, the text it fills and the colours of the rectangles it fills; toBlob keeps the canvas it encodes. */
function recordDrawing() {
  type Call = { text?: string; font?: string; rect?: string };
  const calls = new WeakMap<HTMLCanvasElement, Call[]>();
  const of = (ctx: CanvasRenderingContext2D) => {
    let list = calls.get(ctx.canvas);
    if (!list) calls.set(ctx.canvas, (list = []));
    return list;
  };
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, fillRect } = proto;
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    of(this).push({ text: String(text), font: this.font });
    return fillText.call(this, text, x, y, maxWidth);
  };
  proto.fillRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    of(this).push({ rect: String(this.fillStyle) });
    return fillRect.call(this, x, y, w, h);
  };
  const toBlob = HTMLCanvasElement.prototype.toBlob;
  HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, ...args: Parameters<HTMLCanvasElement['toBlob']>) {
    (window as unknown as { __exported: Call[] }).__exported = calls.get(this) ?? [];
    return toBlob.apply(this, args);
  };
}

type Call = { text?: string; font?: string; rect?: string };

/** Years of the range with French agreements, and years outside it with some. */
function frenchYears() {
  const years = new Set(filterLinks(datasetIndex(), { ...DEFAULT_FILTERS, countries: ['FR'] }).flatMap((l) => (l.year === null ? [] : [l.year])));
  const inside = [...years].filter((y) => y >= RANGE[0] && y <= RANGE[1]);
  return { inside: inside.length, outside: years.size - inside.length };
}

/** The French city with the most agreements in the range, in the page's language. */
function topCity(lang: 'ja' | 'en') {
  const links = filterLinks(datasetIndex(), { ...DEFAULT_FILTERS, countries: ['FR'], yearRange: [...RANGE] });
  const perCity = new Map<string, number>();
  for (const l of links) {
    const name = (lang === 'ja' ? l.institution.city.ja : undefined) ?? l.institution.city.en;
    perCity.set(name, (perCity.get(name) ?? 0) + 1);
  }
  return [...perCity].sort((a, b) => b[1] - a[1])[0]![0];
}

async function exportPng(page: Page, lang: 'ja' | 'en') {
  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-1x').click()]);
  const png = readFileSync((await download.path())!);
  // For a person to look at, beside the test's other output (test-results/).
  writeFileSync(test.info().outputPath(`png-${lang}.png`), png);
  return (await page.evaluate(() => (window as unknown as { __exported: Call[] }).__exported)) as Call[];
}

// One map page for both languages: English from the link, then Japanese after the page's language switch (issue 25:
// a second page cost a second WebGL map start; what the PNG draws comes from the store, the page's language included).
test('the PNG says what it shows: title, filters, counts, the range on its bars, the regions drawn, source and date (en, then ja)', async ({ page }) => {
  await page.addInitScript(recordDrawing);
  const atlas = await open(page, `lang=en&${QUERY}`);
  const counts = expectedCounts({ countries: ['FR'], yearRange: [...RANGE] });
  for (const lang of ['en', 'ja'] as const) {
    if (lang === 'ja') {
      await page.getByTestId('lang-ja').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await atlas.mapIdle();
    }
    await atlas.expectCounts(counts);
    const title = await page.locator('header h1').first().innerText();
    const calls = await exportPng(page, lang);
    const texts = calls.flatMap((c) => (c.text === undefined ? [] : [c.text]));
    const all = texts.join('\n');
    expect(texts).toContain(title.trim());
    // The filter line: the country and the years.
    const france = lang === 'en' ? 'France' : 'フランス';
    expect(texts.find((x) => x.includes(france) && x.includes('2005') && x.includes('2012'))).toBeTruthy();
    // The counts with their units, as the page counts them.
    const number = (n: number) => new Intl.NumberFormat(lang).format(n);
    const countsLine =
      lang === 'en'
        ? `${number(counts.agreements)} agreements · ${number(counts.institutions)} partner institution${counts.institutions === 1 ? '' : 's'} · 1 country`
        : `協定 ${number(counts.agreements)} 件 · ${number(counts.institutions)} 機関 · 1 か国・地域`;
    expect(texts).toContain(countsLine);
    // The range's first and last years in bold under the bars.
    for (const year of RANGE) expect(calls.some((c) => c.text === String(year) && /^(700|bold) /.test(c.font ?? ''))).toBe(true);
    // Bars: the range's French years in Europe's colour (and its legend swatch), the years outside in grey; no other region.
    const { inside, outside } = frenchYears();
    expect(outside).toBeGreaterThan(0);
    const rects = calls.flatMap((c) => (c.rect === undefined ? [] : [c.rect.toLowerCase()]));
    expect(rects.filter((r) => r === REGION_COLOURS.europe.toLowerCase()).length).toBe(inside + 1);
    expect(rects.filter((r) => r === '#e2e8f0').length).toBeGreaterThanOrEqual(outside);
    for (const [region, colour] of Object.entries(REGION_COLOURS)) if (region !== 'europe') expect(rects).not.toContain(colour.toLowerCase());
    // The legend names only Europe.
    const regions = datasetIndex().dataset.regions;
    expect(texts).toContain(regions.find((r) => r.id === 'europe')!.name[lang]);
    for (const r of regions) if (r.id !== 'europe') expect(texts).not.toContain(r.name[lang]);
    // The source and its as-of date.
    expect(all).toContain(lang === 'en' ? 'Source: ' : '出典: ');
    expect(all).toMatch(lang === 'en' ? /as of \w+ \d{4}/ : /\d{4}年\d{1,2}月現在/);
    // Names on the map: framed on France, the map shows institutions and names no city at that zoom; the picture
    // names the cities, the one with the most agreements included.
    expect(texts).toContain(topCity(lang));
  }

  // At a year the story marks (issue 28 item 6), paused (the page in Japanese now): the PNG says the year and the story
  // line the overlay says.
  const mark = page.getByTestId('story-mark').first();
  const year = await mark.getAttribute('data-year');
  await mark.click();
  await expect(page.getByTestId('playback-year')).toHaveText(year!);
  const story = (await page.getByTestId('playback-story').innerText()).trim();
  expect(story.length).toBeGreaterThan(0);
  const still = (await exportPng(page, 'ja')).flatMap((c) => (c.text === undefined ? [] : [c.text]));
  expect(still).toContain(story);
  expect(still).toContain(year!);
  atlas.expectClean();
});

test('during a video export the map is drawn off the page, its numbers scale with the 1080p frame, and the last year is held 2 s as the menu says', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const atlas = await open(page, 'lang=ja&speed=4&country=FR&years=2008-2012');
  const ordinaryPx = await page.evaluate(() => window.__partnerAtlasMap!.getLayoutProperty('country-marker-labels', 'text-size') as number);
  await page.getByTestId('export-menu').click();
  await expect(page.getByTestId('export-video-hold')).toHaveText(`動画の最後の年は ${HOLD_LAST_YEAR_S} 秒間表示します。`);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 150_000 }),
    (async () => {
      await page.getByTestId('export-video-mp4').click();
      // While the frames are made: the header is the page's, not the map's, and the numbers are drawn for 1080p.
      await expect(page.getByTestId('export-progress')).toBeVisible();
      await page.waitForFunction(() => window.__partnerAtlasMap!.getPixelRatio() === 1.5);
      const during = await page.evaluate(() => {
        const header = document.querySelector('header')!.getBoundingClientRect();
        const map = window.__partnerAtlasMap!;
        const box = map.getContainer().getBoundingClientRect();
        const overlaps = box.right > header.left && box.left < header.right && box.bottom > header.top && box.top < header.bottom;
        const hit = document.elementFromPoint(header.left + header.width / 2, header.top + header.height / 2);
        return {
          overlaps,
          headerHit: !!hit && !map.getContainer().contains(hit),
          numberDevicePx: (map.getLayoutProperty('country-marker-labels', 'text-size') as number) * map.getPixelRatio(),
        };
      });
      expect(during.overlaps).toBe(false);
      expect(during.headerHit).toBe(true);
      // 22 px at 1080p, as presentation draws them on a 1920×1080 screen (the page's are 11 px).
      expect(during.numberDevicePx).toBeGreaterThanOrEqual(20);
    })(),
  ]);
  expect(ordinaryPx).toBe(11);
  // The menu's defaults, 1920×1080 at 30 fps: the suite's one 1080p file (present.spec.ts makes its files at 720p).
  expect(download.suggestedFilename()).toMatch(/-1080p-30fps\.mp4$/);
  const video = await readVideo(readFileSync((await download.path())!));
  expect(video.format).toBe('MP4');
  expect(video.codec).toMatch(/^avc1\.64[0-9a-f]{4}$/);
  expect({ width: video.width, height: video.height }).toEqual({ width: 1920, height: 1080 });
  // Five years at 4× (0.2 s each), then the last year held; one frame per 1/30 s.
  const seconds = (5 * SECONDS_PER_YEAR_AT_1X) / 4 + HOLD_LAST_YEAR_S;
  expect(video.duration).toBeCloseTo(seconds, 2);
  expect(video.frames).toBe(Math.round(seconds * 30));
  expect(video.firstTimestamp).toBe(0);
  expect(HOLD_LAST_YEAR_S).toBeGreaterThanOrEqual(2);
  // Afterwards the page's map is back at its ordinary size.
  await expect.poll(() => page.evaluate(() => window.__partnerAtlasMap!.getLayoutProperty('country-marker-labels', 'text-size'))).toBe(11);
  atlas.expectClean();
});
