// @vitest-environment jsdom
// The filter panel, the results list and the playback controls in jsdom: what they show and what they change.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { evaluateFilters } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { computeView, listGroups } from '../../src/domain/view';
import { selectFilters, type AtlasStoreApi } from '../../src/state/atlas-store';
import { useAtlas, useAtlasActions } from '../../src/state/runtime';
import { FilterPanel } from '../../src/ui/panels/FilterPanel';
import { ResultsList } from '../../src/ui/panels/ResultsList';
import { PlaybackControls } from '../../src/ui/timeline/PlaybackControls';
import { MINI } from '../fixtures/mini-dataset';
import { byTestId, choose, createTestRuntime, openFacetGroup, render, typeInto } from './render';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';

const index = buildIndex(parseDataset(MINI));
// jsdom has neither CSS.escape nor scrollIntoView (the list uses them to bring the selected row into view).
globalThis.CSS ??= { escape: (value: string) => value.replace(/["\\]/g, '\\$&') } as typeof CSS;
const scrolledTo: string[] = [];
Element.prototype.scrollIntoView ??= function (this: Element) {
  scrolledTo.push(this.getAttribute('data-id') ?? '');
};
const viewOf = (store: AtlasStoreApi) => computeView(evaluateFilters(index, selectFilters(store.getState())));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('filter panel', () => {
  it('writes each control to the store, and shows the counts of the view it is given', async () => {
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const view = viewOf(runtime.store);
    const page = await render(<FilterPanel lang="en" index={index} facets={view} />, runtime);
    cleanups.push(page.unmount);

    const department = MINI.departments[0]!;
    // Closed, the department group renders no rows; open, its checkboxes.
    expect(page.host.querySelector(`[data-testid="dept-${department.id}"]`)).toBeNull();
    await openFacetGroup(page.host, 'dept');
    const box = byTestId<HTMLInputElement>(page.host, `dept-${department.id}`);
    expect(box.checked).toBe(false);
    await act(async () => box.click());
    expect(runtime.store.getState().departments).toEqual([department.id]);
    expect(byTestId<HTMLInputElement>(page.host, `dept-${department.id}`).checked).toBe(true);

    await act(async () => typeInto(byTestId<HTMLInputElement>(page.host, 'search'), 'seoul'));
    expect(runtime.store.getState().query).toBe('seoul');
    expect(byTestId<HTMLInputElement>(page.host, 'search').value).toBe('seoul');

    await act(async () => byTestId<HTMLInputElement>(page.host, 'level-university').click());
    expect(runtime.store.getState().level).toBe('university');
    await act(async () => byTestId<HTMLInputElement>(page.host, 'waiver').click());
    expect(runtime.store.getState().tuitionWaiverOnly).toBe(true);

    // The chips list what is active, and "reset all" clears every filter.
    expect(byTestId(page.host, 'filter-chips').textContent).toContain('seoul');
    await act(async () => byTestId(page.host, 'reset-all').click());
    expect(selectFilters(runtime.store.getState())).toMatchObject({ departments: [], query: '', level: 'all', tuitionWaiverOnly: false });
  });
});

describe('results list', () => {
  it('lists every passing institution under its country, and selects and highlights from a row', async () => {
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const view = viewOf(runtime.store);
    const groups = listGroups(index, view, 'en', 'name', 500);
    const page = await render(<ResultsList lang="en" groups={groups} sort="name" onSort={() => undefined} limit={500} onShowMore={() => undefined} />, runtime);
    cleanups.push(page.unmount);

    const rows = [...page.host.querySelectorAll<HTMLButtonElement>('[data-testid="result-row"]')];
    expect(rows.map((r) => r.dataset.id).sort()).toEqual(MINI.institutions.map((i) => i.id).sort());
    expect(page.host.querySelectorAll('.result-group').length).toBe(new Set(MINI.institutions.map((i) => i.country)).size);

    await act(async () => rows[0]!.click());
    expect(runtime.store.getState().selected).toBe(rows[0]!.dataset.id);
    expect(page.host.querySelector('[aria-current="true"]')?.getAttribute('data-id')).toBe(rows[0]!.dataset.id);
    expect(scrolledTo.at(-1)).toBe(rows[0]!.dataset.id);
    await act(async () => rows[1]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(runtime.store.getState().hovered).toBe(rows[1]!.dataset.id);
  });

  it('offers more rows when the result is longer than the limit', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const groups = listGroups(index, viewOf(runtime.store), 'en', 'name', 2);
    let asked = 0;
    const page = await render(
      <ResultsList lang="en" groups={groups} sort="name" onSort={() => undefined} limit={2} onShowMore={() => (asked += 1)} />,
      runtime,
    );
    cleanups.push(page.unmount);
    expect(page.host.querySelectorAll('[data-testid="result-row"]').length).toBe(2);
    await act(async () => byTestId(page.host, 'show-more').click());
    expect(asked).toBe(1);
  });
});

describe('results list during playback (issue 26)', () => {
  it('says which year it lists: as on the map when it has caught up, paused at its year when it is behind', async () => {
    const { runtime } = createTestRuntime(index.yearExtent);
    const groups = listGroups(index, viewOf(runtime.store), 'en', 'name', 500);
    for (const lang of ['en', 'ja'] as const) {
      const list = (year: { list: number; playback: number } | null) => (
        <ResultsList lang={lang} groups={groups} year={year} sort="name" onSort={() => undefined} limit={500} onShowMore={() => undefined} />
      );
      const page = await render(list({ list: 2001, playback: 2001 }), runtime);
      cleanups.push(page.unmount);
      const line = () => page.host.querySelector<HTMLElement>('[data-testid="results-playback"]');
      expect(line()?.dataset.behind).toBe('false');
      expect(line()?.textContent).toBe(lang === 'en' ? 'Listed as of 2001, as on the map and in the counts' : '2001年時点の一覧(地図・件数と同じ)');
      await page.rerender(list({ list: 1997, playback: 2001 }));
      expect(line()?.dataset.behind).toBe('true');
      expect(line()?.textContent).toContain(lang === 'en' ? 'List paused at 1997' : '1997年で一時停止中');
      await page.rerender(list(null));
      expect(line()).toBeNull();
    }
  });
});

describe('playback controls', () => {
  it('call the playback controller: play, step, speed, loop, exit', async () => {
    const { runtime, clock } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const page = await render(<PlaybackControls lang="en" />, runtime);
    cleanups.push(page.unmount);
    const state = () => runtime.store.getState();
    const [first] = index.yearExtent;

    await act(async () => byTestId(page.host, 'play').click());
    expect(state()).toMatchObject({ playYear: first, playing: true });
    expect(byTestId(page.host, 'play').getAttribute('aria-pressed')).toBe('true');
    await act(async () => clock.advance(SECONDS_PER_YEAR_AT_1X * 1000 * 1.5));
    expect(state().playYear).toBe(first + 1);

    await act(async () => choose(byTestId<HTMLSelectElement>(page.host, 'speed'), '4'));
    expect(state().playbackSettings.speed).toBe(4);
    expect(state()).toMatchObject({ playYear: first + 1, playing: true });

    await act(async () => byTestId(page.host, 'play').click());
    expect(state().playing).toBe(false);
    const forward = page.host.querySelectorAll<HTMLButtonElement>('[data-testid="playback"] button')[3]!;
    await act(async () => forward.click());
    expect(state().playYear).toBe(first + 2);

    await act(async () => choose(byTestId<HTMLSelectElement>(page.host, 'playback-mode'), '5'));
    expect(state().playbackSettings).toMatchObject({ mode: 'window', windowYears: 5 });

    await act(async () => byTestId(page.host, 'playback-exit').click());
    expect(state()).toMatchObject({ playYear: null, playing: false });
    expect(page.host.querySelector('[data-testid="playback-exit"]')).toBeNull();
  });

  it('answer the keyboard only while playback is on', async () => {
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const page = await render(<PlaybackControls lang="en" />, runtime);
    cleanups.push(page.unmount);
    const key = (k: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
    await key('ArrowRight');
    expect(runtime.store.getState().playYear).toBeNull();
    await act(async () => runtime.playback.show(1995));
    await key('ArrowRight');
    expect(runtime.store.getState().playYear).toBe(1996);
    await key('Home');
    expect(runtime.store.getState().playYear).toBe(index.yearExtent[0]);
    await key('End');
    expect(runtime.store.getState().playYear).toBe(index.yearExtent[1]);
  });
});

const seenActions = new Set<unknown>();
function ActionsProbe() {
  useAtlas((s) => s.countries);
  seenActions.add(useAtlasActions());
  return null;
}

describe('runtime hooks', () => {
  it('give the same actions object across store changes (an effect keyed on it must not re-run)', async () => {
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const page = await render(<ActionsProbe />, runtime);
    cleanups.push(page.unmount);
    await act(async () => runtime.store.getState().toggleCountry('FR'));
    await act(async () => runtime.store.getState().toggleCountry('KR'));
    expect(seenActions.size).toBe(1);
  });
});
