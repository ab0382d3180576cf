// A many-homes atlas's derived data for the page and the map: the comparison the filters ask for, the homes count,
// and each arc's class (src/domain/compare.ts, arcs.ts), memoised per change of the view.
import { useMemo, useState } from 'react';
import { arcValues, buildArcs, type ArcGeometry } from '../domain/arcs';
import type { AtlasIndex } from '../domain/atlas-index';
import { compareHomes, compareYearClasses, countHomes, ONLY_A, ONLY_B, SHARED, type Comparison } from '../domain/compare';
import type { YearBasis } from '../domain/active';
import type { CompareBars } from './timeline/timeline-parts';
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';
import { filterBit, type FilterEvaluation, type Filters } from '../domain/filters';

/** The comparison the filters ask for (`compare=A,B`), under the other filters and the playback year; else null. */
export function useComparison(index: AtlasIndex, compare: Filters['compare'], evaluation: FilterEvaluation): Comparison | null {
  return useMemo(() => {
    if (!compare) return null;
    const [a, b] = compare.map((id) => index.homes.findIndex((h) => h.id === id));
    if (a === undefined || b === undefined || a < 0 || b < 0) return null;
    return compareHomes(
      { links: index.links, homeOf: index.homeOf, institutionCount: index.dataset.institutions.length },
      a,
      b,
      evaluation.masks,
      filterBit('homes'),
    );
  }, [index, compare, evaluation]);
}

/** Homes with an agreement passing the filters; null for a one-home dataset (the count is then hidden). */
export function useHomeCount(index: AtlasIndex, evaluation: FilterEvaluation): number | null {
  return useMemo(() => (index.homes.length > 1 ? countHomes(index, index.homes.length, evaluation.masks) : null), [index, evaluation]);
}

/** The arcs from every home to its partners, built once per dataset; null for a one-home dataset. */
/**
 * The arcs' geometry, built the first time the lines are shown (`shown`) and kept for the dataset: building it takes
 * ~1 s for the national list's 40,000 arcs, which a page that never shows the lines does not pay for.
 */
export function useArcGeometry(index: AtlasIndex, shown = true): ArcGeometry | null {
  const [built] = useState(() => new WeakMap<AtlasIndex, ArcGeometry>());
  return useMemo(() => {
    if (!shown || index.homes.length <= 1) return null;
    const cached = built.get(index);
    if (cached) return cached;
    const geometry = buildArcs({ links: index.links, homeOf: index.homeOf, homes: index.homes, institutions: index.dataset.institutions });
    built.set(index, geometry);
    return geometry;
  }, [index, shown, built]);
}

/**
 * Each arc's class: 1 for an arc with an agreement passing the filters (at the playback year), or in a comparison
 * the partner's class (only A 1, only B 2, both 3); 0 hides it.
 */
export function arcClasses(geometry: ArcGeometry, evaluation: FilterEvaluation, comparison: Comparison | null): Uint8Array {
  if (comparison) return arcValues(geometry, comparison.linkClass);
  const passes = new Uint8Array(evaluation.masks.length);
  for (let n = 0; n < passes.length; n += 1) passes[n] = evaluation.masks[n] === 0 ? 1 : 0;
  return arcValues(geometry, passes);
}

/** The results list's part headings in a comparison: "Both", "Only A", "Only B" with the homes' names. */
export function useCompareTitles(index: AtlasIndex, comparison: Comparison | null, lang: Lang): Readonly<Record<number, string>> | null {
  return useMemo(() => {
    if (!comparison) return null;
    const name = (n: number) => index.homes[n]?.name[lang] ?? '';
    return {
      [ONLY_A]: t(lang, 'compareOnly', { home: name(comparison.a) }),
      [ONLY_B]: t(lang, 'compareOnly', { home: name(comparison.b) }),
      [SHARED]: t(lang, 'compareShared'),
    };
  }, [index, comparison, lang]);
}

/** The timeline's bars in a comparison: each year's agreements of A and B by their partner's class; null outside one. */
export function useCompareBars(
  index: AtlasIndex,
  comparison: Comparison | null,
  evaluation: FilterEvaluation,
  basis: YearBasis,
  lang: Lang,
): CompareBars | null {
  return useMemo(() => {
    if (!comparison) return null;
    const classes = compareYearClasses(index.links, comparison, evaluation.masks, filterBit('yearRange'), index.yearExtent, basis);
    const name = (n: number) => index.homes[n]?.name[lang] ?? '';
    return { classes, first: index.yearExtent[0], names: [name(comparison.a), name(comparison.b)] };
  }, [index, comparison, evaluation, basis, lang]);
}
