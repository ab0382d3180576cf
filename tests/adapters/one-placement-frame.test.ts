import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { skipStalePlacementFrame } from '../../src/adapters/maplibre/one-placement-frame';

/** A style whose placement MapLibre marked stale after placing new symbol buckets in full (done) or in part. */
function fakeMap(done: boolean) {
  const style = {
    placement: { stale: false },
    pauseablePlacement: { isDone: () => done },
    _updatePlacement(_transform: unknown, _boxes: boolean, fadeDuration: number) {
      this.placement.stale = true;
      return !done || this.placement.stale || fadeDuration > 0;
    },
  };
  return { map: { style } as unknown as MapLibreMap, style };
}

describe('skipStalePlacementFrame', () => {
  it('asks for no further frame after a full placement without fade', () => {
    const { map, style } = fakeMap(true);
    expect(skipStalePlacementFrame(map)).toBe(true);
    expect(style._updatePlacement({}, false, 0)).toBe(false);
    expect(style.placement.stale).toBe(false);
  });

  it('keeps the next frame for a placement with fade or one not finished', () => {
    const faded = fakeMap(true);
    skipStalePlacementFrame(faded.map);
    expect(faded.style._updatePlacement({}, false, 300)).toBe(true);
    expect(faded.style.placement.stale).toBe(true);
    const partial = fakeMap(false);
    skipStalePlacementFrame(partial.map);
    expect(partial.style._updatePlacement({}, false, 0)).toBe(true);
  });

  it('leaves a map without these internals alone', () => {
    expect(skipStalePlacementFrame({ style: {} } as unknown as MapLibreMap)).toBe(false);
  });
});
