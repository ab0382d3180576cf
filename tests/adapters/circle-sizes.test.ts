// A national list's clusters (issue 28): each point weighs CLUSTER_SIZE_FULL over the list's institutions in its
// cluster's area, so the Paris cluster no longer covers its neighbours; a one-home list's clusters are as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLUSTER_PROPERTIES, clusterRadiusPx } from '../../src/adapters/maplibre/circle-sizes';
import { MARKER_TEXT_PX, radiusForNumber } from '../../src/adapters/maplibre/marker-layout';
import { buildIndex } from '../../src/domain/atlas-index';
import type { AtlasIndex } from '../../src/domain/atlas-index';
import { CLUSTER_SIZE_FULL, clusterWeight, institutionPoints } from '../../src/domain/map-data';
import { parseDataset } from '../../src/domain/schema';

const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));

describe('cluster sizes', () => {
  it('weigh every point 1 in a one-home list (no `w` on its points), less in a national one', () => {
    expect(clusterWeight(index)).toBe(1);
    const passing = index.dataset.institutions.map((_, n) => n);
    const points = institutionPoints(index, passing, new Int32Array(passing.length).fill(1), 'en');
    expect(points.features.every((f) => f.properties.w === undefined)).toBe(true);
    const national = { dataset: { institutions: { length: 15_449 } } } as unknown as AtlasIndex;
    expect(clusterWeight(national)).toBeCloseTo(CLUSTER_SIZE_FULL / 15_449);
  });

  it('draw a one-home list’s clusters as before, a national list’s Paris (1,390 points) at ~24 px, never smaller than its number', () => {
    expect(clusterRadiusPx(30, 1)).toBeCloseTo(7 + 2.6 * Math.sqrt(30));
    expect(clusterRadiusPx(1390, 1)).toBeGreaterThan(100);
    const w = CLUSTER_SIZE_FULL / 15_449;
    expect(clusterRadiusPx(1390, 1, 1390 * w)).toBeLessThan(26);
    expect(clusterRadiusPx(12, 1, 12 * w)).toBe(radiusForNumber(12, MARKER_TEXT_PX));
  });

  it('sum the weight and each comparison class over a cluster’s points', () => {
    expect(Object.keys(CLUSTER_PROPERTIES).sort()).toEqual(['a', 'b', 's', 'w']);
  });
});
