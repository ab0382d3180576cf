// The box the map frames for a result, across the antimeridian when that is smaller.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import { framedPlace, resultBounds } from '../../src/domain/result-bounds';
import { parseDataset } from '../../src/domain/schema';
import { computeView } from '../../src/domain/view';

const at = (...points: [number, number][]) => points.map(([lng, lat]) => ({ lng, lat }));
const all = (n: number) => [...Array(n).keys()];

describe('resultBounds', () => {
  it('is null for no result and a point for one', () => {
    expect(resultBounds(at([2.35, 48.85]), [])).toBeNull();
    expect(resultBounds(at([2.35, 48.85]), [0])).toEqual([2.35, 48.85, 2.35, 48.85]);
  });

  it('frames Europe without crossing the antimeridian', () => {
    expect(resultBounds(at([-3.7, 40.4], [13.4, 52.5], [2.35, 48.85]), all(3))).toEqual([-3.7, 40.4, 13.4, 52.5]);
  });

  it('frames New Zealand and Chile across the Pacific (east beyond 180)', () => {
    const [west, south, east, north] = resultBounds(at([174.8, -36.8], [-70.6, -33.4]), all(2))!;
    expect([west, south, north]).toEqual([174.8, -36.8, -33.4]);
    expect(east).toBeCloseTo(289.4);
  });

  it('frames a search for Germany around Germany (real data)', () => {
    const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
    const view = computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, query: 'Germany' }));
    const [west, south, east, north] = resultBounds(index.dataset.institutions, view.passing)!;
    expect(west).toBeGreaterThan(5);
    expect(east).toBeLessThan(16);
    expect(south).toBeGreaterThan(47);
    expect(north).toBeLessThan(55.5);
  });

  it('names what a search frames: one city, one country, or nothing for several countries (issue 26)', () => {
    const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
    const place = (query: string) => framedPlace(index.dataset.institutions, computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, query })).passing);
    expect(place('KAIST')).toMatchObject({ kind: 'city', country: 'KR', city: { en: 'Daejeon' } });
    // Paris and Châtenay-Malabry: two cities, one country.
    expect(place('Paris')).toEqual({ kind: 'country', country: 'FR' });
    expect(place('Germany')).toEqual({ kind: 'country', country: 'DE' });
    expect(place('University of')).toBeNull();
    expect(framedPlace(index.dataset.institutions, [])).toBeNull();
  });
});
