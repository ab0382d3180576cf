// Active filters as removable chips, plus one action that resets everything.
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../../domain/atlas-index';
import { activeFilterCount } from '../../domain/filters';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { selectFilters } from '../../state/atlas-store';
import { useAtlas, useAtlasActions } from '../../state/runtime';

export function FilterChips({ lang, index }: { lang: Lang; index: AtlasIndex }) {
  const filters = useAtlas(useShallow(selectFilters));
  const s = useAtlasActions();
  if (activeFilterCount(filters) === 0) return null;
  const chips: { key: string; label: string; remove(): void }[] = [];
  if (filters.level !== 'all')
    chips.push({ key: 'level', label: t(lang, filters.level === 'university' ? 'levelUniversity' : 'levelDepartment'), remove: () => s.setLevel('all') });
  if (filters.yearRange) chips.push({ key: 'years', label: t(lang, 'signedYearsChip', { from: filters.yearRange[0], to: filters.yearRange[1] }), remove: () => s.setYearRange(null) });
  for (const code of filters.countries)
    chips.push({ key: `c-${code}`, label: index.countriesByCode.get(code)?.name[lang] ?? code, remove: () => s.toggleCountry(code) });
  for (const r of filters.regions) {
    const region = index.dataset.regions.find((x) => x.id === r);
    chips.push({ key: `r-${r}`, label: region?.name[lang] ?? r, remove: () => s.toggleRegion(r) });
  }
  for (const d of filters.departments) {
    const dept = index.departmentsById.get(d);
    chips.push({ key: `d-${d}`, label: dept ? (lang === 'ja' ? dept.ja : dept.en) : d, remove: () => s.toggleDepartment(d) });
  }
  if (filters.tuitionWaiverOnly) chips.push({ key: 'waiver', label: t(lang, 'waiver'), remove: () => s.setTuitionWaiverOnly(false) });
  if (filters.query.trim()) chips.push({ key: 'q', label: t(lang, 'queryChip', { query: filters.query.trim() }), remove: () => s.setQuery('') });
  return (
    <div className="chips" aria-label={t(lang, 'activeFilters')} data-testid="filter-chips">
      <ul>
        {chips.map((c) => (
          <li key={c.key}>
            <button type="button" className="chip" onClick={c.remove} aria-label={t(lang, 'removeFilterNamed', { filter: c.label })}>
              <span className="chip-label">{c.label}</span> <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => s.resetFilters()} data-testid="reset-all">
        {t(lang, 'resetAll')}
      </button>
    </div>
  );
}
