// The results list of a comparison: the partners both homes have first, then only A's, then only B's, each part
// grouped by country as the ordinary list is (listGroups), under one row budget.
import type { AtlasIndex } from './atlas-index';
import { ONLY_A, ONLY_B, SHARED, type Comparison } from './compare';
import type { Lang } from './schema';
import { listGroups, type AtlasView, type ListGroup, type ListSort } from './view';

export function compareListGroups(index: AtlasIndex, view: AtlasView, comparison: Comparison, lang: Lang, sort: ListSort, limit: number): ListGroup[] {
  const out: ListGroup[] = [];
  let budget = limit;
  for (const compareClass of [SHARED, ONLY_A, ONLY_B] as const) {
    const passing = view.passing.filter((n) => comparison.institutionClass[n] === compareClass);
    if (passing.length === 0) continue;
    const institutionsPerCountry = new Map<string, number>();
    for (const n of passing) {
      const code = index.dataset.institutions[n]!.country;
      institutionsPerCountry.set(code, (institutionsPerCountry.get(code) ?? 0) + 1);
    }
    // The view with this class's partners only; its lazily built parts (relevance, links) stay the view's own.
    const part: AtlasView = Object.create(view, { passing: { value: passing }, institutionsPerCountry: { value: institutionsPerCountry } });
    for (const group of listGroups(index, part, lang, sort, Math.max(0, budget))) {
      budget -= group.rows.length;
      out.push({ ...group, compareClass });
    }
  }
  return out;
}
