// The page's derived data, computed once per change from the store: the filtered view at the playback year, and the
// results list built from it.
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../domain/atlas-index';
import type { Comparison } from '../domain/compare';
import { compareListGroups } from '../domain/compare-list';
import type { Filters, FilterMemo } from '../domain/filters';
import { nextPlaybackYear, type PlaybackSettings } from '../domain/playback';
import type { Lang } from '../domain/schema';
import { listGroups, viewAtYear, type AtlasView, type ListGroup, type ListSort } from '../domain/view';
import { keepUnchanged } from '../domain/view-reuse';
import { selectFilters } from '../state/atlas-store';
import { useAtlas, useRuntime } from '../state/runtime';
import { whenIdle } from './after-paint';

type YearView = ReturnType<typeof viewAtYear>;

/** A year's view computed ahead, for the filters and settings it was computed with. */
interface Ahead {
  index: AtlasIndex;
  filters: Filters;
  settings: PlaybackSettings;
  memo: FilterMemo;
  year: number;
  result: YearView;
}

/** The longest the next year's view waits for an idle period (a year lasts 200 ms at 4×). */
const AHEAD_TIMEOUT_MS = 150;

export function useAtlasView(index: AtlasIndex) {
  const { filterMemo } = useRuntime();
  const filters = useAtlas(useShallow(selectFilters));
  const playYear = useAtlas((s) => s.playYear);
  const settings = useAtlas((s) => s.playbackSettings);
  // The last view: a playback year step keeps its timeline bars and partners-so-far line (view-reuse.ts), so the
  // timeline does not draw its bars again each year.
  const previous = useRef<AtlasView | null>(null);
  // While playing, the next year's view is computed when the page is idle after this year's frame, so the year's
  // render (its own task, src/state/playback-controller.ts) only takes it (issue 29).
  const ahead = useRef<Ahead | null>(null);
  const playing = useAtlas((s) => s.playing);
  const shown = useMemo(() => {
    const a = ahead.current;
    const ready = a && a.year === playYear && a.index === index && a.filters === filters && a.settings === settings && a.memo === filterMemo;
    ahead.current = null;
    const { view, frame } = ready ? a.result : viewAtYear(index, filters, playYear, settings, filterMemo);
    previous.current = keepUnchanged(previous.current?.evaluation.index === index ? previous.current : null, view);
    return { view, filters, frame };
  }, [index, filters, playYear, settings, filterMemo]);
  useEffect(() => {
    const next = playing && playYear !== null ? nextPlaybackYear(playYear, settings, index.yearExtent, filters.yearRange) : null;
    if (next === null) return;
    return whenIdle(() => {
      ahead.current = { index, filters, settings, memo: filterMemo, year: next, result: viewAtYear(index, filters, next, settings, filterMemo) };
    }, AHEAD_TIMEOUT_MS);
  }, [index, filters, playYear, settings, filterMemo, playing]);
  return shown;
}

/** During playback: the year the list's rows were built for, and the year the counts and the map show. */
export interface ListYear {
  list: number;
  playback: number;
}

/**
 * The results list. Outside playback it is built with the counts, in the same render: a search or a filter answers in
 * words first (the map follows after that frame, see AtlasMap). While playing it is built from a deferred copy of
 * the view, so the map and the counts move first; it still follows each year (once a year, at most five times a
 * second at 4×, is affordable; a list frozen on other years is not), so it shows what the map and the counts show.
 * While playing with the list `hidden` (a phone on another tab) it stays as it was: nothing is built or rendered for
 * it each year, and it shows the year playback is on when its tab opens.
 */
export function useListGroups(
  index: AtlasIndex,
  view: AtlasView,
  playYear: number | null,
  lang: Lang,
  sort: ListSort,
  listLimit: number,
  comparison: Comparison | null = null,
  hidden = false,
): { groups: ListGroup[]; year: ListYear | null } {
  // Deferred only while playing: outside playback a deferred copy would cost a second render of the page per change.
  // The year goes with its view, so the list can say which year it lists when it is behind the counts (issue 26).
  const frozen = playYear !== null && hidden;
  const current = useMemo(() => ({ view, year: playYear }), [view, playYear]);
  const deferred = useDeferredValue<{ view: AtlasView; year: number | null } | null>(playYear !== null && !hidden ? current : null, null);
  const kept = useRef(current);
  const shown = playYear === null ? current : frozen ? kept.current : (deferred ?? current);
  kept.current = shown;
  const groups = useMemo(
    () => (comparison ? compareListGroups(index, shown.view, comparison, lang, sort, listLimit) : listGroups(index, shown.view, lang, sort, listLimit)),
    [index, shown.view, lang, sort, listLimit, comparison],
  );
  const live = useMemo(() => (shown.year === null || playYear === null ? null : { list: shown.year, playback: playYear }), [shown.year, playYear]);
  const keptYear = useRef(live);
  const year = frozen ? keptYear.current : live;
  keptYear.current = year;
  return { groups, year };
}
