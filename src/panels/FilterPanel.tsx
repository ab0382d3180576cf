// The filter controls: level, department (grouped, with counts), region, country, tuition waiver, search.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../domain/atlas-index';
import { departmentGroup } from '../domain/departments';
import type { LevelFilter } from '../domain/filters';
import type { Lang } from '../domain/schema';
import type { AtlasView } from '../domain/view';
import { t } from '../app/i18n';
import { selectFilters, useAtlasStore } from '../store/atlas-store';
import { FilterChips } from './FilterChips';

const LEVELS: { value: LevelFilter; key: 'levelAll' | 'levelUniversity' | 'levelDepartment' }[] = [
  { value: 'all', key: 'levelAll' },
  { value: 'university', key: 'levelUniversity' },
  { value: 'department', key: 'levelDepartment' },
];

export function FilterPanel({ lang, index, facets }: { lang: Lang; index: AtlasIndex; facets: Pick<AtlasView, 'departmentFacet' | 'countryCounts' | 'regionFacet'> }) {
  const filters = useAtlasStore(useShallow(selectFilters));
  const actions = useAtlasStore.getState();
  // Each control shows counts for the other filters (its own dimension left out), as in a faceted search;
  // they come from the app's one pass over the filter masks (computeView).
  const { departmentFacet: deptCounts, countryCounts, regionFacet: regionCounts } = facets;
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  const countries = useMemo(
    () => [...index.dataset.countries].sort((a, b) => collator.compare(a.name[lang], b.name[lang])),
    [index, lang, collator],
  );
  const groups = useMemo(() => {
    const byGroup = { faculty: [] as typeof index.dataset.departments, institute: [] as typeof index.dataset.departments };
    for (const d of index.dataset.departments) byGroup[departmentGroup(d)].push(d);
    return byGroup;
  }, [index]);

  return (
    <section className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t(lang, 'filters')}</h2>
      <FilterChips lang={lang} index={index} />

      <label className="field">
        <span>{t(lang, 'search')}</span>
        <input
          type="search"
          value={filters.query}
          placeholder={t(lang, 'searchPlaceholder')}
          onChange={(e) => actions.setQuery(e.target.value)}
          data-testid="search"
          maxLength={200}
        />
      </label>

      <fieldset className="field segmented">
        <legend>{t(lang, 'level')}</legend>
        {LEVELS.map((l) => (
          <label key={l.value}>
            <input type="radio" name="level" value={l.value} checked={filters.level === l.value} onChange={() => actions.setLevel(l.value)} data-testid={`level-${l.value}`} />
            <span>{t(lang, l.key)}</span>
          </label>
        ))}
      </fieldset>

      <label className="field checkbox">
        <input type="checkbox" checked={filters.tuitionWaiverOnly} onChange={(e) => actions.setTuitionWaiverOnly(e.target.checked)} data-testid="waiver" />
        <span>
          {t(lang, 'waiverOnly')}
          <small>{t(lang, 'waiverHint')}</small>
        </span>
      </label>

      <details className="field" open={filters.departments.length > 0 || undefined}>
        <summary>
          {t(lang, 'department')}
          {filters.departments.length > 0 && <span className="badge">{filters.departments.length}</span>}
        </summary>
        <p className="hint">{t(lang, 'departmentHint')}</p>
        {(['faculty', 'institute'] as const).map((g) => (
          <fieldset key={g} className="checklist">
            <legend>{t(lang, g === 'faculty' ? 'graduateSchools' : 'institutes')}</legend>
            {groups[g].map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={filters.departments.includes(d.id)}
                  onChange={() => actions.toggleDepartment(d.id)}
                  data-testid={`dept-${d.id}`}
                />
                <span className="grow">{lang === 'ja' ? d.ja : d.en}</span>
                <span className="count">{deptCounts.get(d.id) ?? 0}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </details>

      <details className="field" open={filters.regions.length > 0 || undefined}>
        <summary>
          {t(lang, 'region')}
          {filters.regions.length > 0 && <span className="badge">{filters.regions.length}</span>}
        </summary>
        <fieldset className="checklist">
          <legend className="visually-hidden">{t(lang, 'region')}</legend>
          {index.dataset.regions.map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={filters.regions.includes(r.id)} onChange={() => actions.toggleRegion(r.id)} data-testid={`region-${r.id}`} />
              <span className="grow">{r.name[lang]}</span>
              <span className="count">{regionCounts.get(r.id) ?? 0}</span>
            </label>
          ))}
        </fieldset>
      </details>

      <details className="field" open={filters.countries.length > 0 || undefined}>
        <summary>
          {t(lang, 'country')}
          {filters.countries.length > 0 && <span className="badge">{filters.countries.length}</span>}
        </summary>
        <fieldset className="checklist scroll">
          <legend className="visually-hidden">{t(lang, 'country')}</legend>
          {countries.map((c) => (
            <label key={c.code}>
              <input type="checkbox" checked={filters.countries.includes(c.code)} onChange={() => actions.toggleCountry(c.code)} data-testid={`country-${c.code}`} />
              <span className="grow">{c.name[lang]}</span>
              <span className="count">{countryCounts.get(c.code)?.agreements ?? 0}</span>
            </label>
          ))}
        </fieldset>
      </details>
    </section>
  );
}
