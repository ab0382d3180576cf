// @vitest-environment jsdom
// Playback's per-year work in the page (issue 29): the next year's view is computed ahead when the page is idle, and a
// results list on a hidden phone tab is not built again each year (it shows the playback's year when its tab opens).
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { parseDataset } from '../../src/domain/schema';
import { viewAtYear, type ListGroup } from '../../src/domain/view';
import { useAtlasView, useListGroups, type ListYear } from '../../src/ui/use-atlas-view';
import { MINI } from '../fixtures/mini-dataset';
import { createTestRuntime, render } from './render';

const index = buildIndex(parseDataset(MINI));
const [first, last] = index.yearExtent;

type Seen = { groups: ListGroup[]; year: ListYear | null };

/** Records what the list's hook gives at `year`, its tab hidden or not. */
function ListProbe({ year, hidden, seen }: { year: number | null; hidden: boolean; seen: Seen[] }) {
  const view = viewAtYear(index, DEFAULT_FILTERS, year, DEFAULT_SETTINGS).view;
  seen.push(useListGroups(index, view, year, 'en', 'relevance', 50, null, hidden));
  return null;
}

/** Records each playback year the page's view renders. */
function ViewProbe({ shown }: { shown: number[] }) {
  const { frame } = useAtlasView(index);
  if (frame) shown.push(frame.year);
  return null;
}

describe('the results list during playback', () => {
  it('is kept as it was while its tab is hidden, and follows the year again when shown', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const seen: Seen[] = [];
    const page = await render(<ListProbe year={first} hidden={false} seen={seen} />, runtime);
    const shown = seen.at(-1)!;
    expect(shown.year).toEqual({ list: first, playback: first });
    await page.rerender(<ListProbe year={first + 1} hidden seen={seen} />);
    await page.rerender(<ListProbe year={last} hidden seen={seen} />);
    // Hidden: the same groups and the same year object, so the memoised list renders nothing.
    expect(seen.at(-1)!.groups).toBe(shown.groups);
    expect(seen.at(-1)!.year).toBe(shown.year);
    await page.rerender(<ListProbe year={last} hidden={false} seen={seen} />);
    expect(seen.at(-1)!.year).toEqual({ list: last, playback: last });
    expect(seen.at(-1)!.groups).not.toBe(shown.groups);
    await page.unmount();
  });
});

describe("the playback year's view", () => {
  it('is computed ahead when the page is idle, and the next year renders with it without filtering again', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const evaluated: number[] = [];
    const memo = runtime.filterMemo;
    runtime.filterMemo = {
      evaluate: (i, filters, basis) => (evaluated.push(filters.yearRange?.[1] ?? 0), memo.evaluate(i, filters, basis)),
      derived: (evaluation, compute) => memo.derived(evaluation, compute),
    };
    const shown: number[] = [];
    runtime.store.getState().setPlayback(first, true);
    const page = await render(<ViewProbe shown={shown} />, runtime);
    expect(evaluated).toEqual([first]);
    // The next year, once the frame has been painted and the page is idle (jsdom has no requestIdleCallback: at once).
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5))));
    expect(evaluated).toEqual([first, first + 1]);
    await act(async () => runtime.store.getState().setPlayback(first + 1, true));
    expect(shown.at(-1)).toBe(first + 1);
    expect(evaluated.slice(0, 2)).toEqual([first, first + 1]);
    expect(evaluated.filter((y) => y === first + 1)).toHaveLength(1);
    await page.unmount();
  });
});
