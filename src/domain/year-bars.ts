// The bars of agreements per year, stacked by region in one order and placed as rectangles (barRects): the timeline
// (SVG), the presentation's strip (SVG) and the exported pictures' strip (canvas, src/adapters/media/year-strip.ts) draw these.
import type { YearBin } from './aggregate';
import { REGION_IDS, type RegionId } from './schema';

/** One region's part of a year's bar, in agreements from the baseline: from `bottom` up to `top`. */
export interface BarSegment {
  region: RegionId;
  bottom: number;
  top: number;
}

/** A year's bar: its regions' segments, bottom first, skipping regions with no agreements. */
export function stackedSegments(bin: Pick<YearBin, 'byRegion'> | { byRegion: Partial<YearBin['byRegion']> }): BarSegment[] {
  const segments: BarSegment[] = [];
  let bottom = 0;
  for (const region of REGION_IDS) {
    const n = bin.byRegion[region] ?? 0;
    if (n === 0) continue;
    segments.push({ region, bottom, top: bottom + n });
    bottom += n;
  }
  return segments;
}

/** A region's part of a year's bar, placed: the rectangle every year-bar drawing (SVG or canvas) draws. */
export interface BarRect {
  region: RegionId;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A year's bar as rectangles, bottom first: `left` and `width` place it across, `y` maps a count of agreements to
 * the vertical position (a d3 scale, or any function). The page's timeline, the presentation's strip and the
 * exported pictures' strip all draw these.
 */
export function barRects(bin: Parameters<typeof stackedSegments>[0], left: number, width: number, y: (n: number) => number): BarRect[] {
  return stackedSegments(bin).map(({ region, bottom, top }) => ({ region, x: left, width, y: y(top), height: y(bottom) - y(top) }));
}
