// The bars of agreements per year, stacked by region in one order: the timeline (SVG), the presentation's strip (SVG)
// and the video's strip (canvas) all draw these segments, each on its own scale.
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
