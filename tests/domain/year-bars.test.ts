import { describe, expect, it } from 'vitest';
import { barRects, stackedSegments } from '../../src/domain/year-bars';

describe('stackedSegments', () => {
  it('stacks the regions with agreements in the one region order, bottom first, up to the year total', () => {
    const segments = stackedSegments({ byRegion: { africa: 2, asia: 3, europe: 0, 'north-america': 1 } });
    expect(segments).toEqual([
      { region: 'asia', bottom: 0, top: 3 },
      { region: 'north-america', bottom: 3, top: 4 },
      { region: 'africa', bottom: 4, top: 6 },
    ]);
  });
});

describe('barRects', () => {
  it('places the segments as rectangles on any vertical scale: the page, the strip and the exported pictures draw these', () => {
    const y = (n: number) => 100 - 10 * n;
    expect(barRects({ byRegion: { asia: 3, africa: 2 } }, 7, 5, y)).toEqual([
      { region: 'asia', x: 7, width: 5, y: 70, height: 30 },
      { region: 'africa', x: 7, width: 5, y: 50, height: 20 },
    ]);
  });
});
