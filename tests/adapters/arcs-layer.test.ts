// The arcs are drawn on every world copy on screen (issue 28: panning sideways must not lose them).
import { describe, expect, it } from 'vitest';
import { worldCopies } from '../../src/adapters/maplibre/arcs-layer';

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
