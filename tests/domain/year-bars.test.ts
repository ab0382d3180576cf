import { describe, expect, it } from 'vitest';
import { stackedSegments } from '../../src/domain/year-bars';

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
