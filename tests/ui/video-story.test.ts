// One truth in the video (issue 28 item 6): each playback year's frame carries the storyline's caption of that
// year, the same words as the presentation's slide, and the picture draws them; on a three-homes atlas the story is
// the network's (whose each agreement is, the countries reached), with compare= the two homes', in ja and en.
import { describe, expect, it } from 'vitest';
import { drawPicture } from '../../src/adapters/media/picture';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { deriveMilestones } from '../../src/domain/storyline';
import { datasetTexts } from '../../src/i18n/dataset-texts';
import { storylineCaption } from '../../src/i18n/storyline';
import { videoFrames } from '../../src/ui/panels/video-frames';
import { KYOTO, OSAKA, threeHomesDataset } from '../fixtures/three-homes';

const index = buildIndex(threeHomesDataset());
const regionNames = Object.fromEntries(index.dataset.regions.map((r) => [r.id, r.name.en])) as never;

/** A 2D context that records the text it is asked to write and ignores the rest. */
function recordingContext() {
  const texts: string[] = [];
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => {
      if (key === 'fillText') return (text: string) => texts.push(text);
      if (key === 'measureText') return (text: string) => ({ width: text.length * 8 });
      return key in target ? target[key] : () => undefined;
    },
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

describe('the video tells the storyline', () => {
  for (const lang of ['en', 'ja'] as const)
    for (const filters of [{}, { compare: [KYOTO, OSAKA] as [string, string] }] satisfies Partial<Filters>[]) {
      it(`each year of a milestone carries its slide's caption, and the frame draws it (${lang}, ${filters.compare ? 'compare' : 'network'})`, () => {
        const all = { ...DEFAULT_FILTERS, ...filters };
        const story = deriveMilestones(index, filterLinks(index, all));
        const video = videoFrames(lang, index, all, DEFAULT_SETTINGS, datasetTexts(lang, index.dataset), regionNames, { flows: false, selected: null });
        const reached = story.find((m) => m.kind === 'countries-reached' || m.kind === 'first-agreement')!;
        const frame = video.describe(reached.year!);
        const firstOfYear = story.find((m) => m.year === reached.year)!;
        expect(frame.story).toBe(storylineCaption(lang, index, firstOfYear));
        expect(frame.story).toMatch(lang === 'en' ? /(University|Universit)/ : /大学/);
        // A year without a milestone says nothing.
        const quiet = index.yearExtent[0] - 1;
        expect(video.describe(quiet).story).toBeNull();
        const { ctx, texts } = recordingContext();
        drawPicture(ctx, { width: 1280, mapHeight: 500, scale: 1 }, {} as CanvasImageSource, video.texts, video.strip, {
          ...frame,
          rings: [],
          ringPhase: 0,
          position: 0,
          places: [],
        });
        expect(texts).toContain(frame.story);
      });
    }
});
