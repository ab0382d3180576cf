// A many-homes atlas's panels (issue 28): the comparison picker (filter panel), its summary in words and numbers,
// and the card's "Also partners with …". None of them shows for a one-home dataset.
import { useMemo, useState } from 'react';
import { alsoPartners, findHomes } from '../../domain/also-partners';
import type { AtlasIndex } from '../../domain/atlas-index';
import { comparisonCounts, type Comparison } from '../../domain/compare';
import type { Filters } from '../../domain/filters';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import './homes.css';

const homeName = (index: AtlasIndex, n: number, lang: Lang) => index.homes[n]?.name[lang] ?? '';

/** Shared / only A / only B partner institutions, as numbers (data-*) and in words. */
export function CompareSummary({ lang, index, comparison }: { lang: Lang; index: AtlasIndex; comparison: Comparison | null }) {
  if (!comparison) return null;
  const counts = comparisonCounts(comparison);
  const a = homeName(index, comparison.a, lang);
  const b = homeName(index, comparison.b, lang);
  return (
    <div
      className="compare-summary"
      role="status"
      data-testid="compare-summary"
      data-shared={counts.shared}
      data-only-a={counts.onlyA}
      data-only-b={counts.onlyB}
    >
      <p>{t(lang, 'compareSummary', { a, b, ...counts })}</p>
      <ul className="compare-legend">
        <li className="compare-a">{t(lang, 'compareOnly', { home: a })}</li>
        <li className="compare-shared">{t(lang, 'compareShared')}</li>
        <li className="compare-b">{t(lang, 'compareOnly', { home: b })}</li>
      </ul>
    </div>
  );
}

/** Two home pickers and a button: starts `compare=A,B`, or ends it. */
export function ComparePicker({ lang, index, compare }: { lang: Lang; index: AtlasIndex; compare: Filters['compare'] }) {
  const { setCompare } = useAtlasActions();
  const homes = index.homes;
  const [a, setA] = useState(compare?.[0] ?? homes[0]?.id ?? '');
  const [b, setB] = useState(compare?.[1] ?? homes[1]?.id ?? '');
  if (homes.length < 2) return null;
  const options = homes.map((h) => (
    <option key={h.id} value={h.id}>
      {h.name[lang]}
    </option>
  ));
  return (
    <fieldset className="field compare-picker">
      <legend>{t(lang, 'compareLegend')}</legend>
      <label>
        <span>{t(lang, 'compareA')}</span>
        <select value={a} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
          {options}
        </select>
      </label>
      <label>
        <span>{t(lang, 'compareB')}</span>
        <select value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
          {options}
        </select>
      </label>
      {compare ? (
        <button type="button" onClick={() => setCompare(null)} data-testid="compare-end">
          {t(lang, 'compareEnd')}
        </button>
      ) : (
        <button type="button" disabled={a === b} onClick={() => setCompare([a, b])} data-testid="compare-start">
          {t(lang, 'compareStart')}
        </button>
      )}
    </fieldset>
  );
}

/** The card's list of every home with an agreement with this partner (hidden for a one-home dataset). */
export function AlsoPartners({ lang, index, institutionId }: { lang: Lang; index: AtlasIndex; institutionId: string }) {
  const ties = useMemo(() => (index.homes.length > 1 ? alsoPartners(index, institutionId) : []), [index, institutionId]);
  if (ties.length === 0) return null;
  return (
    <section className="card-group-section also-partners" data-testid="also-partners" data-count={ties.length}>
      <h3>{t(lang, 'alsoPartners')}</h3>
      <p className="hint">{t(lang, 'alsoPartnersCount', { n: ties.length })}</p>
      <ul>
        {ties.map((tie) => {
          const level = t(lang, tie.level === 'university' ? 'universityWide' : 'departmentLevel');
          return (
            <li key={tie.home.id} data-home={tie.home.id}>
              <strong>{tie.home.name[lang]}</strong>{' '}
              {tie.signed ? t(lang, 'alsoPartnerSince', { level, signed: tie.signed }) : t(lang, 'alsoPartnerUndated', { level })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Homes whose names match the search box: choosing one keeps its agreements (`home=`) and clears the query. */
export function HomeSuggestions({ lang, index, query }: { lang: Lang; index: AtlasIndex; query: string }) {
  const { toggleHome, setQuery } = useAtlasActions();
  const chosen = useAtlas((s) => s.homes);
  const homes = useMemo(() => (index.homes.length > 1 ? findHomes(index.homes, query) : []), [index, query]);
  const shown = homes.filter((h) => !chosen.includes(h.id));
  if (shown.length === 0) return null;
  return (
    <ul className="home-suggestions" aria-label={t(lang, 'searchHome')} data-testid="home-suggestions">
      {shown.map((h) => (
        <li key={h.id}>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              toggleHome(h.id);
              setQuery('');
            }}
            data-testid={`home-suggestion-${h.id}`}
          >
            {t(lang, 'searchHomeChoose', { home: h.name[lang] })}
          </button>
        </li>
      ))}
    </ul>
  );
}
