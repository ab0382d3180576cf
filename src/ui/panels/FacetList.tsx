// The filter panel's facet groups: a collapsible group (rendering its rows only while open) and its checklists with
// counts. Used by FilterPanel.tsx (departments, regions, countries) and HomesPanel.tsx (homes).
import { memo, useCallback, useState, type ReactNode } from 'react';
import type { Lang } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';

/**
 * A collapsible filter group with the number chosen as a badge. It opens when something in it is chosen (a link, a
 * chip) and closes only when the person closes it: unticking the last box must not fold the list away under them.
 * Closed, it is its summary alone: the rows (`children`, called only while open) are neither built nor rendered, so a
 * filter change does not re-render a closed group's hundreds of rows (the national list's homes: 4,621 elements).
 * `facet` names the group for tests and scripts (`data-facet`), whether it is open or not.
 */
export function FacetGroup({
  lang,
  title,
  facet,
  selected,
  children,
}: {
  lang: Lang;
  title: string;
  facet: string;
  selected: number;
  children: () => ReactNode;
}) {
  const selectedLabel = t(lang, 'selectedCount', { n: selected });
  const [open, setOpen] = useState(selected > 0);
  // Adjusted while rendering (React's pattern for state that follows a prop): a newly chosen item opens the group.
  const [previous, setPrevious] = useState(selected);
  if (selected !== previous) {
    setPrevious(selected);
    if (selected > previous) setOpen(true);
  }
  return (
    <details className="field" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="facet-group" data-facet={facet}>
      <summary>
        {title}
        {selected > 0 && (
          <span className="badge" title={selectedLabel}>
            <span aria-hidden="true">{formatNumber(lang, selected)}</span>
            <span className="visually-hidden">{selectedLabel}</span>
          </span>
        )}
      </summary>
      {open && children()}
    </details>
  );
}

/** A facet row's texts: `count` is the text shown; `countLabel` says what it counts (screen readers, hover). */
export interface FacetItem {
  id: string;
  label: string;
  count: string;
  countLabel: string;
}

/**
 * Formatted count texts, kept per language and key: a filter change formats only the counts it has not seen (most
 * facet counts repeat from one change to the next). The cache belongs to the component that calls this.
 */
export function useCountTexts(): CountTexts {
  const [cache] = useState(() => new Map<string, string>());
  return useCallback<CountTexts>(
    (key, format) => {
      const texts = cache;
      let text = texts.get(key);
      if (text === undefined) {
        if (texts.size > 4000) texts.clear();
        text = format();
        texts.set(key, text);
      }
      return text;
    },
    [cache],
  );
}
/** `cached(key, format)`: the text of `key` (which names its language), formatted on first use. */
export type CountTexts = (key: string, format: () => string) => string;

/** A row counting agreements (homes, regions, countries), its texts from the cache of useCountTexts. */
export const agreementsItem = (lang: Lang, cached: CountTexts, id: string, label: string, n: number): FacetItem => ({
  id,
  label,
  count: cached(`${lang}:n${n}`, () => formatNumber(lang, n)),
  countLabel: cached(`${lang}:a${n}`, () => t(lang, 'agreementsCount', { n })),
});

interface FacetListProps {
  legend: string;
  hiddenLegend?: boolean;
  scroll?: boolean;
  items: FacetItem[];
  chosen: readonly string[];
  onToggle(id: string): void;
  /** data-testid prefix: `<testId>-<id>` on each checkbox. */
  testId: string;
}

/** Checkboxes with counts (for the other filters), one per department, region, country or home. */
export function FacetList({ legend, hiddenLegend, scroll, items, chosen, onToggle, testId }: FacetListProps) {
  return (
    <fieldset className={`checklist${scroll ? ' scroll' : ''}`}>
      <legend className={hiddenLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {items.map((item) => (
        <FacetRow
          key={item.id}
          id={item.id}
          label={item.label}
          count={item.count}
          countLabel={item.countLabel}
          checked={chosen.includes(item.id)}
          onToggle={onToggle}
          testId={testId}
        />
      ))}
    </fieldset>
  );
}

// The inputs below are memoised components of their own. A filter change re-renders the panel (every count may
// change), and React 19 rewrites the name and type of each input it updates (updateInput: six attribute
// mutations per input, ~90 inputs); a memoised input with unchanged props is left alone.

type FacetRowProps = FacetItem & { checked: boolean; onToggle(id: string): void; testId: string };

const FacetRow = memo(function FacetRow({ id, label, count, countLabel, checked, onToggle, testId }: FacetRowProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is FacetCheckbox's <input>, inside this label
    <label>
      <FacetCheckbox id={id} checked={checked} onToggle={onToggle} testId={testId} />
      <span className="grow">{label}</span>
      <span className="count" title={countLabel}>
        <span aria-hidden="true">{count}</span>
        <span className="visually-hidden">{countLabel}</span>
      </span>
    </label>
  );
});

const FacetCheckbox = memo(function FacetCheckbox({ id, checked, onToggle, testId }: Omit<FacetRowProps, 'label' | 'count' | 'countLabel'>) {
  return <input type="checkbox" checked={checked} onChange={() => onToggle(id)} data-testid={`${testId}-${id}`} />;
});
