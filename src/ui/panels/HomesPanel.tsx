// A many-homes atlas's panels (issue 28): the comparison picker (filter panel), its summary in words and numbers,
// and the card's "Also partners with …". None of them shows for a one-home dataset.
import { memo, useId, useMemo, useState } from 'react';
import { alsoPartners, findHomes } from '../../domain/also-partners';
import type { AtlasIndex } from '../../domain/atlas-index';
import { comparisonCounts, type Comparison } from '../../domain/compare';
import type { Filters } from '../../domain/filters';
import type { Home, Lang } from '../../domain/schema';
import { foldForSearch } from '../../domain/search';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { agreementsItem, FacetList, useCountTexts } from './FacetList';
import './homes.css';

const homeName = (index: AtlasIndex, n: number, lang: Lang) => index.homes[n]?.name[lang] ?? '';

/** Shared / only A / only B partner institutions, as numbers (data-*) and in words. */
export const CompareSummary = memo(function CompareSummary({ lang, index, comparison }: { lang: Lang; index: AtlasIndex; comparison: Comparison | null }) {
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
});

/** Up to this many homes are listed in full (a three-home list); a longer one (the national list, ~770) is searched. */
const LISTED_HOMES = 12;

/**
 * The homes filter. A short list shows every home as a checkbox row; a long one shows the chosen homes and the homes
 * whose name (Japanese, English, reading or alias) contains what is typed, at most LISTED_HOMES of them: not 770
 * rows. Each row keeps its test id (`home-<id>`) and counts all the home's agreements (its size, for choosing).
 */
export function HomePicker({ lang, index, chosen, onToggle }: { lang: Lang; index: AtlasIndex; chosen: readonly string[]; onToggle(id: string): void }) {
  const [text, setText] = useState('');
  const cached = useCountTexts();
  const statusId = useId();
  const homes = index.homes;
  const sizes = useMemo(() => {
    const perHome = new Uint32Array(homes.length);
    for (let n = 0; n < index.dataset.agreements.length; n += 1) perHome[index.homeOf[n]!]! += 1;
    return new Map(homes.map((h, n) => [h.id, perHome[n] ?? 0]));
  }, [index, homes]);
  const few = homes.length <= LISTED_HOMES;
  const matches = useMemo(() => (few ? homes : findHomes(homes, text, Number.POSITIVE_INFINITY, (h) => sizes.get(h.id) ?? 0)), [few, homes, text, sizes]);
  const rows = useMemo(() => {
    if (few) return homes;
    const picked = homes.filter((h) => chosen.includes(h.id));
    return [...picked, ...matches.filter((h) => !chosen.includes(h.id)).slice(0, LISTED_HOMES)];
  }, [few, homes, chosen, matches]);
  const status = !text
    ? t(lang, 'homesFindHint', { total: homes.length })
    : matches.length > LISTED_HOMES
      ? t(lang, 'homesFoundMore', { n: matches.length, shown: LISTED_HOMES })
      : t(lang, 'homesFound', { n: matches.length });
  return (
    <>
      {!few && (
        <label className="field home-find">
          <span>{t(lang, 'homesFind')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={statusId} data-testid="home-find" maxLength={200} />
          <span className="hint" id={statusId} role="status" data-testid="home-find-status">
            {status}
          </span>
        </label>
      )}
      <FacetList
        legend={t(lang, 'homesFilter')}
        hiddenLegend
        scroll
        items={rows.map((h) => agreementsItem(lang, cached, h.id, h.name[lang], sizes.get(h.id) ?? 0))}
        chosen={chosen}
        onToggle={onToggle}
        testId="home"
      />
    </>
  );
}

/** The home named by what is typed in a compare field: its name in either language, or its id. */
export function homeNamed(homes: readonly Home[], text: string): string | null {
  const q = foldForSearch(text);
  if (!q) return null;
  const home = homes.find((h) => h.id === text.trim() || foldForSearch(h.name.ja) === q || foldForSearch(h.name.en) === q);
  return home?.id ?? null;
}

/**
 * Two home fields and a button: starts `compare=A,B`, or ends it. Each field takes a home's name, typed in part and
 * chosen from its suggestions (a datalist of at most LISTED_HOMES matches, not 770 options per field).
 */
export function ComparePicker({ lang, index, compare }: { lang: Lang; index: AtlasIndex; compare: Filters['compare'] }) {
  const { setCompare } = useAtlasActions();
  const homes = index.homes;
  const nameOf = (id: string | undefined) => homes.find((h) => h.id === id)?.name[lang] ?? '';
  const [a, setA] = useState(() => nameOf(compare?.[0] ?? homes[0]?.id));
  const [b, setB] = useState(() => nameOf(compare?.[1] ?? homes[1]?.id));
  const hintId = useId();
  if (homes.length < 2) return null;
  const idA = homeNamed(homes, a);
  const idB = homeNamed(homes, b);
  return (
    <fieldset className="field compare-picker" aria-describedby={hintId}>
      <legend>{t(lang, 'compareLegend')}</legend>
      <p className="hint" id={hintId}>
        {t(lang, 'compareFindHint')}
      </p>
      <CompareField lang={lang} homes={homes} label={t(lang, 'compareA')} text={a} valid={idA !== null} onChange={setA} testId="compare-a" />
      <CompareField lang={lang} homes={homes} label={t(lang, 'compareB')} text={b} valid={idB !== null} onChange={setB} testId="compare-b" />
      {compare ? (
        <button type="button" onClick={() => setCompare(null)} data-testid="compare-end">
          {t(lang, 'compareEnd')}
        </button>
      ) : (
        <button
          type="button"
          disabled={idA === null || idB === null || idA === idB}
          onClick={() => idA && idB && setCompare([idA, idB])}
          data-testid="compare-start"
        >
          {t(lang, 'compareStart')}
        </button>
      )}
    </fieldset>
  );
}

function CompareField(props: {
  lang: Lang;
  homes: readonly Home[];
  label: string;
  text: string;
  valid: boolean;
  onChange(text: string): void;
  testId: string;
}) {
  const { lang, homes, label, text, valid, onChange, testId } = props;
  const listId = useId();
  const options = useMemo(() => (homes.length <= LISTED_HOMES ? homes : findHomes(homes, text, LISTED_HOMES)), [homes, text]);
  return (
    <label>
      <span>{label}</span>
      <input
        type="search"
        list={listId}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={text !== '' && !valid}
        autoComplete="off"
        maxLength={200}
        data-testid={testId}
      />
      <datalist id={listId}>
        {options.map((h) => (
          <option key={h.id} value={h.name[lang]} />
        ))}
      </datalist>
    </label>
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
export const HomeSuggestions = memo(function HomeSuggestions({ lang, index, query }: { lang: Lang; index: AtlasIndex; query: string }) {
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
});
