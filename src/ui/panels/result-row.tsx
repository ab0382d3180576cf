// One row of the results list: an institution, why it matched the search, where and when it was first signed.
import { memo } from 'react';
import type { ListRow } from '../../domain/view';
import type { MatchReason } from '../../domain/relevance';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useAtlasActions } from '../../state/runtime';

/** "Sendai · signed 2005" for a year alone (an imported list's), not "1 January 2005". */
function firstSignedText(lang: Lang, city: string, signed: string, precision: ListRow['firstSignedPrecision']): string {
  if (precision === 'year') return t(lang, 'placeFirstSignedYear', { city, year: Number(signed.slice(0, 4)) });
  if (precision === 'month') return t(lang, 'placeFirstSignedMonth', { city, month: signed.slice(0, 7) });
  return t(lang, 'placeFirstSigned', { city, signed });
}

/** One institution; memoised, since a filter change re-renders the list but leaves most rows as they were. */
interface RowProps {
  lang: Lang;
  row: ListRow;
  selected: boolean;
  /**
   * In a windowed list (list-window.ts), the row's place among its group's institutions (1-based, of `size`), since
   * the rows around it may not be in the page; a whole list leaves them to the DOM (and a filter change that moves
   * rows up or down re-renders none of them).
   */
  pos?: number;
  size?: number;
}

export const ResultRow = memo(function ResultRow({ lang, row, selected, pos, size }: RowProps) {
  const { select, hover } = useAtlasActions();
  const id = row.institution.id;
  const university = row.university > 0;
  const departments = row.department;
  const city = lang === 'ja' && row.institution.city.ja ? row.institution.city.ja : row.institution.city.en;
  return (
    <li aria-posinset={pos} aria-setsize={size}>
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

function sameRow(a: RowProps, b: RowProps) {
  return (
    a.pos === b.pos &&
    a.size === b.size &&
    sameMatch(a.row.match, b.row.match) &&
    a.lang === b.lang &&
    a.selected === b.selected &&
    a.row.institution === b.row.institution &&
    a.row.firstSigned === b.row.firstSigned &&
    a.row.university === b.row.university &&
    a.row.department === b.row.department
  );
}
