// A playback year step changes what passes the filters at that year, not the timeline's bars (they ignore the year
// range: every year's bars stay) nor the partners-so-far line: the view of the next year carries them again as new
// objects with the same numbers. Handing the views the previous objects back keeps React from re-rendering the
// timeline's bars (~70 years × regions) on every year of playback (issue 29: playback by year deltas).
import type { YearCounts } from './aggregate';
import type { AtlasView } from './view';

const sameYears = (a: YearCounts, b: YearCounts): boolean =>
  a.undated === b.undated &&
  a.bins.length === b.bins.length &&
  a.bins.every((bin, n) => {
    const other = b.bins[n]!;
    if (bin.year !== other.year || bin.total !== other.total) return false;
    for (const region in bin.byRegion)
      if (bin.byRegion[region as keyof typeof bin.byRegion] !== other.byRegion[region as keyof typeof bin.byRegion]) return false;
    return true;
  });

const sameCumulative = (a: AtlasView['cumulative'], b: AtlasView['cumulative']): boolean =>
  a.length === b.length && a.every((x, n) => x.year === b[n]!.year && x.total === b[n]!.total);

/**
 * `next` with the previous view's `years` and `cumulative` objects where their numbers are the same (it is changed
 * in place and returned: a view's lazy parts are getters, which a copy would run).
 */
export function keepUnchanged(previous: AtlasView | null, next: AtlasView): AtlasView {
  if (!previous || previous === next) return next;
  if (previous.years !== next.years && sameYears(previous.years, next.years)) next.years = previous.years;
  if (previous.cumulative !== next.cumulative && sameCumulative(previous.cumulative, next.cumulative)) next.cumulative = previous.cumulative;
  return next;
}
