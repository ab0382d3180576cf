// Filtered institutions grouped by country: the list twin of the map (and its screen-reader equivalent).
import { memo, useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../after-paint';
import type { ListGroup, ListRow, ListSort } from '../../domain/view';
import type { MatchReason } from '../../domain/relevance';
import type { Lang } from '../../domain/schema';
import { LANDMARKS, type TabPanelAttributes } from '../focus';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import './results.css';

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
 * for a frame. Not while playing: the list then follows the years through a deferred render already.
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
  const partial = complete.current !== groups && !playing && topNotPassed.current;
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

  // Selecting on the map scrolls the list to the row, once: a filter change later must not pull the list back to it.
  // A row past the first frame's is scrolled to when the rest arrive (a link's selection).
  const scrollPending = useRef<string | null>(null);
  useEffect(() => {
    scrollPending.current = selected;
  }, [selected]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: selected and partial are when to try: a new selection, and the rest of the rows
  useEffect(() => {
    const id = scrollPending.current;
    if (!id) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    if (!row && partial) return;
    scrollPending.current = null;
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected, partial]);

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
      <div className="results-body" ref={listRef} data-testid="results-list" onMouseLeave={() => hover(null)}>
        <div ref={topMark} className="results-top" aria-hidden="true" />
        {groups.length === 0 && (
          <p className="empty" data-testid="no-results">
            {query ? t(lang, 'noResultsForSearch', { query }) : t(lang, 'noResults')}
          </p>
        )}
        {groups.map((g, n) => {
          if (budget <= 0) return null;
          const rows = g.rows.slice(0, budget);
          budget -= rows.length;
          const classTitle = g.compareClass && g.compareClass !== groups[n - 1]?.compareClass ? classTitles?.[g.compareClass] : undefined;
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
                {rows.map((row) => (
                  <ResultRow key={row.institution.id} lang={lang} row={row} selected={selected === row.institution.id} />
                ))}
              </ul>
            </section>
          );
        })}
        {total > limit && (
          <button type="button" className="show-more" onClick={onShowMore} data-testid="show-more">
            {t(lang, 'showMoreInstitutions', { n: total - limit })}
          </button>
        )}
      </div>
    </section>
  );
});

/** "Sendai · signed 2005" for a year alone (an imported list's), not "1 January 2005". */
function firstSignedText(lang: Lang, city: string, signed: string, precision: ListRow['firstSignedPrecision']): string {
  if (precision === 'year') return t(lang, 'placeFirstSignedYear', { city, year: Number(signed.slice(0, 4)) });
  if (precision === 'month') return t(lang, 'placeFirstSignedMonth', { city, month: signed.slice(0, 7) });
  return t(lang, 'placeFirstSigned', { city, signed });
}

/** One institution; memoised, since a filter change re-renders the list but leaves most rows as they were. */
const ResultRow = memo(function ResultRow({ lang, row, selected }: { lang: Lang; row: ListRow; selected: boolean }) {
  const { select, hover } = useAtlasActions();
  const id = row.institution.id;
  const university = row.university > 0;
  const departments = row.department;
  const city = lang === 'ja' && row.institution.city.ja ? row.institution.city.ja : row.institution.city.en;
  return (
    <li>
      <button
        type="button"
        className={`result-row${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-id={id}
        data-testid="result-row"
        data-signed={row.firstSigned ?? undefined}
        onClick={() => select(id)}
        onMouseEnter={() => hover(id)}
        onFocus={() => hover(id)}
        onBlur={() => hover(null)}
      >
        <span className="result-name">{row.institution.name[lang]}</span>
        {row.match && (
          <span className="result-match" data-testid="result-match">
            {matchText(lang, row.match)}
          </span>
        )}
        <span className="result-meta">
          {row.firstSigned ? firstSignedText(lang, city, row.firstSigned, row.firstSignedPrecision) : city}
          {university && <span className="tag">{t(lang, 'levelUniversity')}</span>}
          {departments > 0 && <span className="tag dept">{t(lang, 'departmentAgreementsTag', { n: departments })}</span>}
        </span>
      </button>
    </li>
  );
}, sameRow);

/** Why a row matched the search, when its displayed name does not show it: an alias, a place, a near spelling. */
function matchText(lang: Lang, match: MatchReason): string {
  const text = match.text;
  if (match.tier === 'fuzzy') return t(lang, 'matchNear', { term: match.term, closeTo: match.closeTo ?? text });
  switch (match.field) {
    case 'alias':
      return t(lang, match.aliasKind === 'acronym' ? 'matchAcronym' : 'matchOtherName', { text });
    case 'name':
      return t(lang, 'matchName', { text });
    case 'city':
      return t(lang, 'matchCity', { text });
    case 'unit':
      return t(lang, 'matchUnit', { text });
    case 'country':
      return t(lang, 'matchCountry', { text });
    case 'region':
      return t(lang, 'matchRegion', { text });
  }
}

const sameMatch = (a: MatchReason | null, b: MatchReason | null) =>
  a === b ||
  (!!a && !!b && a.term === b.term && a.field === b.field && a.text === b.text && a.tier === b.tier && a.closeTo === b.closeTo && a.aliasKind === b.aliasKind);

function sameRow(a: { lang: Lang; row: ListRow; selected: boolean }, b: { lang: Lang; row: ListRow; selected: boolean }) {
  return (
    sameMatch(a.row.match, b.row.match) &&
    a.lang === b.lang &&
    a.selected === b.selected &&
    a.row.institution === b.row.institution &&
    a.row.firstSigned === b.row.firstSigned &&
    a.row.university === b.row.university &&
    a.row.department === b.row.department
  );
}
