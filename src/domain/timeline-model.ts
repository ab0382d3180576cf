// Headless timeline logic: year bands, snapping a brush to whole years, clamping and keyboard steps.
import { REGION_IDS, type RegionId } from './schema';
export type YearRange = [number, number];

/** x position of the left edge of a year's band, for a linear scale over [first, last + 1]. */
export interface YearScale {
  (year: number): number;
  invert(x: number): number;
}

export function clampRange(range: YearRange, extent: YearRange): YearRange {
  const width = Math.min(range[1] - range[0], extent[1] - extent[0]);
  let start = Math.max(extent[0], Math.min(range[0], extent[1] - width));
  start = Math.round(start);
  return [start, start + Math.round(width)];
}

/** Snaps a brush selection in pixels to whole years: a year is in when at least half its band is selected. */
export function snapSelection(x0: number, x1: number, scale: YearScale, extent: YearRange): YearRange {
  const a = Math.round(scale.invert(Math.min(x0, x1)));
  const b = Math.round(scale.invert(Math.max(x0, x1))) - 1;
  const start = Math.max(extent[0], Math.min(a, extent[1]));
  const end = Math.max(start, Math.min(b, extent[1]));
  return [start, end];
}

/** Pixel extent of a year range (from the left edge of its first band to the right edge of its last). */
export function rangeToPixels(range: YearRange, scale: YearScale): [number, number] {
  return [scale(range[0]), scale(range[1] + 1)];
}

export type TimelineKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * Keyboard on the brush: arrows move the whole range by a year, shift+arrows move its end (resize),
 * Home/End move the range to the first/last years. With no range, the range starts as the full extent.
 */
export function stepRange(range: YearRange | null, key: TimelineKey, shift: boolean, extent: YearRange): YearRange {
  const current = range ?? extent;
  const delta = key === 'ArrowLeft' || key === 'ArrowDown' ? -1 : key === 'ArrowRight' || key === 'ArrowUp' ? 1 : 0;
  const width = current[1] - current[0];
  if (key === 'Home') return [extent[0], extent[0] + width];
  if (key === 'End') return [extent[1] - width, extent[1]];
  if (shift) {
    const end = Math.max(current[0], Math.min(extent[1], current[1] + delta));
    return [current[0], end];
  }
  return clampRange([current[0] + delta, current[1] + delta], extent);
}

/**
 * A brushed range as a filter: the whole extent filters nothing, so it is no filter (null). A range that merely
 * covers every dated year would still hide the undated agreements, with a label that reads like no filter at all.
 */
export function yearFilter(range: YearRange | null, extent: YearRange): YearRange | null {
  return range && range[0] <= extent[0] && range[1] >= extent[1] ? null : range;
}

/** The year whose band holds pixel `px`, or null outside the extent. */
export function yearAt(px: number, scale: YearScale, extent: YearRange): number | null {
  const year = Math.floor(scale.invert(px));
  return Number.isFinite(year) && year >= extent[0] && year <= extent[1] ? year : null;
}

/** The regions with at least one agreement in the bars, in the legend's order: a colour is explained only where it is used. */
export function regionsPresent(bins: readonly { byRegion: Record<RegionId, number> }[]): RegionId[] {
  return REGION_IDS.filter((r) => bins.some((b) => b.byRegion[r] > 0));
}
