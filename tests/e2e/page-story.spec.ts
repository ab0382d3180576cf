// The story in the page (issue 28 item 6): on a three-homes atlas the timeline has a mark at each year the storyline
// places a milestone in, its captions on hover and on keyboard focus, and the playback overlay says the year's story
// line, while playing and when a mark shows its year; for the whole network, a comparison (compare=) and one home
// (home=), in ja and en. The years and words are computed here from the same storyline the presentation and the video
// tell (deriveMilestones + storyByYear), so the page's numbers are theirs.
import { expect, test } from '@playwright/test';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { deriveMilestones } from '../../src/domain/storyline';
import { storyByYear } from '../../src/i18n/storyline';
import { KYOTO, OSAKA, threeHomesDataset } from '../fixtures/three-homes';
import { reusedPage } from './atlas-page';

const dataset = threeHomesDataset();
const body = JSON.stringify(dataset);
const index = buildIndex(dataset);
const storyOf = (lang: 'ja' | 'en', filters: Partial<Filters>) =>
  storyByYear(lang, index, deriveMilestones(index, filterLinks(index, { ...DEFAULT_FILTERS, ...filters })));

const VIEWS: { name: string; lang: 'ja' | 'en'; query: string; filters: Partial<Filters> }[] = [
  { name: 'a comparison', lang: 'en', query: `lang=en&compare=${KYOTO},${OSAKA}`, filters: { compare: [KYOTO, OSAKA] } },
  { name: 'the whole network', lang: 'ja', query: 'lang=ja', filters: {} },
  { name: 'one home', lang: 'ja', query: `lang=ja&home=${KYOTO}`, filters: { homes: [KYOTO] } },
];

test.describe('the story in the page', () => {
  test.describe.configure({ timeout: 180_000 });
  // One page for the file, each test at its own URL, the three-homes dataset served through the DevTools protocol
  // (atlas-page.ts: the HTTP cache stays on; page.route turned it off).
  const shared = reusedPage();
  async function open(query: string) {
    const atlas = shared();
    await atlas.serveDataset(body);
    await atlas.openWithoutMap(query);
    return atlas;
  }

  for (const view of VIEWS)
    test(`timeline marks and the overlay's story line: ${view.name} (${view.lang})`, async () => {
      const atlas = await open(view.query);
      const { page } = atlas;
      const story = storyOf(view.lang, view.filters);
      const years = [...story.keys()].sort((a, b) => a - b);
      const marks = page.getByTestId('story-mark');
      await expect(marks).toHaveCount(years.length, { timeout: 60_000 });
      expect(await marks.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.year)))).toEqual(years);

      // Hover: the year's captions, every one of them.
      const second = years[1]!;
      await marks.nth(1).hover();
      const caption = page.getByTestId('story-mark-caption');
      await expect(caption).toHaveAttribute('data-year', String(second));
      for (const words of story.get(second)!) await expect(caption).toContainText(words);

      // Keyboard: focus the marks, move along with the arrow key, choose with Enter: the year, paused, with its line.
      await marks.nth(0).focus();
      await expect(caption).toHaveAttribute('data-year', String(years[0]));
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const third = years[2]!;
      await expect(caption).toHaveAttribute('data-year', String(third));
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('playback-year')).toHaveText(String(third));
      await expect(page.getByTestId('playback-story')).toHaveText(story.get(third)![0]!);
      await expect(marks.nth(2)).toHaveAttribute('aria-current', 'true');
      if (view.name === 'a comparison') await page.screenshot({ path: test.info().outputPath('story-compare-en.png') });

      // The next year, stepped to with the page's playback key: without a milestone it has no line.
      if (!story.has(third + 1)) {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('playback-year')).toHaveText(String(third + 1));
        await expect(page.getByTestId('playback-story')).toHaveCount(0);
      }
      atlas.expectClean();
    });

  test('while playing, the overlay says each milestone year its story line (en, the whole network)', async () => {
    const atlas = await open('lang=en');
    const { page } = atlas;
    const story = storyOf('en', {});
    await expect(page.getByTestId('story-mark').first()).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('play').click();
    // Each year shown with a line shows the year's line and no other (sampled as it plays).
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const [year, line] = await page.evaluate(() => [
            document.querySelector('[data-testid=playback-year]')?.textContent ?? '',
            document.querySelector('[data-testid=playback-story]')?.textContent ?? null,
          ]);
          const y = Number(year);
          if (line !== null) {
            expect(line).toBe(story.get(y)?.[0]);
            seen.add(y);
          } else expect(story.has(y) && y !== 0).toBe(false);
          return seen.size;
        },
        { timeout: 90_000, intervals: [50] },
      )
      .toBeGreaterThanOrEqual(2);
    atlas.expectClean();
  });
});
