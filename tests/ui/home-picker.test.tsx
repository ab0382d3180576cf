// @vitest-environment jsdom
// The filter panel's homes (issue 28): a closed facet group renders no rows; a long list of homes is found by typing
// part of a name (Japanese or English) instead of showing every home; the comparison fields take a typed name.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { evaluateFilters } from '../../src/domain/filters';
import type { Dataset, Lang } from '../../src/domain/schema';
import { computeView } from '../../src/domain/view';
import { selectFilters } from '../../src/state/atlas-store';
import { FilterPanel } from '../../src/ui/panels/FilterPanel';
import { homeNamed } from '../../src/ui/panels/HomesPanel';
import { KYOTO, OSAKA, threeHomesDataset } from '../fixtures/three-homes';
import { byTestId, createTestRuntime, openFacetGroup, render, typeInto } from './render';

const three = threeHomesDataset();
/** The three homes and 40 more (no agreements of their own): a list too long to show in full. */
const many: Dataset = {
  ...three,
  homes: [
    ...three.homes,
    ...Array.from({ length: 40 }, (_, n) => ({
      ...three.homes[1]!,
      id: `extra-${n}`,
      name: { ja: `第${n}大学`, en: `Extra University ${n}` },
      yomi: undefined,
    })),
  ],
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function panel(dataset: Dataset, lang: Lang) {
  const index = buildIndex(dataset);
  const { runtime } = createTestRuntime(index.yearExtent, { lang });
  const view = computeView(evaluateFilters(index, selectFilters(runtime.store.getState())));
  const page = await render(<FilterPanel lang={lang} index={index} facets={view} />, runtime);
  cleanups.push(page.unmount);
  const homeBoxes = () => [...page.host.querySelectorAll<HTMLInputElement>('input[data-testid^="home-"][type="checkbox"]')].map((i) => i.dataset.testid);
  return { host: page.host, store: runtime.store, homeBoxes };
}

describe('the homes in the filter panel', () => {
  it('a closed group renders its summary only; open, a long list shows the homes whose names match what is typed', async () => {
    const { host, store, homeBoxes } = await panel(many, 'ja');
    const group = byTestId(host, 'facet-group"][data-facet="home');
    expect(group.querySelectorAll('input').length).toBe(0);
    expect(host.querySelector('[data-testid="compare-a"]')).toBeNull();

    await openFacetGroup(host, 'home');
    // Nothing typed, nothing chosen: no rows, and the field says how many homes it searches.
    expect(homeBoxes()).toEqual([]);
    expect(byTestId(host, 'home-find-status').textContent).toContain('43');
    await act(async () => typeInto(byTestId<HTMLInputElement>(host, 'home-find'), '京都'));
    expect(homeBoxes()).toEqual([`home-${KYOTO}`]);
    expect(byTestId(host, 'home-find-status').textContent).toBe('1 大学が一致');
    // English names too; at most 12 rows, and the status says there are more.
    await act(async () => typeInto(byTestId<HTMLInputElement>(host, 'home-find'), 'university'));
    expect(homeBoxes().length).toBe(12);
    expect(byTestId(host, 'home-find-status').textContent).toContain('43 大学が一致');
    await act(async () => byTestId<HTMLInputElement>(host, `home-${OSAKA}`).click());
    expect(store.getState().homes).toEqual([OSAKA]);
    // A chosen home stays listed (to untick it) whatever is typed.
    await act(async () => typeInto(byTestId<HTMLInputElement>(host, 'home-find'), 'no such home'));
    expect(homeBoxes()).toEqual([`home-${OSAKA}`]);
    expect(byTestId<HTMLInputElement>(host, `home-${OSAKA}`).checked).toBe(true);
    expect(byTestId(host, 'home-find-status').textContent).toBe('一致する大学はありません');
  });

  it('the comparison fields take a typed name in either language and suggest at most 12 homes', async () => {
    const { host, store } = await panel(many, 'en');
    await openFacetGroup(host, 'home');
    const a = byTestId<HTMLInputElement>(host, 'compare-a');
    const b = byTestId<HTMLInputElement>(host, 'compare-b');
    await act(async () => typeInto(a, 'extra'));
    expect(host.ownerDocument.getElementById(a.getAttribute('list')!)?.querySelectorAll('option').length).toBe(12);
    expect(byTestId<HTMLButtonElement>(host, 'compare-start').disabled).toBe(true);
    await act(async () => typeInto(a, 'kyoto university'));
    await act(async () => typeInto(b, '大阪大学'));
    expect(byTestId<HTMLButtonElement>(host, 'compare-start').disabled).toBe(false);
    await act(async () => byTestId(host, 'compare-start').click());
    expect(store.getState().compare).toEqual([KYOTO, OSAKA]);
    // The group's badge counts the two homes compared, as the counts' "Homes 2" does (it said 1: one comparison).
    expect(host.querySelector('[data-facet="home"] summary .badge .visually-hidden')?.textContent).toBe('2 selected');
  });

  it('a short list shows every home, with no search field', async () => {
    const { host, homeBoxes } = await panel(three, 'en');
    await openFacetGroup(host, 'home');
    expect(homeBoxes()).toEqual(three.homes.map((h) => `home-${h.id}`));
    expect(host.querySelector('[data-testid="home-find"]')).toBeNull();
  });

  it('homeNamed: a name in either language, any case, or an id; nothing for a part of a name', () => {
    expect(homeNamed(three.homes, ' Kyoto University ')).toBe(KYOTO);
    expect(homeNamed(three.homes, '大阪大学')).toBe(OSAKA);
    expect(homeNamed(three.homes, OSAKA)).toBe(OSAKA);
    expect(homeNamed(three.homes, 'Kyoto')).toBeNull();
    expect(homeNamed(three.homes, '')).toBeNull();
  });
});
