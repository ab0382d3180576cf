// nearOrInside: the "within 15 km of its country" check, on a round test country whose edge distances are known.
import { geoCircle, geoDistance } from 'd3';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nearOrInside } from '../../src/pipeline/borders';
import { COAST_TOLERANCE_KM } from '../../src/pipeline/build';

const EARTH_RADIUS_KM = 6371.0088;
const DEGREES_PER_KM = 180 / Math.PI / EARTH_RADIUS_KM;
/** A country that is a disc of 1° (about 111 km) around 10°E 50°N. */
const country: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: geoCircle().center([10, 50]).radius(1).precision(1)() };
/** A point due north of the disc's edge (a meridian is a great circle, so the distance is exact). */
const northOfEdge = (km: number): [number, number] => [10, 51 + km * DEGREES_PER_KM];
/** A point due west of the disc's edge, along the parallel: off-meridian, so checked with geoDistance. */
const westOfEdge = (km: number): [number, number] => {
  let lng = 10;
  while (geoDistance([lng, 50], [10, 50]) * EARTH_RADIUS_KM < 111.195 + km) lng -= 0.001;
  return [lng, 50];
};

describe('nearOrInside (a point within the coast tolerance of its country)', () => {
  it.each([
    { where: 'the centre', point: [10, 50] as [number, number], expected: true },
    { where: '5 km north of the edge', point: northOfEdge(5), expected: true },
    { where: '12 km north of the edge', point: northOfEdge(12), expected: true },
    { where: '18 km north of the edge', point: northOfEdge(18), expected: false },
    { where: '100 km north of the edge', point: northOfEdge(100), expected: false },
    { where: '12 km west of the edge', point: westOfEdge(12), expected: true },
    { where: '18 km west of the edge', point: westOfEdge(18), expected: false },
  ])('$where: $expected', ({ point, expected }) => {
    expect(nearOrInside([country], point[0], point[1], COAST_TOLERANCE_KM)).toBe(expected);
  });

  it('is 15 km, as data/README.md states', () => {
    expect(COAST_TOLERANCE_KM).toBe(15);
  });
});
