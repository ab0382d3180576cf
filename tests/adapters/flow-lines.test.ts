import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowLines, GeometryCache } from '../../src/domain/map-data';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import { ARC_POINTS } from '../../src/domain/flows';
import { parseDataset } from '../../src/domain/schema';
import { computeView } from '../../src/domain/view';

const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
const viewFor = (yearRange: [number, number] | null) => computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, yearRange }));

describe('flowLines', () => {
  it('one line per partner city, from home, continuous, reusing each arc across updates', () => {
    const all = viewFor(null);
    // One cache per map model builder (src/domain/map-model.ts): the arcs live as long as the map.
    const cache = new GeometryCache();
    const lines = flowLines(index, all.passing, all.tally.agreements, cache);
    expect(new Set(lines.features.map((f) => f.properties.place)).size).toBe(lines.features.length);
    const { lng, lat } = index.dataset.homes[0]!;
    for (const f of lines.features) {
      expect(f.geometry.coordinates).toHaveLength(ARC_POINTS);
      expect(f.geometry.coordinates[0]).toEqual([lng, lat]);
      expect(f.properties.agreements).toBeGreaterThan(0);
      const lngs = f.geometry.coordinates.map(([x]) => x!);
      for (let i = 1; i < lngs.length; i++) expect(Math.abs(lngs[i]! - lngs[i - 1]!)).toBeLessThan(180);
    }
    // Playback frames build new features around the same geometries: no arc is computed twice.
    const early = viewFor([1983, 1995]);
    const again = flowLines(index, early.passing, early.tally.agreements, cache);
    const geometryOf = new Map(lines.features.map((f) => [f.properties.place, f.geometry]));
    expect(again.features.length).toBeLessThan(lines.features.length);
    for (const f of again.features) expect(f.geometry).toBe(geometryOf.get(f.properties.place));
  });
});
