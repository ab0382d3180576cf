// The active filters in words, one label each: the filter chips show them, the video's subtitle names them.
import type { AtlasIndex } from '../domain/atlas-index';
import type { Filters } from '../domain/filters';
import type { Lang } from '../domain/schema';
import { t } from './messages';

export type FilterLabelKey =
  | { kind: 'level' }
  | { kind: 'years' }
  | { kind: 'country'; code: string }
  | { kind: 'region'; id: string }
  | { kind: 'department'; id: string }
  | { kind: 'waiver' }
  | { kind: 'query' }
  | { kind: 'home'; id: string }
  | { kind: 'compare' };

export interface FilterLabel {
  key: string;
  filter: FilterLabelKey;
  label: string;
}

export function activeFilterLabels(lang: Lang, index: AtlasIndex, filters: Filters): FilterLabel[] {
  const labels: FilterLabel[] = [];
  if (filters.level !== 'all')
    labels.push({ key: 'level', filter: { kind: 'level' }, label: t(lang, filters.level === 'university' ? 'levelUniversity' : 'levelDepartment') });
  if (filters.yearRange)
    labels.push({ key: 'years', filter: { kind: 'years' }, label: t(lang, 'signedYearsChip', { from: filters.yearRange[0], to: filters.yearRange[1] }) });
  for (const code of filters.countries)
    labels.push({ key: `c-${code}`, filter: { kind: 'country', code }, label: index.countriesByCode.get(code)?.name[lang] ?? code });
  for (const r of filters.regions) {
    const region = index.dataset.regions.find((x) => x.id === r);
    labels.push({ key: `r-${r}`, filter: { kind: 'region', id: r }, label: region?.name[lang] ?? r });
  }
  for (const d of filters.departments) {
    const dept = index.departmentsById.get(d);
    labels.push({ key: `d-${d}`, filter: { kind: 'department', id: d }, label: dept ? (lang === 'ja' ? dept.ja : dept.en) : d });
  }
  if (filters.tuitionWaiverOnly) labels.push({ key: 'waiver', filter: { kind: 'waiver' }, label: t(lang, 'waiver') });
  if (filters.query.trim()) labels.push({ key: 'q', filter: { kind: 'query' }, label: t(lang, 'queryChip', { query: filters.query.trim() }) });
  const homeName = (id: string) => index.homes.find((h) => h.id === id)?.name[lang] ?? id;
  for (const h of filters.homes) labels.push({ key: `h-${h}`, filter: { kind: 'home', id: h }, label: homeName(h) });
  if (filters.compare)
    labels.push({
      key: 'compare',
      filter: { kind: 'compare' },
      label: t(lang, 'compareChip', { a: homeName(filters.compare[0]), b: homeName(filters.compare[1]) }),
    });
  return labels;
}

/** One line naming the active filters (or saying there are none), for a video's or a slide's subtitle. */
export function filtersLine(lang: Lang, index: AtlasIndex, filters: Filters): string {
  const labels = activeFilterLabels(lang, index, filters).map((l) => l.label);
  if (labels.length === 0) return t(lang, 'filtersNone');
  return t(lang, 'filtersLine', { filters: new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' }).format(labels) });
}
