// Keeps the URL in step with the store: restore on load, then replaceState, debounced (never per drag tick).
import type { AtlasIndex } from '../domain/atlas-index';
import type { Lang } from '../domain/schema';
import { selectFilters, useAtlasStore, type AtlasState } from '../store/atlas-store';
import { parseUrl, serialiseUrl, type UrlState } from '../store/url';

export const URL_DEBOUNCE_MS = 250;

/** Drops ids the dataset does not know, so a stale or hand-edited link still opens. */
export function sanitise(state: UrlState, index: AtlasIndex): UrlState {
  const f = state.filters;
  const [first, last] = index.yearExtent;
  const years = f.yearRange ? ([Math.max(first, f.yearRange[0]), Math.min(last, f.yearRange[1])] as [number, number]) : null;
  return {
    lang: state.lang,
    selected: state.selected && index.institutionsById.has(state.selected) ? state.selected : null,
    filters: {
      ...f,
      yearRange: years && years[0] <= years[1] ? years : null,
      countries: f.countries.filter((c) => index.countriesByCode.has(c)),
      departments: f.departments.filter((d) => index.departmentsById.has(d)),
    },
  };
}

export function restoreFromUrl(search: string, index: AtlasIndex, fallbackLang: Lang): void {
  const state = sanitise(parseUrl(search), index);
  useAtlasStore.getState().hydrate({ ...state.filters, selected: state.selected, lang: state.lang ?? fallbackLang });
}

export function toUrlState(s: AtlasState, explicitLang: boolean): UrlState {
  return { filters: selectFilters(s), selected: s.selected, lang: explicitLang ? s.lang : null };
}

/** Starts writing the URL; returns the unsubscribe function. */
export function startUrlSync(initialLang: Lang): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useAtlasStore.subscribe((s, previous) => {
    if (s === previous) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = serialiseUrl(toUrlState(useAtlasStore.getState(), useAtlasStore.getState().lang !== initialLang || new URLSearchParams(location.search).has('lang')));
      if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
    }, URL_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
