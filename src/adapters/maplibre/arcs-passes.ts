// The CPU side of the arcs layer (arcs-layer.ts), pure and tested without WebGL: when the count texture must be
// drawn again, which world copies are on screen, and the order the arcs' segments are drawn in.
import { ARC_NEVER } from '../../domain/arcs';

/** What the arcs' count texture holds: drawn with this camera, canvas, arcs (their version) and up to this year. */
export interface CountState {
  matrix: ArrayLike<number>;
  width: number;
  height: number;
  version: number;
  year: number;
}

/**
 * What the count texture needs before a drawing: null when it holds the picture already; `from` -1 with `clear` to
 * count every arc again (the camera, the canvas or the arcs changed, or the playback went back); else only the arcs
 * whose first year is after `from` (a cumulative playback's next years: the counts only grow).
 */
export function countPass(held: CountState | null, wanted: CountState): { clear: boolean; from: number } | null {
  const same =
    held !== null &&
    held.width === wanted.width &&
    held.height === wanted.height &&
    held.version === wanted.version &&
    held.matrix.length === wanted.matrix.length &&
    Array.prototype.every.call(held.matrix, (v: number, i: number) => v === wanted.matrix[i]);
  if (!same) return { clear: true, from: -1 };
  if (held.year === wanted.year) return null;
  return held.year < wanted.year ? { clear: false, from: held.year } : { clear: true, from: -1 };
}

/** Web Mercator x, y in 0..1 (x past 1 east of the antimeridian, as the unwrapped longitudes go). */
export function mercator(positions: Float32Array): Float32Array {
  const out = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 2) {
    const lat = Math.max(-85, Math.min(85, positions[i + 1]!));
    out[i] = (positions[i]! + 180) / 360;
    out[i + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  }
  return out;
}

/** The smallest and largest Mercator x of the arcs (unwrapped: x may pass 1 east of the antimeridian, or be below 0). */
export function xRange(mercatorPositions: Float32Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mercatorPositions.length; i += 2) {
    const x = mercatorPositions[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return [min, max];
}

/** At most this many world copies are drawn (zoomed far out on a wide screen). */
const MAX_WORLDS = 8;

/**
 * The whole-world shifts at which arcs spanning Mercator x in [min, max] meet the view's [west, east] (Mercator x,
 * past 0..1 where the map shows world copies): every copy on screen, so that panning sideways never loses an arc.
 */
export function worldCopies(min: number, max: number, west: number, east: number): number[] {
  if (!(min <= max)) return [];
  const first = Math.floor(west - max);
  const last = Math.ceil(east - min);
  const out: number[] = [];
  for (let n = first; n <= last && out.length < MAX_WORLDS; n += 1) if (min + n <= east && max + n >= west) out.push(n);
  return out;
}

/** The segments to draw, by first year: `indices` for gl.LINES, and where each year's segments end in them. */
export interface DrawOrder {
  indices: Uint32Array;
  /** The distinct first years, ascending, and the end (in `indices`) of the segments of the arcs up to each. */
  years: number[];
  ends: number[];
}

/**
 * The segment endpoints (gl.LINES) of the arcs shown (class > 0, a first year before ARC_NEVER), ordered by first year
 * (null: all 0), so that the arcs up to a playback year, or of the years a step adds, are one range of the indices.
 */
export function drawOrder(count: number, points: number, arcClass: ArrayLike<number>, arcYear: ArrayLike<number> | null): DrawOrder {
  // Year and arc in one number (a year < 2^16, an arc < 2^32): one typed sort, ties by arc.
  const keys: number[] = [];
  for (let arc = 0; arc < count; arc += 1) {
    const year = arcYear ? arcYear[arc]! : 0;
    if (arcClass[arc]! > 0 && year !== ARC_NEVER) keys.push(year * 2 ** 32 + arc);
  }
  const sorted = Float64Array.from(keys).sort();
  const indices = new Uint32Array(sorted.length * (points - 1) * 2);
  const years: number[] = [];
  const ends: number[] = [];
  let k = 0;
  for (const key of sorted) {
    const year = Math.floor(key / 2 ** 32);
    const arc = key - year * 2 ** 32;
    if (years.length === 0 || years[years.length - 1] !== year) {
      if (years.length > 0) ends.push(k);
      years.push(year);
    }
    for (let i = 0; i < points - 1; i += 1) {
      indices[k++] = arc * points + i;
      indices[k++] = arc * points + i + 1;
    }
  }
  if (years.length > 0) ends.push(k);
  return { indices, years, ends };
}

/** Where the segments of the arcs whose first year is `year` or earlier end in the order (0: none). */
export function endAt(order: Pick<DrawOrder, 'years' | 'ends'>, year: number): number {
  let end = 0;
  for (let i = 0; i < order.years.length && order.years[i]! <= year; i += 1) end = order.ends[i]!;
  return end;
}
