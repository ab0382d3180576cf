// The filter controls: level, department (grouped, with counts), region, country, tuition waiver, search.
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../../domain/atlas-index';
import { departmentGroup } from '../../domain/departments';
import type { LevelFilter } from '../../domain/filters';
import { nameComparator } from '../../domain/name-order';
import type { Lang, RegionId } from '../../domain/schema';
import type { AtlasView } from '../../domain/view';
import { formatNumber, t } from '../../i18n/messages';
import { searchExamples } from '../../i18n/dataset-texts';
import { selectFilters } from '../../state/atlas-store';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { FilterChips } from './FilterChips';
import { ComparePicker, HomeSuggestions } from './HomesPanel';
import { LANDMARKS, type TabPanelAttributes } from '../focus';
import './filters.css';

const LEVELS: { value: LevelFilter; key: 'levelAll' | 'levelUniversity' | 'levelDepartment' }[] = [
  { value: 'all', key: 'levelAll' },
  { value: 'university', key: 'levelUniversity' },
  { value: 'department', key: 'levelDepartment' },
];

export function FilterPanel({
  lang,
  index,
  facets,
  tabPanel,
}: {
  lang: Lang;
  index: AtlasIndex;
  tabPanel?: TabPanelAttributes;
  facets: Pick<AtlasView, 'departmentFacet' | 'universityWideForDepartments' | 'countryCounts' | 'regionFacet'>;
}) {
  const filters = useAtlas(useShallow(selectFilters));
  const actions = useAtlasActions();
  const toggleRegion = useCallback((id: string) => actions.toggleRegion(id as RegionId), [actions]);
  // Each control shows counts for the other filters (its own dimension left out), as in a faceted search;
  // they come from the app's one pass over the filter masks (computeView).
  const { departmentFacet: deptCounts, countryCounts, regionFacet: regionCounts } = facets;
  // Gojūon order in Japanese: by each country's reading (韓国 among the か names, not after the kana).
  const countries = useMemo(() => [...index.dataset.countries].sort(nameComparator(lang)), [index, lang]);
  const groups = useMemo(() => {
    const byGroup = { faculty: [] as typeof index.dataset.departments, institute: [] as typeof index.dataset.departments };
    for (const d of index.dataset.departments) byGroup[departmentGroup(d)].push(d);
    return byGroup;
  }, [index]);

  // Every agreement of each home (not filtered: a home's size, for choosing among ~770).
  const homeAgreements = useMemo(() => {
    const counts = new Uint32Array(index.homes.length);
    for (let n = 0; n < index.dataset.agreements.length; n += 1) counts[index.homeOf[n]!]! += 1;
    return counts;
  }, [index]);

  return (
    <section className="filters" aria-labelledby="filters-title" id={LANDMARKS.filters} {...tabPanel}>
      <h2 id="filters-title">{t(lang, 'filters')}</h2>
      <p className="hint">{t(lang, 'facetCountsHint')}</p>
      <FilterChips lang={lang} index={index} />
      <SearchField lang={lang} query={filters.query} index={index} />
      <HomeSuggestions lang={lang} index={index} query={filters.query} />
      <LevelField lang={lang} level={filters.level} />
      <WaiverField lang={lang} checked={filters.tuitionWaiverOnly} />

      {index.homes.length > 1 && (
        <FacetGroup title={t(lang, 'homesFilter')} lang={lang} selected={filters.homes.length + (filters.compare ? 1 : 0)}>
          <p className="hint">{t(lang, 'homesHint')}</p>
          <FacetList
            legend={t(lang, 'homesFilter')}
            hiddenLegend
            scroll
            items={index.homes.map((h, n) => agreementsItem(lang, h.id, h.name[lang], homeAgreements[n] ?? 0))}
            chosen={filters.homes}
            onToggle={actions.toggleHome}
            testId="home"
          />
          <ComparePicker lang={lang} index={index} compare={filters.compare} />
        </FacetGroup>
      )}

      <FacetGroup title={t(lang, 'department')} lang={lang} selected={filters.departments.length}>
        <p className="hint">{t(lang, 'departmentHint')}</p>
        <p className="hint">{t(lang, 'departmentFacetHint')}</p>
        {(['faculty', 'institute'] as const).map((g) => (
          <FacetList
            key={g}
            legend={t(lang, g === 'faculty' ? 'graduateSchools' : 'institutes')}
            items={groups[g].map((d) => {
              const counts = { own: deptCounts.get(d.id) ?? 0, shared: facets.universityWideForDepartments };
              return {
                id: d.id,
                label: lang === 'ja' ? d.ja : d.en,
                count: t(lang, 'departmentFacetCount', counts),
                countLabel: t(lang, 'departmentFacetLabel', counts),
              };
            })}
            chosen={filters.departments}
            onToggle={actions.toggleDepartment}
            testId="dept"
          />
        ))}
      </FacetGroup>

      <FacetGroup title={t(lang, 'region')} lang={lang} selected={filters.regions.length}>
        <FacetList
          legend={t(lang, 'region')}
          hiddenLegend
          items={index.dataset.regions.map((r) => agreementsItem(lang, r.id, r.name[lang], regionCounts.get(r.id) ?? 0))}
          chosen={filters.regions}
          onToggle={toggleRegion}
          testId="region"
        />
      </FacetGroup>

      <FacetGroup title={t(lang, 'country')} lang={lang} selected={filters.countries.length}>
        <FacetList
          legend={t(lang, 'country')}
          hiddenLegend
          scroll
          items={countries.map((c) => agreementsItem(lang, c.code, c.name[lang], countryCounts.get(c.code)?.agreements ?? 0))}
          chosen={filters.countries}
          onToggle={actions.toggleCountry}
          testId="country"
        />
      </FacetGroup>
    </section>
  );
}

/** A row counting agreements (regions, countries). */
const agreementsItem = (lang: Lang, id: string, label: string, n: number) => ({
  id,
  label,
  count: formatNumber(lang, n),
  countLabel: t(lang, 'agreementsCount', { n }),
});

/**
 * A collapsible filter group with the number chosen as a badge. It opens when something in it is chosen (a link, a
 * chip) and closes only when the person closes it: unticking the last box must not fold the list away under them.
 */
function FacetGroup({ lang, title, selected, children }: { lang: Lang; title: string; selected: number; children: ReactNode }) {
  const selectedLabel = t(lang, 'selectedCount', { n: selected });
  const [open, setOpen] = useState(selected > 0);
  // Adjusted while rendering (React's pattern for state that follows a prop): a newly chosen item opens the group.
  const [previous, setPrevious] = useState(selected);
  if (selected !== previous) {
    setPrevious(selected);
    if (selected > previous) setOpen(true);
  }
  return (
    <details className="field" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="facet-group">
      <summary>
        {title}
        {selected > 0 && (
          <span className="badge" title={selectedLabel}>
            <span aria-hidden="true">{formatNumber(lang, selected)}</span>
            <span className="visually-hidden">{selectedLabel}</span>
          </span>
        )}
      </summary>
      {children}
    </details>
  );
}

interface FacetListProps {
  legend: string;
  hiddenLegend?: boolean;
  scroll?: boolean;
  /** `count` is the text shown; `countLabel` says what it counts (screen readers, hover). */
  items: { id: string; label: string; count: string; countLabel: string }[];
  chosen: readonly string[];
  onToggle(id: string): void;
  /** data-testid prefix: `<testId>-<id>` on each checkbox. */
  testId: string;
}

/** Checkboxes with counts (for the other filters), one per department, region or country. */
function FacetList({ legend, hiddenLegend, scroll, items, chosen, onToggle, testId }: FacetListProps) {
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

/** `count` is the formatted number shown; `countLabel` says what it counts, for screen readers and on hover. */
type FacetRowProps = { id: string; label: string; count: string; countLabel: string; checked: boolean; onToggle(id: string): void; testId: string };

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

const SearchField = memo(function SearchField({ lang, query, index }: { lang: Lang; query: string; index: AtlasIndex }) {
  const { setQuery } = useAtlasActions();
  // The search text is folded in idle time after the first view; if that has not finished when the box takes focus,
  // it is finished then, before the first key (~20 ms), not in the keystroke's own frame.
  const prepare = () => void index.prepareSearch(() => true);
  const placeholder = useMemo(() => searchExamples(lang, index.dataset), [lang, index]);
  return (
    <label className="field">
      <span>{t(lang, 'search')}</span>
      <input
        type="search"
        value={query}
        placeholder={placeholder}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={prepare}
        data-testid="search"
        maxLength={200}
      />
    </label>
  );
});

const LevelField = memo(function LevelField({ lang, level }: { lang: Lang; level: LevelFilter }) {
  const { setLevel } = useAtlasActions();
  return (
    <fieldset className="field segmented">
      <legend>{t(lang, 'level')}</legend>
      {LEVELS.map((l) => (
        <label key={l.value}>
          <input type="radio" name="level" value={l.value} checked={level === l.value} onChange={() => setLevel(l.value)} data-testid={`level-${l.value}`} />
          <span>{t(lang, l.key)}</span>
        </label>
      ))}
    </fieldset>
  );
});

const WaiverField = memo(function WaiverField({ lang, checked }: { lang: Lang; checked: boolean }) {
  const { setTuitionWaiverOnly } = useAtlasActions();
  return (
    <label className="field checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => setTuitionWaiverOnly(e.target.checked)} data-testid="waiver" />
      <span>
        {t(lang, 'waiverOnly')}
        <small>{t(lang, 'waiverHint')}</small>
      </span>
    </label>
  );
});
