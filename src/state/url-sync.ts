// Keeps the URL in step with the store: restore on load, then replaceState, debounced (never per drag tick).
import type { AtlasIndex } from '../domain/atlas-index';
import type { Lang } from '../domain/schema';
import { selectFilters, type AtlasState, type AtlasStoreApi } from './atlas-store';
import type { PlaybackController } from './playback-controller';
import { DEFAULT_VIEW, pageUrl, parseUrl, serialiseUrl, type UrlState, type ViewState } from './url';
import { DEFAULT_SETTINGS } from '../domain/playback';

export const URL_DEBOUNCE_MS = 250;

/** Drops ids the dataset does not know, so a stale or hand-edited link still opens. */
export function sanitise(state: UrlState, index: AtlasIndex): UrlState {
  const f = state.filters;
  const [first, last] = index.yearExtent;
  const years = f.yearRange ? ([Math.max(first, f.yearRange[0]), Math.min(last, f.yearRange[1])] as [number, number]) : null;
  return {
    // "Active in year" needs end dates: a link to a list without them opens on signing years.
    view: state.view && state.view.basis === 'active' && !index.hasEndDates ? { ...state.view, basis: 'signed' } : state.view,
    lang: state.lang,
    selected: state.selected && index.institutionsById.has(state.selected) ? state.selected : null,
    filters: {
      ...f,
      yearRange: years && years[0] <= years[1] ? years : null,
      countries: f.countries.filter((c) => index.countriesByCode.has(c)),
      departments: f.departments.filter((d) => index.departmentsById.has(d)),
      homes: f.homes.filter((h) => index.homes.some((home) => home.id === h)),
      compare: f.compare?.every((h) => index.homes.some((home) => home.id === h)) ? f.compare : null,
    },
  };
}

/** What the URL says about the page itself rather than the store: the camera of a shared link, embed mode. */
export interface PageOptions {
  camera: ViewState['camera'];
  embed: boolean;
  /** Kiosk mode (see kiosk.ts). */
  autoplay: boolean;
  /** The page shows a list opened in this browser: the URL says so (`list=local`), with its id (`list=local:<id>`). */
  localList: boolean;
  localListId: string | null;
}

/**
 * Puts the state a URL describes into the store; the playback year goes through the playback controller, its one
 * writer. Returns what the URL says about the page itself.
 */
export function restoreFromUrl(search: string, index: AtlasIndex, fallbackLang: Lang, store: AtlasStoreApi, playback: PlaybackController): PageOptions {
  const state = sanitise(parseUrl(search), index);
  const view = state.view ?? DEFAULT_VIEW;
  store.getState().hydrate({
    ...state.filters,
    selected: state.selected,
    lang: state.lang ?? fallbackLang,
    presentStep: view.presentStep,
    flows: view.flows,
  });
  playback.setSpeed(view.speed === null ? DEFAULT_SETTINGS.speed : view.speed);
  playback.setLoop(view.loop);
  // Unsaid, the basis is signing (the default settings leave it out: a plain visit keeps the store's initial settings).
  if (view.basis !== (store.getState().playbackSettings.basis ?? 'signed')) playback.setBasis(view.basis);
  if (view.windowYears === null) playback.setMode('cumulative');
  else playback.setMode('window', view.windowYears);
  if (view.playYear !== null) playback.show(view.playYear);
  return { camera: view.camera, embed: view.embed, autoplay: view.autoplay, localList: view.localList, localListId: view.localListId ?? null };
}

export function toUrlState(s: AtlasState, explicitLang: boolean, extra: Partial<ViewState> = {}): UrlState {
  return {
    filters: selectFilters(s),
    selected: s.selected,
    lang: explicitLang ? s.lang : null,
    view: {
      ...DEFAULT_VIEW,
      playYear: s.playYear,
      speed: s.playbackSettings.speed,
      loop: s.playbackSettings.loop,
      windowYears: s.playbackSettings.mode === 'window' ? s.playbackSettings.windowYears : null,
      presentStep: s.presentStep,
      flows: s.flows,
      basis: s.playbackSettings.basis ?? 'signed',
      ...extra,
    },
  };
}

/** Starts writing the URL; returns the unsubscribe function. */
export function startUrlSync(store: AtlasStoreApi, initialLang: Lang, options: PageOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((s, previous) => {
    // While playing, the year changes several times a second: write once playback pauses.
    if (s === previous || s.playing) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = store.getState();
      const explicitLang = state.lang !== initialLang || new URLSearchParams(location.search).has('lang');
      const next = serialiseUrl(
        toUrlState(state, explicitLang, { embed: options.embed, autoplay: options.autoplay, localList: options.localList, localListId: options.localListId }),
      );
      if (next !== location.search) history.replaceState(history.state, '', pageUrl(location, next, location.hash));
    }, URL_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
