import { describe, expect, it } from 'vitest';
import { createAtlasStore, selectFilters } from '../../src/state/atlas-store';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { buildIndex } from '../../src/domain/atlas-index';
import { parseDataset } from '../../src/domain/schema';
import { buildRuntime } from '../../src/app/start-runtime';
import { MINI } from '../fixtures/mini-dataset';

describe('atlas store', () => {
  it('selects a country, toggles it off, and adds countries with toggle', () => {
    const store = createAtlasStore();
    store.getState().select('x');
    store.getState().selectCountry('FR');
    expect(store.getState().countries).toEqual(['FR']);
    expect(store.getState().selected).toBeNull();
    store.getState().selectCountry('KR');
    expect(store.getState().countries).toEqual(['KR']);
    store.getState().toggleCountry('FR');
    expect(store.getState().countries).toEqual(['KR', 'FR']);
    store.getState().selectCountry('KR');
    expect(store.getState().countries).toEqual(['KR']);
    store.getState().selectCountry('KR');
    expect(store.getState().countries).toEqual([]);
  });

  it('toggles departments and regions, and resets every filter but the language', () => {
    const store = createAtlasStore({ lang: 'en' });
    const s = store.getState();
    s.toggleDepartment('engineering');
    s.toggleRegion('asia');
    s.setYearRange([2000, 2005]);
    s.setTuitionWaiverOnly(true);
    s.setQuery('seoul');
    s.setLevel('university');
    s.toggleDepartment('engineering');
    expect(store.getState().departments).toEqual([]);
    expect(selectFilters(store.getState())).toMatchObject({ regions: ['asia'], yearRange: [2000, 2005], query: 'seoul', level: 'university' });
    store.getState().resetFilters();
    expect(selectFilters(store.getState())).toEqual(DEFAULT_FILTERS);
    expect(store.getState().lang).toBe('en');
  });

  it('toggles homes and starts and ends a comparison; reset clears both', () => {
    const store = createAtlasStore();
    const s = store.getState();
    s.toggleHome('kyoto-university');
    s.toggleHome('osaka-university');
    s.toggleHome('kyoto-university');
    expect(store.getState().homes).toEqual(['osaka-university']);
    s.setCompare(['tohoku-university', 'kyoto-university']);
    expect(selectFilters(store.getState())).toMatchObject({ homes: ['osaka-university'], compare: ['tohoku-university', 'kyoto-university'] });
    s.setCompare(['kyoto-university', 'kyoto-university']);
    expect(store.getState().compare).toBeNull();
    s.setCompare(['tohoku-university', 'kyoto-university']);
    store.getState().resetFilters();
    expect(selectFilters(store.getState())).toEqual(DEFAULT_FILTERS);
  });
});

describe("a plain visit's store", () => {
  // Hydrating the prerendered page, React reads zustand's initial state (the server snapshot) and renders again, at
  // once, every component whose value is another object now; a render of the page hydrated its later parts there and
  // then (issue 29, fast link). A URL that says nothing keeps the initial objects.
  it('holds the objects it was created with once the URL is restored', () => {
    const index = buildIndex(parseDataset(MINI));
    const { runtime } = buildRuntime(index, 'ja', '?lang=en');
    const now = runtime.store.getState() as unknown as Record<string, unknown>;
    const initial = runtime.store.getInitialState() as unknown as Record<string, unknown>;
    expect(Object.keys(now).filter((key) => now[key] !== initial[key])).toEqual([]);
  });

  it('takes a restored value that differs, and keeps playback settings that do not change', () => {
    const store = createAtlasStore();
    const settings = store.getState().playbackSettings;
    store.getState().hydrate({ countries: ['FR'], regions: [] });
    expect(store.getState().countries).toEqual(['FR']);
    store.getState().setPlaybackSettings({ speed: settings.speed });
    expect(store.getState().playbackSettings).toBe(settings);
    store.getState().setPlaybackSettings({ speed: 2 });
    expect(store.getState().playbackSettings).toEqual({ ...settings, speed: 2 });
  });
});
