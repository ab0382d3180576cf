// @vitest-environment jsdom
// Search as a student types it, in the results list: the best match first and why it matched. Moved here from the
// browser suite (search.spec.ts: the acronym and typo cases); the ranking itself is checked in
// tests/domain/search-real.test.ts, typing into the search box in tests/ui/panels.test.tsx.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import type { Lang } from '../../src/domain/schema';
import { computeView, listGroups } from '../../src/domain/view';
import { ResultsList } from '../../src/ui/panels/ResultsList';
import { realIndex } from './real-index';
import { createTestRuntime, render } from './render';

const index = realIndex();
globalThis.CSS ??= { escape: (value: string) => value.replace(/["\\]/g, '\\$&') } as typeof CSS;
Element.prototype.scrollIntoView ??= () => undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The results list as the page shows it for a query: relevance order, as many rows as the page renders. */
async function resultsFor(query: string, lang: Lang = 'en') {
  const { runtime } = createTestRuntime(index.yearExtent, { lang, query });
  const view = computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, query }));
  const groups = listGroups(index, view, lang, 'relevance', 500);
  const page = await render(
    <ResultsList lang={lang} groups={groups} sort="relevance" onSort={() => undefined} limit={500} onShowMore={() => undefined} />,
    runtime,
  );
  cleanups.push(page.unmount);
  const rows = [...page.host.querySelectorAll<HTMLElement>('[data-testid="result-row"]')];
  return { host: page.host, rows };
}

describe('search results', () => {
  it('an acronym finds its institution first and says why', async () => {
    const errors = vi.spyOn(console, 'error');
    const { host, rows } = await resultsFor('LSE');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.textContent).toContain('London School of Economics');
    expect(rows[0]!.querySelector('[data-testid="result-match"]')?.textContent).toBe('Acronym: LSE');
    expect(host.textContent).not.toContain('RWTH');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('a typo still finds the institution, and says what it was close to', async () => {
    const { rows } = await resultsFor('Tsinghau');
    expect(rows[0]!.textContent).toContain('Tsinghua University');
    expect(rows[0]!.querySelector('[data-testid="result-match"]')?.textContent).toContain('Tsinghua');
  });
});
