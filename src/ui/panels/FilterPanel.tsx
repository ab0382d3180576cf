// The filter controls: level, department (grouped, with counts), region, country, tuition waiver, search.
import { memo, useCallback, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../../domain/atlas-index';
import { departmentGroup } from '../../domain/departments';
import type { Filters, LevelFilter } from '../../domain/filters';
import { nameComparator } from '../../domain/name-order';
import type { Lang, RegionId } from '../../domain/schema';
import type { AtlasView } from '../../domain/view';
import { t } from '../../i18n/messages';
import { searchExamples } from '../../i18n/dataset-texts';
import { selectFilters } from '../../state/atlas-store';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { FilterChips } from './FilterChips';
import { agreementsItem, FacetGroup, FacetList, useCountTexts } from './FacetList';
import { ComparePicker, HomePicker, HomeSuggestions } from './HomesPanel';
import { LANDMARKS, type TabPanelAttributes } from '../focus';
import './filters.css';

const LEVELS: { value: LevelFilter; key: 'levelAll' | 'levelUniversity' | 'levelDepartment' }[] = [
  { value: 'all', key: 'levelAll' },
  { value: 'university', key: 'levelUniversity' },
  { value: 'department', key: 'levelDepartment' },
];

/**
 * The filters the panel's controls show: all but the year range (the timeline's brush and the chips show it), so a
 * year change renders the panel once, with its facet counts, not also a render ahead with the old ones (issue 29).
 */
const selectPanelFilters = ({ yearRange: _, ...rest }: Filters): Omit<Filters, 'yearRange'> => rest;

/** Memoised: the page renders it again only with new facet counts (SettledView), or when its own filters change. */
export const FilterPanel = memo(function FilterPanel({
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
  const filters = useAtlas(useShallow((s) => selectPanelFilters(selectFilters(s))));
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

  const cached = useCountTexts();

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
        // The badge counts the homes whose agreements are kept: a comparison's two (it takes the place of the ticked homes).
        <FacetGroup title={t(lang, 'homesFilter')} facet="home" lang={lang} selected={filters.compare ? filters.compare.length : filters.homes.length}>
          {() => (
            <>
              <p className="hint">{t(lang, 'homesHint')}</p>
              <HomePicker lang={lang} index={index} chosen={filters.homes} onToggle={actions.toggleHome} />
              <ComparePicker lang={lang} index={index} compare={filters.compare} />
            </>
          )}
        </FacetGroup>
      )}

      <FacetGroup title={t(lang, 'department')} facet="dept" lang={lang} selected={filters.departments.length}>
        {() => (
          <>
            <p className="hint">{t(lang, 'departmentHint')}</p>
            <p className="hint">{t(lang, 'departmentFacetHint')}</p>
            {(['faculty', 'institute'] as const).map((g) => (
              <FacetList
                key={g}
                legend={t(lang, g === 'faculty' ? 'graduateSchools' : 'institutes')}
                items={groups[g].map((d) => {
                  const counts = { own: deptCounts.get(d.id) ?? 0, shared: facets.universityWideForDepartments };
                  const key = `${lang}:d${counts.own}+${counts.shared}`;
                  return {
                    id: d.id,
                    label: lang === 'ja' ? d.ja : d.en,
                    count: cached(key, () => t(lang, 'departmentFacetCount', counts)),
                    countLabel: cached(`${key}:label`, () => t(lang, 'departmentFacetLabel', counts)),
                  };
                })}
                chosen={filters.departments}
                onToggle={actions.toggleDepartment}
                testId="dept"
              />
            ))}
          </>
        )}
      </FacetGroup>

      <FacetGroup title={t(lang, 'region')} facet="region" lang={lang} selected={filters.regions.length}>
        {() => (
          <FacetList
            legend={t(lang, 'region')}
            hiddenLegend
            items={index.dataset.regions.map((r) => agreementsItem(lang, cached, r.id, r.name[lang], regionCounts.get(r.id) ?? 0))}
            chosen={filters.regions}
            onToggle={toggleRegion}
            testId="region"
          />
        )}
      </FacetGroup>

      <FacetGroup title={t(lang, 'country')} facet="country" lang={lang} selected={filters.countries.length}>
        {() => (
          <FacetList
            legend={t(lang, 'country')}
            hiddenLegend
            scroll
            items={countries.map((c) => agreementsItem(lang, cached, c.code, c.name[lang], countryCounts.get(c.code)?.agreements ?? 0))}
            chosen={filters.countries}
            onToggle={actions.toggleCountry}
            testId="country"
          />
        )}
      </FacetGroup>
    </section>
  );
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
  // A radio group per page copy: the HTML holds the opening view prerendered in both languages, and radios of one name
  // form one group across the document, so the English copy's checked "All" unchecked the Japanese one (no level shown
  // as chosen, with JavaScript off and after hydration). Two atlases on one page get their own groups too.
  const group = `level-${lang}-${useId()}`;
  return (
    <fieldset className="field segmented">
      <legend>{t(lang, 'level')}</legend>
      {LEVELS.map((l) => (
        <label key={l.value}>
          <input type="radio" name={group} value={l.value} checked={level === l.value} onChange={() => setLevel(l.value)} data-testid={`level-${l.value}`} />
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
