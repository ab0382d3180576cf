// @vitest-environment jsdom
// The story in the page (issue 28 item 6): the timeline's marks sit at the storyline's years and say their captions,
// the playback overlay says the year's story line, and the page, the video and the PNG tell each year in the same
// words (one source: deriveMilestones, placed on years by milestonesByYear); for the whole network, a comparison and
// one home, in ja and en. The marks are one Tab stop, moved along by the arrow keys, and choosing one shows its year.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../src/ui/after-paint';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { milestonesByYear } from '../../src/domain/story-years';
import { deriveMilestones } from '../../src/domain/storyline';
import { datasetTexts } from '../../src/i18n/dataset-texts';
import { storyByYear, storylineCaption } from '../../src/i18n/storyline';
import { PlaybackOverlay } from '../../src/ui/page-notices';
import { stillPicture, videoFrames } from '../../src/ui/panels/video-frames';
import { MARK_WIDTH, markGroups, StoryMarks } from '../../src/ui/timeline/StoryMarks';
import { StoryOf, useStory, useStorySource, type YearStory } from '../../src/ui/use-story';
import { KYOTO, OSAKA, threeHomesDataset } from '../fixtures/three-homes';
import { byTestId, createTestRuntime, render } from './render';

const index = buildIndex(threeHomesDataset());
const regionNames = Object.fromEntries(index.dataset.regions.map((r) => [r.id, r.name.en])) as never;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const VIEWS: [string, Partial<Filters>][] = [
  ['the whole network', {}],
  ['a comparison', { compare: [KYOTO, OSAKA] }],
  ['one home', { homes: [KYOTO] }],
];

/** The story's source and its reading in one component, the answer kept for the test. */
function Probe({ filters, lang, out }: { filters: Filters; lang: 'ja' | 'en'; out: { story: YearStory | null } }) {
  out.story = useStory(useStorySource(index, filters), lang);
  return null;
}

/** The page as it holds the story (src/ui/AtlasPage.tsx): the source in the page, the story read where it is shown. */
function PageWithStory({ filters, renders, out }: { filters: Filters; renders: { page: number }; out: { story: YearStory | null } }) {
  renders.page++;
  const source = useStorySource(index, filters);
  return (
    <StoryOf source={source} lang="en">
      {(story) => {
        out.story = story;
        return null;
      }}
    </StoryOf>
  );
}

describe('the story by year', () => {
  it('renders only where it is shown when it arrives, not the page (issue 29: the page rendered again before ready)', async () => {
    const out = { story: null as YearStory | null };
    const renders = { page: 0 };
    const { runtime } = createTestRuntime(index.yearExtent);
    const page = await render(<PageWithStory filters={DEFAULT_FILTERS} renders={renders} out={out} />, runtime);
    cleanups.push(page.unmount);
    const before = renders.page;
    await act(async () => {
      await new Promise<void>((resolve) => afterNextPaint(resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(out.story).not.toBeNull();
    expect(renders.page).toBe(before);
  });

  it('is derived after the frame that answers the change, not before it (an idle period can run on past a keydown)', async () => {
    // Frames are run by hand: until the next one, the story must not be derived, however long the page waits.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    try {
      const out = { story: null as YearStory | null };
      const { runtime } = createTestRuntime(index.yearExtent);
      const page = await render(<Probe filters={DEFAULT_FILTERS} lang="en" out={out} />, runtime);
      cleanups.push(page.unmount);
      await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
      expect(out.story).toBeNull();
      expect(frames.length).toBeGreaterThan(0);
      await act(async () => {
        for (const frame of frames.splice(0)) frame(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(out.story).not.toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('milestonesByYear keeps every placed milestone, in story order, and leaves out the slides with no year', () => {
    const story = deriveMilestones(index, filterLinks(index, DEFAULT_FILTERS));
    const byYear = milestonesByYear(story);
    expect([...byYear.values()].flat()).toEqual(story.filter((m) => m.year !== null));
    for (const [year, ms] of byYear) for (const m of ms) expect(m.year).toBe(year);
  });

  for (const lang of ['en', 'ja'] as const)
    for (const [name, partial] of VIEWS)
      it(`the page, the video and the PNG say the same story line each year (${name}, ${lang})`, async () => {
        const filters = { ...DEFAULT_FILTERS, ...partial };
        const milestones = deriveMilestones(index, filterLinks(index, filters));
        const out = { story: null as YearStory | null };
        const { runtime } = createTestRuntime(index.yearExtent, { lang });
        const page = await render(<Probe filters={filters} lang={lang} out={out} />, runtime);
        cleanups.push(page.unmount);
        // Derived after the next frame and when idle (a timer in jsdom), after the render that changed the filters.
        await act(async () => new Promise((resolve) => afterNextPaint(() => setTimeout(resolve, 10))));
        const story = out.story!;
        expect(story).not.toBeNull();
        expect(story).toEqual(storyByYear(lang, index, milestones));
        const years = [...story.keys()];
        expect(years.length).toBeGreaterThan(2);
        const video = videoFrames(lang, index, filters, DEFAULT_SETTINGS, datasetTexts(lang, index.dataset), regionNames, { flows: false, selected: null });
        for (const year of years) {
          const first = milestones.find((m) => m.year === year)!;
          expect(story.get(year)![0]).toBe(storylineCaption(lang, index, first));
          expect(video.describe(year).story).toBe(story.get(year)![0]);
          const still = stillPicture(lang, index, filters, year, DEFAULT_SETTINGS, datasetTexts(lang, index.dataset), regionNames);
          expect(still.state.story).toBe(story.get(year)![0]);
        }
        // The many homes' story says whose: a comparison's and the network's name homes; one home's does not.
        const captions = [...story.values()].flat().join('\n');
        if (name === 'one home') expect(captions).not.toMatch(lang === 'en' ? /Kyoto University: / : /京都大学：/);
        else expect(captions).toMatch(lang === 'en' ? /(Kyoto|Osaka|Tohoku) University: / : /(京都|大阪|東北)大学：/);
        // Outside playback the PNG has no story line, as the page shows none.
        expect(stillPicture(lang, index, filters, null, DEFAULT_SETTINGS, datasetTexts(lang, index.dataset), regionNames).state.story).toBeNull();
      });
});

describe('the overlay and the marks', () => {
  const filters = { ...DEFAULT_FILTERS };
  const story = storyByYear('en', index, deriveMilestones(index, filterLinks(index, filters)));
  const years = [...story.keys()].sort((a, b) => a - b);

  it('the playback overlay says the story line of a year with a milestone, and nothing in a year without', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const year = years[0]!;
    const page = await render(<PlaybackOverlay lang="en" year={year} total={3} fresh={1} story={story.get(year)![0]!} />, runtime);
    cleanups.push(page.unmount);
    expect(byTestId(page.host, 'playback-story').textContent).toBe(story.get(year)![0]);
    await page.rerender(<PlaybackOverlay lang="en" year={year - 1} total={0} fresh={0} story={null} />);
    expect(page.host.querySelector('[data-testid=playback-story]')).toBeNull();
  });

  it('a mark per year of the story, named by its captions; one Tab stop, arrows move, a choice shows the year', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const page = await render(<StoryMarks lang="en" story={story} centre={(y) => (y - 1980) * 30} width={1200} playYear={null} />, runtime);
    cleanups.push(page.unmount);
    const marks = [...page.host.querySelectorAll<HTMLButtonElement>('[data-testid=story-mark]')];
    expect(marks.map((m) => Number(m.dataset.year))).toEqual(years);
    expect(marks.map((m) => Number(m.dataset.milestones))).toEqual(years.map((y) => story.get(y)!.length));
    const several = years.find((y) => story.get(y)!.length > 1)!;
    expect(marks[years.indexOf(several)]!.getAttribute('aria-label')).toBe(story.get(several)!.join(' / '));
    expect(marks[0]!.getAttribute('aria-label')).toContain(String(years[0]));
    expect(marks.filter((m) => m.tabIndex === 0)).toHaveLength(1);
    // Focus shows the year's captions; the arrow key moves the focus (and the Tab stop) to the next mark.
    await act(async () => marks[0]!.focus());
    expect(byTestId(page.host, 'story-mark-caption').dataset.year).toBe(String(years[0]));
    expect(byTestId(page.host, 'story-mark-caption').textContent).toContain(story.get(years[0]!)![0]);
    await act(async () => void marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(document.activeElement).toBe(marks[1]);
    expect(marks[1]!.tabIndex).toBe(0);
    expect(byTestId(page.host, 'story-mark-caption').dataset.year).toBe(String(years[1]));
    await act(async () => void marks[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(document.activeElement).toBe(marks.at(-1));
    // Choosing a mark shows its year, paused.
    await act(async () => marks[1]!.click());
    expect(runtime.store.getState().playYear).toBe(years[1]);
    expect(runtime.playback.position().playing).toBe(false);
  });

  it('years closer than a mark share one mark (a phone), named by all their captions; no two marks overlap', async () => {
    // 6 px a year, as a phone's timeline draws 30 years: neighbouring story years would overlap.
    const centre = (y: number) => (y - years[0]!) * 6;
    const groups = markGroups(years, centre);
    expect(groups.flat()).toEqual(years);
    for (const [a, b] of groups.slice(1).map((g, n) => [groups[n]![0]!, g[0]!] as const)) expect(centre(b) - centre(a)).toBeGreaterThanOrEqual(MARK_WIDTH);
    for (const g of groups) expect(centre(g.at(-1)!) - centre(g[0]!)).toBeLessThan(MARK_WIDTH);
    const shared = groups.find((g) => g.length > 1)!;
    expect(shared).toBeDefined();
    const { runtime } = createTestRuntime(index.yearExtent);
    const page = await render(<StoryMarks lang="en" story={story} centre={centre} width={375} playYear={shared[1]!} />, runtime);
    cleanups.push(page.unmount);
    const marks = [...page.host.querySelectorAll<HTMLButtonElement>('[data-testid=story-mark]')];
    expect(marks).toHaveLength(groups.length);
    const mark = marks[groups.indexOf(shared)]!;
    expect(mark.dataset.years).toBe(shared.join(' '));
    expect(mark.dataset.year).toBe(String(shared[0]));
    expect(Number(mark.dataset.milestones)).toBe(shared.reduce((n, y) => n + story.get(y)!.length, 0));
    expect(mark.getAttribute('aria-label')).toBe(shared.flatMap((y) => story.get(y)!).join(' / '));
    // The playback year is in it: it is the current mark.
    expect(mark.getAttribute('aria-current')).toBe('true');
    await act(async () => mark.focus());
    for (const y of shared) for (const words of story.get(y)!) expect(byTestId(page.host, 'story-mark-caption').textContent).toContain(words);
  });

  it('ja: the marks are named in Japanese', async () => {
    const ja = storyByYear('ja', index, deriveMilestones(index, filterLinks(index, filters)));
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'ja' });
    const page = await render(<StoryMarks lang="ja" story={ja} centre={(y) => y * 30} width={600} playYear={years[0]!} />, runtime);
    cleanups.push(page.unmount);
    const first = byTestId(page.host, 'story-mark');
    expect(first.getAttribute('aria-label')).toBe(ja.get(years[0]!)!.join('／'));
    expect(first.getAttribute('aria-label')).toMatch(/年/);
    expect(first.getAttribute('aria-current')).toBe('true');
    expect(byTestId(page.host, 'story-marks').getAttribute('aria-label')).toMatch(/ストーリー/);
  });
});
