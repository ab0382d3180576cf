// Issue 29, decision 4: one truth per frame while typing. A keystroke answers in the list first; the counts, the
// map and the timeline follow together, one render later (SettledView in AtlasPage.tsx). No painted frame may show
// counts of one search beside a map or a timeline of another. A frame watcher (requestAnimationFrame runs before
// each paint) reads what is on screen at every frame while a search is typed key by key on the real page, and each
// reading is matched with the searches whose numbers it shows. The WebGL map is held back: its picture (MapPicture)
// stands in its place, drawn from the same model the WebGL map gets.
import { expect, test } from '@playwright/test';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { viewAtYear } from '../../src/domain/view';
import { datasetIndex, reusedPage } from './atlas-page';

/** What the counts, the timeline and the map picture show in one frame. */
interface Frame {
  counts: string;
  bars: string;
  markers: [string, number][];
}

// Installed once the page shows its first view: at every frame until stopped, the numbers on screen.
const WATCH_FRAMES = () => {
  const w = window as unknown as { __frames: Frame[]; __watching: boolean };
  w.__frames = [];
  w.__watching = true;
  const digits = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/[^\d]/g, '') ?? '';
  const record = () => {
    const bars = [...document.querySelectorAll('[data-testid="year-bar"]')].map((b) => b.getAttribute('data-count')).join(',');
    const undated = document.querySelector('[data-testid="undated-bucket"]')?.getAttribute('data-count');
    w.__frames.push({
      counts: ['count-agreements', 'count-institutions', 'count-countries'].map(digits).join('/'),
      bars: `${bars}|${undated}`,
      markers: [...document.querySelectorAll('[data-testid^="picture-marker-"]')].map((m) => [
        m.getAttribute('data-testid')!.slice('picture-marker-'.length),
        Number(m.textContent),
      ]),
    });
  };
  const frame = () => {
    record();
    if (w.__watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** What each search shows at rest, worked out from the dataset as the page does it. */
function expected(query: string) {
  const { view } = viewAtYear(datasetIndex(), { ...DEFAULT_FILTERS, query }, null, DEFAULT_SETTINGS);
  const { agreements, institutions, countries } = view.summary;
  return {
    query,
    counts: [agreements, institutions, countries].join('/'),
    bars: `${view.years.bins.map((b) => b.total).join(',')}|${view.years.undated}`,
    markers: new Map([...view.countryCounts].map(([code, c]) => [code, c.agreements])),
  };
}
type Expected = ReturnType<typeof expected>;

/** The searches each part of a frame shows (several may show the same numbers), and whether one search fits all. */
function match(frame: Frame, all: Expected[]) {
  const counts = all.filter((e) => e.counts === frame.counts).map((e) => e.query);
  const bars = all.filter((e) => e.bars === frame.bars).map((e) => e.query);
  const markers = all.filter((e) => frame.markers.every(([code, n]) => e.markers.get(code) === n)).map((e) => e.query);
  const agreed = counts.filter((q) => bars.includes(q) && markers.includes(q));
  return { counts, bars, markers, agreed };
}

const atlas = reusedPage();
test.slow();

test('while a search is typed, every painted frame shows the counts, the map and the timeline of one search', async () => {
  const page = atlas().page;
  await atlas().openWithoutMap('lang=en');
  await expect(page.locator('[data-testid^="picture-marker-"]').first()).toBeVisible();
  const typed = ['tech', 'stat'];
  const queries = new Set(['']);
  for (const word of typed) for (let n = 1; n <= word.length; n += 1) queries.add(word.slice(0, n));
  const all = [...queries].map(expected);
  // Each search's numbers differ from the one before it, or a lagging frame could not be told from a right one.
  for (let n = 1; n < all.length; n += 1) expect(all[n]!.counts, all[n]!.query).not.toBe(all[n - 1]!.counts);

  await page.evaluate(WATCH_FRAMES);
  const search = page.getByTestId('search');
  await search.focus();
  for (const word of typed) {
    // Key by key (a keydown each, as a person types), then deleted key by key.
    await page.keyboard.type(word);
    await expect(search).toHaveValue(word);
    for (let n = 0; n < word.length; n += 1) await page.keyboard.press('Backspace');
    await expect(search).toHaveValue('');
  }
  await page.keyboard.type(typed[0]!);
  // At rest, the last search's numbers everywhere.
  const last = all.find((e) => e.query === typed[0])!;
  await expect(page.getByTestId('count-agreements')).toHaveText(last.counts.split('/')[0]!.replace(/\B(?=(\d{3})+$)/g, ','));
  await expect
    .poll(async () => {
      const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
      return match(frames.at(-1)!, all).agreed;
    })
    .toEqual([typed[0]]);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __watching: boolean };
    w.__watching = false;
    return w.__frames;
  });

  const matched = frames.map((f) => match(f, all));
  // Every part shows some search's numbers in every frame (never a mixture within the part)...
  expect(matched.filter((m) => m.counts.length === 0 || m.bars.length === 0 || m.markers.length === 0)).toEqual([]);
  // ...and the frames went through the searches typed (the watcher saw the typing, not only its end)...
  const seen = new Set(matched.flatMap((m) => m.counts));
  expect(seen.size, `searches seen in ${frames.length} frames: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(3);
  // ...and no frame shows the counts of one search beside the map or the timeline of another.
  const disagreeing = matched.flatMap((m, n) => (m.agreed.length === 0 ? [{ frame: n, counts: m.counts, bars: m.bars, map: m.markers }] : []));
  expect(disagreeing, `${disagreeing.length} of ${frames.length} frames disagree`).toEqual([]);
  atlas().expectClean();
});
