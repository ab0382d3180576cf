// @vitest-environment jsdom
// The presentation tells the story of many homes (issue 28 item 6): on a three-homes atlas the slides say whose each
// agreement is and add the network's slides (countries reached, the partners of the most homes, the homes that grew
// fastest), in ja and en, each slide's words those of the storyline's facts; with home= the story is that home's
// alone, titled with its name. The keys go through the presentation's own handler.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { deriveMilestones } from '../../src/domain/storyline';
import { storylineCaption } from '../../src/i18n/storyline';
import { Presentation } from '../../src/ui/panels/Presentation';
import { KYOTO, threeHomesDataset } from '../fixtures/three-homes';
import { byTestId, createTestRuntime, render } from './render';

const index = buildIndex(threeHomesDataset());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const press = (key: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

/** Every slide's kind and caption, as the presentation shows them from the first to the last. */
async function slides(lang: 'ja' | 'en', filters: Partial<Filters>) {
  const links = filterLinks(index, { ...DEFAULT_FILTERS, ...filters });
  const { runtime } = createTestRuntime(index.yearExtent, { lang, presentStep: 0 });
  const page = await render(<Presentation lang={lang} index={index} links={links} strip={null} />, runtime);
  cleanups.push(page.unmount);
  const story = deriveMilestones(index, links);
  const shown: { kind: string; caption: string }[] = [];
  for (let i = 0; i < story.length; i++) {
    if (i > 0) await press('ArrowRight');
    shown.push({ kind: byTestId(page.host, 'presentation').dataset.kind!, caption: byTestId(page.host, 'presentation-caption').textContent! });
  }
  return { shown, story };
}

describe('the presentation of many homes', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`the whole network: whose each agreement is, and the network's slides (${lang})`, async () => {
      const { shown, story } = await slides(lang, {});
      // One truth: each slide shows its fact's words.
      expect(shown.map((s) => s.caption)).toEqual(story.map((m) => storylineCaption(lang, index, m)));
      const kinds = shown.map((s) => s.kind);
      for (const kind of ['countries-reached', 'most-connected', 'fastest-growing']) expect(kinds).toContain(kind);
      const first = shown.find((s) => s.kind === 'first-agreement')!.caption;
      expect(first).toMatch(lang === 'ja' ? /^東北大学：/ : /^Tohoku University: /);
      const connected = shown.find((s) => s.kind === 'most-connected')!.caption;
      expect(connected).toContain(lang === 'ja' ? '(3大学)' : '(3 homes)');
    });

    it(`home= one home: that home's story, titled with its name, no network slides (${lang})`, async () => {
      const { shown } = await slides(lang, { homes: [KYOTO] });
      expect(shown[0]!.caption).toMatch(lang === 'ja' ? /：京都大学$/ : /: Kyoto University$/);
      expect(shown.map((s) => s.kind)).not.toContain('most-connected');
      expect(shown.some((s) => /^(京都大学：|Kyoto University: )/.test(s.caption))).toBe(false);
    });
  }
});
