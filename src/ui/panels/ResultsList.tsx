// Filtered institutions grouped by country: the list twin of the map (and its screen-reader equivalent).
import { type FocusEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { afterNextPaint } from '../after-paint';
import type { ListGroup, ListSort } from '../../domain/view';
import type { Lang } from '../../domain/schema';
import { LANDMARKS, type TabPanelAttributes } from '../focus';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { ResultRow } from './result-row';
import { useListWindow, WINDOW_FROM_ROWS } from './list-window';
import './results.css';
import './results-list.css';

interface Props {
  lang: Lang;
  groups: ListGroup[];
  /**
   * During playback: the year the rows were built for, and the year the map and the counts show. The list follows
   * the years a step behind the counts (a deferred render), so it says which year it lists (issue 26).
   */
  year?: { list: number; playback: number } | null;
  sort: ListSort;
  onSort(sort: ListSort): void;
  /** Rows shown at most (a group may hold fewer rows than its total). */
  limit: number;
  tabPanel?: TabPanelAttributes;
  onShowMore(): void;
  /** In a comparison: the heading of each class's part of the list (by ListGroup.compareClass: 1 only A, 2 only B, 3 both). */
  classTitles?: Readonly<Record<number, string>> | null;
}

/** Rows rendered at once; a larger result (synthetic 100k datasets) grows by this step on request. */
export const LIST_STEP = 500;
/**
 * Rows in a frame that shows a new result: a screenful and more. The rest follow in the next frame (issue 16: the
 * first view built ~400 rows, their dates and tags in both languages' formats, before anything was on screen; a
 * search keystroke rebuilt them all before its frame). Only while the list's top is in view or below it, where the
 * rows past a screenful are out of sight: a list scrolled past its top keeps every row, or it would lose its place
 * for a frame. Not while playing: the list then follows the years through a deferred render already. Not in a
 * windowed list (list-window.ts), which renders a screenful and a margin anyway.
 */
const FIRST_FRAME_ROWS = 60;

export const ResultsList = memo(function ResultsList({ lang, groups, year, sort, onSort, limit, onShowMore, tabPanel, classTitles }: Props) {
  const selected = useAtlas((s) => s.selected);
  const query = useAtlas((s) => s.query.trim());
  const playing = useAtlas((s) => s.playYear !== null);
  // The groups whose every row has been rendered (a re-render with them keeps every row), and whether the list's top
  // is in view or below it, kept by an intersection observer on a mark at the list's top.
  const complete = useRef<ListGroup[] | null>(null);
  const [, rendered] = useState(0);
  const topMark = useRef<HTMLDivElement>(null);
  const topNotPassed = useRef(true);
  useEffect(() => {
    const mark = topMark.current;
    if (!mark || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry) topNotPassed.current = entry.isIntersecting || entry.boundingClientRect.top >= (entry.rootBounds?.bottom ?? Number.POSITIVE_INFINITY);
    });
    observer.observe(mark);
    return () => observer.disconnect();
  }, []);
  // The list as items (each group's headings, then its rows): a long one is windowed (list-window.ts).
  const layout = useMemo(() => itemsOf(groups, classTitles), [groups, classTitles]);
  const windowed = layout.rows > WINDOW_FROM_ROWS;
  const partial = complete.current !== groups && !playing && topNotPassed.current && !windowed;
  // Idempotent, so a render React discards is harmless: at worst a later render shows every row at once.
  if (!partial) complete.current = groups;
  useEffect(() => {
    if (!partial) return;
    return afterNextPaint(() => {
      complete.current = groups;
      rendered((n) => n + 1);
    });
  }, [partial, groups]);
  let budget = partial ? Math.min(limit, FIRST_FRAME_ROWS) : limit;
  const total = groups.reduce((n, g) => n + g.total, 0);
  const hover = useAtlasActions().hover;
  const listRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const win = useListWindow(listRef, spacerRef, layout.headings, windowed, !!year);

  // Selecting on the map scrolls the list to the row, once: a filter change later must not pull the list back to it.
  // A row past the first frame's is scrolled to when the rest arrive (a link's selection).
  // In a windowed list the row is first brought into the window.
  const scrollPending = useRef<string | null>(null);
  useEffect(() => {
    scrollPending.current = selected;
  }, [selected]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: selected, partial and the window are when to try: a new selection, the rest of the rows, the row brought in
  useEffect(() => {
    const id = scrollPending.current;
    if (!id) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    if (!row && partial) return;
    const item = layout.itemOf.get(id);
    if (!row && windowed && item !== undefined) return win.reveal(item);
    scrollPending.current = null;
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected, partial, win.start, win.end]);
  // Tab and Shift+Tab walk the rows: a focused row's neighbours come into the window before the next key.
  const onFocus = (e: FocusEvent) => {
    const id = (e.target as HTMLElement).dataset.id;
    const item = id === undefined ? undefined : layout.itemOf.get(id);
    if (windowed && item !== undefined) win.reveal(item, true);
  };
  const onBlur = (e: FocusEvent) => {
    if (!listRef.current?.contains(e.relatedTarget as Node | null)) win.unpin();
  };

  return (
    <section className="results" aria-labelledby="results-title" id={LANDMARKS.results} tabIndex={-1} {...tabPanel}>
      <div className="results-head">
        <h2 id="results-title">{t(lang, 'results')}</h2>
        <label>
          <span>{t(lang, 'sortBy')}</span>{' '}
          <select value={sort} onChange={(e) => onSort(e.target.value as ListSort)} data-testid="sort">
            <option value="relevance">{t(lang, 'sortRelevance')}</option>
            <option value="name">{t(lang, 'sortName')}</option>
            <option value="date">{t(lang, 'sortDate')}</option>
          </select>
        </label>
      </div>
      {year && (
        <p className="results-year" data-testid="results-playback" data-year={year.list} data-behind={year.list !== year.playback ? 'true' : 'false'}>
          {year.list === year.playback ? t(lang, 'listAtYear', { year: year.list }) : t(lang, 'listBehind', { year: year.list })}
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: leaving the list with the mouse ends the map highlight; rows do the same on blur for keyboard users */}
      <div
        className="results-body"
        ref={listRef}
        data-testid="results-list"
        data-windowed={windowed ? 'true' : undefined}
        onMouseLeave={() => hover(null)}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <div ref={topMark} className="results-top" aria-hidden="true" />
        {groups.length === 0 && (
          <p className="empty" data-testid="no-results">
            {query ? t(lang, 'noResultsForSearch', { query }) : t(lang, 'noResults')}
          </p>
        )}
        <div ref={spacerRef} className="results-spacer" style={spacer(win.above - headingsAbove(layout, win))} aria-hidden="true" />
        {groups.map((g, n) => {
          const first = layout.firstItem[n]!;
          if (budget <= 0 || first < 0) return null;
          const count = Math.min(g.rows.length, budget);
          budget -= count;
          // The rows of this group in the window; its headings with them (sticky: they name the country scrolled through).
          const from = Math.max(0, win.start - first - 1);
          const to = Math.min(count, win.end - first - 1);
          if (to <= from && (first < win.start || first >= win.end)) return null;
          const rows = g.rows.slice(from, Math.max(from, to));
          const classTitle = layout.classTitle[n];
          return (
            <section key={g.compareClass ? `${g.compareClass}-${g.country.code}` : g.country.code} className="result-group" aria-label={g.country.name[lang]}>
              {classTitle && (
                <h3 className={`compare-part compare-class-${g.compareClass}`} data-testid={`results-compare-${g.compareClass}`}>
                  {classTitle}
                </h3>
              )}
              <h3>
                {g.country.name[lang]} <span className="count">{t(lang, 'institutionsCount', { n: g.total })}</span>
              </h3>
              <ul>
                {rows.map((row, k) => (
                  <ResultRow
                    key={row.institution.id}
                    lang={lang}
                    row={row}
                    selected={selected === row.institution.id}
                    pos={windowed ? from + k + 1 : undefined}
                    size={windowed ? g.total : undefined}
                  />
                ))}
              </ul>
            </section>
          );
        })}
        <div className="results-spacer" style={spacer(win.below)} aria-hidden="true" />
        {total > limit && (
          <button type="button" className="show-more" onClick={onShowMore} data-testid="show-more">
            {t(lang, 'showMoreInstitutions', { n: total - limit })}
          </button>
        )}
      </div>
    </section>
  );
});

interface Layout {
  /** Per item: its number of headings (a group's), or 0 for a row. */
  headings: number[];
  /** Per group: its first item (its headings; -1 for a group without rows), and its comparison part's title when the part starts there. */
  firstItem: number[];
  classTitle: (string | undefined)[];
  /** The item of each row, by institution id. */
  itemOf: Map<string, number>;
  rows: number;
}

function itemsOf(groups: ListGroup[], classTitles: Readonly<Record<number, string>> | null | undefined): Layout {
  const layout: Layout = { headings: [], firstItem: [], classTitle: [], itemOf: new Map(), rows: 0 };
  groups.forEach((g, n) => {
    // Groups past the list's limit have no rows and are not shown.
    if (g.rows.length === 0) {
      layout.firstItem.push(-1);
      layout.classTitle.push(undefined);
      return;
    }
    const classTitle = g.compareClass && g.compareClass !== groups[n - 1]?.compareClass ? classTitles?.[g.compareClass] : undefined;
    layout.firstItem.push(layout.headings.length);
    layout.classTitle.push(classTitle);
    layout.headings.push(classTitle ? 2 : 1);
    for (const row of g.rows) {
      layout.itemOf.set(row.institution.id, layout.headings.length);
      layout.headings.push(0);
    }
    layout.rows += g.rows.length;
  });
  return layout;
}

/** The headings rendered above the window's first item (its group's, shown with its rows), taken off the top spacer. */
function headingsAbove(layout: Layout, win: { start: number; heights: { heading: number } }): number {
  if (win.start === 0 || layout.headings[win.start]! > 0) return 0;
  let i = win.start;
  while (i > 0 && layout.headings[i]! === 0) i -= 1;
  return layout.headings[i]! * win.heights.heading;
}

/** A spacer's height; none at 0 (a whole list, and the prerendered page, whose CSP allows no style attribute). */
const spacer = (height: number) => (height > 0 ? { height } : undefined);
