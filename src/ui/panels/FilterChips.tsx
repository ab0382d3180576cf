// Active filters as removable chips, plus one action that resets everything. Memoised: it follows the store, not the
// filter panel's renders with new facet counts.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex } from '../../domain/atlas-index';
import { activeFilterCount } from '../../domain/filters';
import type { Lang, RegionId } from '../../domain/schema';
import { activeFilterLabels, type FilterLabelKey } from '../../i18n/filter-labels';
import { t } from '../../i18n/messages';
import { selectFilters } from '../../state/atlas-store';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import './filter-chips.css';

export const FilterChips = memo(function FilterChips({ lang, index }: { lang: Lang; index: AtlasIndex }) {
  const filters = useAtlas(useShallow(selectFilters));
  const s = useAtlasActions();
  if (activeFilterCount(filters) === 0) return null;
  const remove = (f: FilterLabelKey) => {
    if (f.kind === 'level') s.setLevel('all');
    else if (f.kind === 'years') s.setYearRange(null);
    else if (f.kind === 'country') s.toggleCountry(f.code);
    else if (f.kind === 'region') s.toggleRegion(f.id as RegionId);
    else if (f.kind === 'department') s.toggleDepartment(f.id);
    else if (f.kind === 'waiver') s.setTuitionWaiverOnly(false);
    else if (f.kind === 'home') s.toggleHome(f.id);
    else if (f.kind === 'compare') s.setCompare(null);
    else s.setQuery('');
  };
  const chips = activeFilterLabels(lang, index, filters).map((c) => ({ ...c, remove: () => remove(c.filter) }));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of removable chips and a reset link, not a form section
    <div className="chips" role="group" aria-label={t(lang, 'activeFilters')} data-testid="filter-chips">
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
});
