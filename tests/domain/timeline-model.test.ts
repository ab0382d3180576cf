import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { clampRange, rangeToPixels, regionsPresent, snapSelection, stepRange, yearAt, yearFilter } from '../../src/domain/timeline-model';
import { REGION_IDS, type RegionId } from '../../src/domain/schema';

const extent: [number, number] = [1983, 2012];
// 30 years over 300 px: each year is a 10 px band starting at x = (year − 1983) × 10.
const x = scaleLinear().domain([1983, 2013]).range([0, 300]);

describe('timeline model', () => {
  it('snaps a brush to whole years', () => {
    expect(snapSelection(0, 300, x, extent)).toEqual([1983, 2012]);
    expect(snapSelection(171, 268, x, extent)).toEqual([2000, 2009]);
    expect(snapSelection(268, 171, x, extent)).toEqual([2000, 2009]);
    expect(snapSelection(172, 174, x, extent)).toEqual([2000, 2000]);
    expect(snapSelection(-50, 20, x, extent)).toEqual([1983, 1984]);
  });

  it('maps a range back to pixels covering whole bands', () => {
    expect(rangeToPixels([2000, 2009], x)).toEqual([170, 270]);
  });

  it('clamps a range into the extent and keeps its width', () => {
    expect(clampRange([2008, 2015], extent)).toEqual([2005, 2012]);
    expect(clampRange([1975, 1980], extent)).toEqual([1983, 1988]);
    expect(clampRange([1900, 2100], extent)).toEqual([1983, 2012]);
  });

  it('moves with arrows, resizes with shift+arrows, jumps with Home/End', () => {
    expect(stepRange([2000, 2004], 'ArrowRight', false, extent)).toEqual([2001, 2005]);
    expect(stepRange([2000, 2004], 'ArrowLeft', false, extent)).toEqual([1999, 2003]);
    expect(stepRange([2008, 2012], 'ArrowRight', false, extent)).toEqual([2008, 2012]);
    expect(stepRange([2000, 2004], 'ArrowRight', true, extent)).toEqual([2000, 2005]);
    expect(stepRange([2000, 2004], 'ArrowLeft', true, extent)).toEqual([2000, 2003]);
    expect(stepRange([2000, 2000], 'ArrowLeft', true, extent)).toEqual([2000, 2000]);
    expect(stepRange([2000, 2004], 'Home', false, extent)).toEqual([1983, 1987]);
    expect(stepRange([2000, 2004], 'End', false, extent)).toEqual([2008, 2012]);
    expect(stepRange(null, 'ArrowLeft', true, extent)).toEqual([1983, 2011]);
  });

  it('finds the year under a pixel, and none outside the extent', () => {
    expect(yearAt(0, x, extent)).toBe(1983);
    expect(yearAt(179.9, x, extent)).toBe(2000);
    expect(yearAt(180, x, extent)).toBe(2001);
    expect(yearAt(299, x, extent)).toBe(2012);
    expect(yearAt(300, x, extent)).toBeNull();
    expect(yearAt(-1, x, extent)).toBeNull();
  });

  it('lists only the regions the bars use, in the legend order', () => {
    const bin = (counts: Partial<Record<RegionId, number>>) => ({
      byRegion: Object.fromEntries(REGION_IDS.map((r) => [r, counts[r] ?? 0])) as Record<RegionId, number>,
    });
    expect(regionsPresent([bin({ europe: 1 }), bin({ asia: 2 })])).toEqual(['asia', 'europe']);
    expect(regionsPresent([bin({})])).toEqual([]);
  });

  it('a range over every year is no filter (issue 26: one arrow key on the untouched brush hid the undated agreements)', () => {
    expect(yearFilter(stepRange(null, 'ArrowRight', false, extent), extent)).toBeNull();
    expect(yearFilter(stepRange(null, 'ArrowLeft', false, extent), extent)).toBeNull();
    expect(yearFilter([1983, 2012], extent)).toBeNull();
    expect(yearFilter([1983, 2011], extent)).toEqual([1983, 2011]);
    expect(yearFilter(stepRange(null, 'ArrowLeft', true, extent), extent)).toEqual([1983, 2011]);
    expect(yearFilter(null, extent)).toBeNull();
  });
});
