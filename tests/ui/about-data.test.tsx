// @vitest-environment jsdom
// The About dialog: the source, and each correction's judgement and reason, in Japanese in Japanese, with labelled
// counts and dates. Moved here from the browser suite (about-ja.spec.ts); opening it from the header and closing it
// with Esc stay in the browser (atlas.spec.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutData } from '../../src/ui/panels/AboutData';
import { realIndex } from './real-index';
import { byTestId, createTestRuntime, render } from './render';

const index = realIndex();
const { corrections } = index.dataset;
// jsdom has no modal dialogs; the component opens its <dialog> with showModal.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function about(lang: 'ja' | 'en') {
  const { runtime } = createTestRuntime(index.yearExtent, { lang });
  const page = await render(<AboutData lang={lang} dataset={index.dataset} open={true} onClose={() => undefined} />, runtime);
  cleanups.push(page.unmount);
  const dialog = byTestId<HTMLDialogElement>(page.host, 'about');
  return { dialog, rows: [...dialog.querySelectorAll('tbody tr')] };
}

describe('the About dialog', () => {
  it('in Japanese gives each correction its judgement and reason in Japanese', async () => {
    const errors = vi.spyOn(console, 'error');
    const { dialog, rows } = await about('ja');
    expect(dialog.open).toBe(true);
    expect(rows).toHaveLength(corrections.length);
    // Counts and the date have their words: "修正 172 件 · データは2012年5月現在", "2012年5月現在、大学間協定 159 件".
    expect(dialog.querySelector('p.muted')?.textContent).toBe(`修正 ${corrections.length} 件 · データは2012年5月現在`);
    expect(dialog.textContent).toContain('2012年5月現在、大学間協定 159 件');
    // Judgement (4th) and reason (5th) columns: Japanese text in every row, none marked English-only.
    for (const [i, tr] of rows.entries()) {
      const decision = tr.children[3]!.textContent ?? '';
      const reason = tr.children[4]!.textContent ?? '';
      expect(reason, `row ${i + 1} reason`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // An English sentence has runs of Latin words; a Japanese one at most names things in Latin letters.
      expect(reason, `row ${i + 1} reason`).not.toMatch(/\b(the|is|are|of|and|in)\b [a-z]+ [a-z]+ [a-z]+/);
      expect(decision, `row ${i + 1} decision`).not.toMatch(/\b(the|is|are|of|and|in|not a|one agreement)\b [a-z]+ [a-z]+/);
    }
    expect(dialog.textContent).not.toContain('英語のみ');
    expect(rows[0]!.querySelectorAll('td')[3]!.textContent).toBe(
      '別名 Sorbonne・ソルボンヌを削除。Sorbonne Universités、Sorbonne Université、ソルボンヌ大学は残す',
    );
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('in English stays English: the source as of May 2012, every correction', async () => {
    const { dialog, rows } = await about('en');
    expect(dialog.textContent).toContain('as of May 2012');
    expect(rows).toHaveLength(corrections.length);
    expect(rows[0]!.querySelectorAll('td')[4]!.textContent).toContain('Aliases only where they name this institution');
  });
});
