import { describe, expect, it } from 'vitest';
import { geoDistance } from 'd3';
import { ARC_POINTS, flowPlaces, greatCircleArc, interpolateGreatCircle, unwrapLongitude, type LngLat } from '../../src/domain/flows';
import { buildIndex } from '../../src/domain/atlas-index';
import { computeView } from '../../src/domain/view';
import { evaluateFilters, DEFAULT_FILTERS } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { readFileSync } from 'node:fs';

const SENDAI: LngLat = [140.86667, 38.26667];
const PLACES: Record<string, LngLat> = {
  'Los Angeles': [-118.24368, 34.05223],
  'São Paulo': [-46.63611, -23.5475],
  London: [-0.12574, 51.50853],
  Boston: [-71.05977, 42.35843],
  Auckland: [174.76349, -36.84853],
  Honolulu: [-157.85833, 21.30694],
  Seoul: [126.9784, 37.566],
};
const rad = (d: number) => (d * Math.PI) / 180;
const toRadians = ([lng, lat]: readonly number[]) => [rad(lng!), rad(lat!)] as [number, number];

describe('greatCircleArc', () => {
  for (const [name, to] of Object.entries(PLACES)) {
    it(`Sendai → ${name}: no step over 180°, exact ends, on the great circle`, () => {
      const arc = greatCircleArc(SENDAI, to);
      expect(arc).toHaveLength(ARC_POINTS);
      expect(arc[0]).toEqual([SENDAI[0], SENDAI[1]]);
      const [endLng, endLat] = arc.at(-1)!;
      expect(endLat).toBe(to[1]);
      // The end is the place itself, or the place one whole turn away.
      expect(Number.isInteger((endLng - to[0]) / 360)).toBe(true);
      for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i]![0] - arc[i - 1]![0])).toBeLessThanOrEqual(180);
      // Evenly spaced along the shortest path: every step is 1/(n-1) of the whole distance.
      const total = geoDistance(toRadians(SENDAI).map((x) => (x * 180) / Math.PI) as [number, number], [...to] as [number, number]);
      for (let i = 1; i < arc.length; i++) expect(geoDistance(arc[i - 1]!, arc[i]!)).toBeCloseTo(total / (ARC_POINTS - 1), 6);
    });
  }

  it('goes east across the Pacific to the Americas (longitudes past 180), west to Europe', () => {
    const la = greatCircleArc(SENDAI, PLACES['Los Angeles']!);
    expect(la.at(-1)![0]).toBeCloseTo(-118.24368 + 360, 9);
    expect(Math.max(...la.map(([lng]) => lng))).toBeGreaterThan(180);
    const boston = greatCircleArc(SENDAI, PLACES.Boston!);
    expect(boston.at(-1)![0]).toBeCloseTo(288.94023, 5);
    const london = greatCircleArc(SENDAI, PLACES.London!);
    expect(london.at(-1)![0]).toBe(-0.12574);
    // Over Siberia: the arc's middle is far north of both ends.
    expect(Math.max(...london.map(([, lat]) => lat))).toBeGreaterThan(65);
    const seoul = greatCircleArc(SENDAI, PLACES.Seoul!);
    expect(seoul.at(-1)).toEqual([126.9784, 37.566]);
  });

  it('São Paulo, nearly antipodal: one continuous line, whichever way round', () => {
    const arc = greatCircleArc(SENDAI, PLACES['São Paulo']!);
    const lngs = arc.map(([lng]) => lng);
    for (let i = 1; i < lngs.length; i++) expect(Math.abs(lngs[i]! - lngs[i - 1]!)).toBeLessThan(60);
    expect([-46.63611, 313.36389].some((x) => Math.abs(lngs.at(-1)! - x) < 1e-9)).toBe(true);
  });

  it('starting past the antimeridian stays continuous (an arc from a home east of 180°)', () => {
    const arc = greatCircleArc([-170, 20], [170, 20]);
    expect(arc[0]).toEqual([-170, 20]);
    expect(arc.at(-1)![0]).toBeCloseTo(-190, 9);
    for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i]![0] - arc[i - 1]![0])).toBeLessThan(1);
  });

  it('a zero-length arc is the point repeated', () => {
    expect(greatCircleArc(SENDAI, SENDAI, 4)).toEqual(Array.from({ length: 4 }, () => [SENDAI[0], SENDAI[1]]));
  });
});

describe('unwrapLongitude', () => {
  it('moves by whole turns to within 180° of the previous point', () => {
    expect(unwrapLongitude(-179, 179)).toBe(181);
    expect(unwrapLongitude(179, -179)).toBe(-181);
    expect(unwrapLongitude(10, 370)).toBe(370);
    expect(unwrapLongitude(45, 40)).toBe(45);
  });
});

describe('flowPlaces', () => {
  const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));

  it('one place per partner city, with the filtered agreements of its institutions', () => {
    const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
    const places = flowPlaces(index, view.passing, view.tally.agreements);
    const cities = new Set(view.passing.map((n) => `${index.dataset.institutions[n]!.country}|${index.dataset.institutions[n]!.city.en}`));
    expect(places.map((p) => p.key).sort()).toEqual([...cities].sort());
    // An agreement with two partners counts for each of them, as in the institutions' own counts.
    const tallied = view.passing.reduce((sum, n) => sum + view.tally.agreements[n]!, 0);
    expect(places.reduce((sum, p) => sum + p.agreements, 0)).toBe(tallied);
    expect(places.reduce((sum, p) => sum + p.institutions, 0)).toBe(view.passing.length);
  });

  it('follows the filters: the years up to 1990 give fewer places', () => {
    const all = computeView(evaluateFilters(index, DEFAULT_FILTERS));
    const early = computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, yearRange: [1983, 1990] }));
    const earlyPlaces = flowPlaces(index, early.passing, early.tally.agreements);
    expect(earlyPlaces.length).toBeGreaterThan(0);
    expect(earlyPlaces.length).toBeLessThan(flowPlaces(index, all.passing, all.tally.agreements).length);
    expect(earlyPlaces.reduce((sum, p) => sum + p.agreements, 0)).toBe(early.passing.reduce((sum, n) => sum + early.tally.agreements[n]!, 0));
  });
});

describe('interpolateGreatCircle', () => {
  it('gives the points d3-geo’s geoInterpolate gives', async () => {
    const { geoInterpolate } = await import('d3');
    const pairs: [[number, number], [number, number]][] = [
      [
        [140.87, 38.27],
        [-122.26, 37.87],
      ],
      [
        [140.87, 38.27],
        [2.35, 48.86],
      ],
      [
        [140.87, 38.27],
        [151.2, -33.87],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ];
    for (const [from, to] of pairs) {
      const ours = interpolateGreatCircle(from, to);
      const theirs = geoInterpolate(from, to);
      for (const t of [0, 0.1, 0.5, 0.77, 1]) {
        const [a, b] = [ours(t), theirs(t)];
        expect(a[0]).toBeCloseTo(b[0], 9);
        expect(a[1]).toBeCloseTo(b[1], 9);
      }
    }
  });
});
