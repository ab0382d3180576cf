// The atlas store: filters, selection, hover, language and playback. Everything else is derived in src/domain.
// A factory, not a module singleton: src/app creates one per page and passes it down by context (src/state/runtime).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_FILTERS, type Filters, type LevelFilter } from '../domain/filters';
import type { Lang, RegionId } from '../domain/schema';
import { DEFAULT_SETTINGS, type PlaybackSettings } from '../domain/playback';

export interface AtlasState extends Filters {
  /** The institution whose card is open. */
  selected: string | null;
  /** The institution highlighted on the map while a list row is hovered (transient, not in the URL). */
  hovered: string | null;
  lang: Lang;
  /** The year playback shows (the network as it stood then), or null for the ordinary view. */
  playYear: number | null;
  playing: boolean;
  playbackSettings: PlaybackSettings;
  /** The storyline step on screen in presentation mode, or null when not presenting. */
  presentStep: number | null;
  /** Whether the slides advance by themselves (kiosk mode with `present`). Written by the slideshow only. */
  autoAdvance: boolean;
  /** Great-circle lines from the home campus to the partner cities on the map (not a filter: reset keeps it). */
  flows: boolean;
}

export interface AtlasActions {
  setYearRange(range: [number, number] | null): void;
  /** Clicking a country: it becomes the only country filter (or clears it when it already was). */
  selectCountry(code: string): void;
  toggleCountry(code: string): void;
  toggleRegion(region: RegionId): void;
  toggleDepartment(id: string): void;
  setLevel(level: LevelFilter): void;
  setTuitionWaiverOnly(on: boolean): void;
  setQuery(query: string): void;
  select(institutionId: string | null): void;
  hover(institutionId: string | null): void;
  setLang(lang: Lang): void;
  resetFilters(): void;
  hydrate(state: Partial<AtlasState>): void;
  /** Playback's year and state. Written by the playback controller only (src/state/playback-controller.ts). */
  setPlayback(year: number | null, playing: boolean): void;
  /** Written by the playback controller only. */
  setPlaybackSettings(settings: Partial<PlaybackSettings>): void;
  setPresentStep(step: number | null): void;
  /** Written by the slideshow only (src/state/slideshow.ts). */
  setAutoAdvance(on: boolean): void;
  setFlows(on: boolean): void;
  /** Keeps or stops keeping one home's agreements (`home=`). */
  toggleHome(id: string): void;
  /** Compares two homes (`compare=A,B`), or ends the comparison (null). */
  setCompare(pair: [string, string] | null): void;
}

export type AtlasStore = AtlasState & AtlasActions;

const toggle = <T>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Arrays with the same items, or objects with the same fields (one level deep). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * `next` without the values the state already holds (equal arrays and settings keep their objects). The store's
 * values a URL restores are then its initial ones on a plain visit: hydrating the prerendered page, React reads the
 * initial state (zustand's server snapshot) and renders a component again at once wherever the current value is
 * another object, and a render of the page made React hydrate the parts it hydrates later there and then (issue 29).
 */
function changedOnly<T extends object>(state: T, next: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) if (!sameValue(state[key], next[key])) changed[key] = next[key];
  return changed;
}

export const INITIAL_STATE: AtlasState = {
  ...DEFAULT_FILTERS,
  selected: null,
  hovered: null,
  lang: 'ja',
  playYear: null,
  playing: false,
  playbackSettings: DEFAULT_SETTINGS,
  presentStep: null,
  autoAdvance: false,
  flows: false,
};

export type AtlasStoreApi = StoreApi<AtlasStore>;

export const createAtlasStore = (initial: Partial<AtlasState> = {}): AtlasStoreApi =>
  createStore<AtlasStore>()((set) => ({
    ...INITIAL_STATE,
    ...initial,
    setYearRange: (yearRange) => set({ yearRange }),
    selectCountry: (code) => set((s) => ({ countries: s.countries.length === 1 && s.countries[0] === code ? [] : [code], selected: null })),
    toggleCountry: (code) => set((s) => ({ countries: toggle(s.countries, code) })),
    toggleRegion: (region) => set((s) => ({ regions: toggle(s.regions, region) })),
    toggleDepartment: (id) => set((s) => ({ departments: toggle(s.departments, id) })),
    setLevel: (level) => set({ level }),
    setTuitionWaiverOnly: (tuitionWaiverOnly) => set({ tuitionWaiverOnly }),
    setQuery: (query) => set({ query }),
    select: (selected) => set({ selected }),
    hover: (hovered) => set({ hovered }),
    setLang: (lang) => set({ lang }),
    resetFilters: () => set({ ...DEFAULT_FILTERS, selected: null }),
    hydrate: (state) => set((s) => changedOnly<AtlasState>(s, state)),
    setPlayback: (playYear, playing) => set({ playYear, playing: playYear === null ? false : playing }),
    setPlaybackSettings: (settings) =>
      set((s) => {
        const playbackSettings = { ...s.playbackSettings, ...settings };
        return sameValue(playbackSettings, s.playbackSettings) ? s : { playbackSettings };
      }),
    setPresentStep: (presentStep) => set({ presentStep }),
    setAutoAdvance: (autoAdvance) => set({ autoAdvance }),
    setFlows: (flows) => set({ flows }),
    toggleHome: (id) => set((s) => ({ homes: toggle(s.homes, id) })),
    setCompare: (pair) => set({ compare: pair && pair[0] !== pair[1] ? pair : null }),
  }));

export const selectFilters = (s: AtlasState): Filters => ({
  yearRange: s.yearRange,
  countries: s.countries,
  regions: s.regions,
  departments: s.departments,
  level: s.level,
  tuitionWaiverOnly: s.tuitionWaiverOnly,
  query: s.query,
  homes: s.homes,
  compare: s.compare,
});
