// The arcs are drawn on every world copy on screen (issue 28: panning sideways must not lose them), and counted into
// their texture again only when the camera, the canvas or the arcs changed (issue 29: a map drawing for another reason
// reuses it; a playback year adds only its own arcs).
import { describe, expect, it } from 'vitest';
import { type CountState, countPass, drawOrder, endAt, worldCopies } from '../../src/adapters/maplibre/arcs-passes';

describe('worldCopies', () => {
  it('draws the one world when the view shows only it', () => {
    expect(worldCopies(0.2, 0.9, 0.3, 0.6)).toEqual([0]);
  });

  it('draws the copy east of the antimeridian when the view is panned past it', () => {
    // Japan → Americas arcs run to x 1.3; a view over x 1.1..1.6 (the Pacific, one world east) needs copies 0 and 1.
    expect(worldCopies(0.2, 1.3, 1.1, 1.6)).toEqual([0, 1]);
    // Panned a whole world west: copy −1 only.
    expect(worldCopies(0.2, 0.9, -0.7, -0.3)).toEqual([-1]);
  });

  it('draws every copy of a zoomed-out wide view, and at most 8', () => {
    expect(worldCopies(0.2, 1.3, -0.5, 1.5)).toEqual([-1, 0, 1]);
    expect(worldCopies(0, 1, -20, 20)).toHaveLength(8);
    expect(worldCopies(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1)).toEqual([]);
  });
});

describe('countPass', () => {
  const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const state = (over: Partial<CountState> = {}): CountState => ({ matrix: identity, width: 800, height: 600, version: 1, year: 0xffff, ...over });

  it('counts every arc the first time, and nothing again while the camera, the canvas and the arcs stay the same', () => {
    expect(countPass(null, state())).toEqual({ clear: true, from: -1 });
    // Another map drawing (a marker source's setData, a hover): the texture already holds the arcs.
    expect(countPass(state(), state({ matrix: [...identity] }))).toBeNull();
  });

  it('counts every arc again when the camera, the canvas or the arcs changed', () => {
    const moved = [...identity];
    moved[12] = 0.01;
    expect(countPass(state(), state({ matrix: moved }))).toEqual({ clear: true, from: -1 });
    expect(countPass(state(), state({ width: 801 }))).toEqual({ clear: true, from: -1 });
    expect(countPass(state(), state({ height: 599 }))).toEqual({ clear: true, from: -1 });
    expect(countPass(state(), state({ version: 2 }))).toEqual({ clear: true, from: -1 });
  });

  it('adds only the next years’ arcs in a cumulative playback, and starts again when it goes back', () => {
    expect(countPass(state({ year: 1990 }), state({ year: 1991 }))).toEqual({ clear: false, from: 1990 });
    expect(countPass(state({ year: 1990 }), state({ year: 1994 }))).toEqual({ clear: false, from: 1990 });
    expect(countPass(state({ year: 1994 }), state({ year: 1983 }))).toEqual({ clear: true, from: -1 });
    expect(countPass(state({ year: 1994 }), state({ year: 1994 }))).toBeNull();
  });
});

describe('drawOrder', () => {
  // Three points per arc: two segments, four indices. Arc 0 hidden, arc 1 from 1995, arc 2 from 1990, arc 3 never shown,
  // arc 4 from 1995.
  const classes = [0, 1, 2, 1, 3];
  const years = [1990, 1995, 1990, 0xffff, 1995];
  const segments = (arc: number) => [arc * 3, arc * 3 + 1, arc * 3 + 1, arc * 3 + 2];

  it('indexes only the arcs shown, by first year then by arc', () => {
    const order = drawOrder(5, 3, classes, years);
    expect([...order.indices]).toEqual([...segments(2), ...segments(1), ...segments(4)]);
    expect(order.years).toEqual([1990, 1995]);
    expect(order.ends).toEqual([4, 12]);
  });

  it('gives the range of the arcs up to a year, and of the years a playback step adds', () => {
    const order = drawOrder(5, 3, classes, years);
    expect(endAt(order, 1989)).toBe(0);
    expect(endAt(order, 1990)).toBe(4);
    expect(endAt(order, 1994)).toBe(4);
    expect(endAt(order, 2012)).toBe(12);
    // Outside playback (no years), every arc shown is in one range.
    const all = drawOrder(5, 3, classes, null);
    expect([...all.indices]).toEqual([...segments(1), ...segments(2), ...segments(3), ...segments(4)]);
    expect(endAt(all, 0xffff)).toBe(16);
    expect(endAt(drawOrder(5, 3, [0, 0, 0, 0, 0], null), 0xffff)).toBe(0);
  });
});
