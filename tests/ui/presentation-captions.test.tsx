// @vitest-environment jsdom
// Presentation captions name each partner unmistakably: Northeastern University (Shenyang), the namesake of Tohoku
// University (both 東北大学), and no caption doubles its parentheses ("東北大学 (瀋陽)(中国)"). Moved here from the
// browser suite (present-names.spec.ts): the captions are text; the keys go through the presentation's own handler.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { Presentation } from '../../src/ui/panels/Presentation';
import { realIndex } from './real-index';
import { byTestId, createTestRuntime, render } from './render';

const index = realIndex();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const press = (key: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

describe('presentation captions', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`slide 2 names Northeastern University, Shenyang, and no slide doubles parentheses (${lang})`, async () => {
      const errors = vi.spyOn(console, 'error');
      // As a link with present=1 opens it: the second slide.
      const { runtime } = createTestRuntime(index.yearExtent, { lang, presentStep: 1 });
      const page = await render(<Presentation lang={lang} index={index} links={filterLinks(index, DEFAULT_FILTERS)} strip={null} />, runtime);
      cleanups.push(page.unmount);
      const caption = () => byTestId(page.host, 'presentation-caption').textContent;
      const position = () => byTestId(page.host, 'presentation-step').textContent;
      expect(caption()).toBe(
        lang === 'ja' ? '1983年 最初の協定：中国東北大学(中国・瀋陽)' : '1983: the first agreement — Northeastern University (Shenyang, China)',
      );
      expect(position()).toMatch(lang === 'ja' ? /^\d+ 枚中 2 枚目$/ : /^Slide 2 of \d+$/);
      const total = Number(position()!.match(/\d+/g)![lang === 'ja' ? 0 : 1]);
      expect(total).toBeGreaterThan(5);
      const slide = (n: number) => (lang === 'ja' ? `${total} 枚中 ${n} 枚目` : `Slide ${n} of ${total}`);
      // Every slide, from the first to the last.
      await press('Home');
      expect(position()).toBe(slide(1));
      for (let i = 1; i <= total; i += 1) {
        if (i > 1) {
          await press('ArrowRight');
          expect(position()).toBe(slide(i));
        }
        const text = caption()!;
        expect(text, `slide ${i}`).not.toMatch(/\)\s*\(|\)\s*\)|）\s*（/);
        // Tohoku University never appears as its own partner.
        expect(text, `slide ${i}`).not.toMatch(lang === 'ja' ? /(^|[^中国])東北大学 ?[(（]/ : /Tohoku University \(/);
      }
      expect(runtime.store.getState().presentStep).toBe(total - 1);
      expect(errors).not.toHaveBeenCalled();
      errors.mockRestore();
    });
  }
});
