// The follow-up map drawing dropped by src/adapters/maplibre/quiet-frames.ts, on a fake of MapLibre's style.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { skipSettledPlacementFrame } from '../../src/adapters/maplibre/quiet-frames';

/** A style whose placement asks for another drawing (`again`), finished or not (`done`). */
function fakeMap(again: boolean, done: boolean) {
  const calls: unknown[][] = [];
  const style = {
    pauseablePlacement: { isDone: () => done },
    _updatePlacement(...args: unknown[]) {
      calls.push(args);
      return again;
    },
  };
  return { map: { style } as unknown as MapLibreMap, style, calls };
}

const place = (style: { _updatePlacement: (...args: unknown[]) => boolean }, fadeDuration: number) =>
  style._updatePlacement({ zoom: 2 }, false, fadeDuration, true, false);

describe('no second drawing for a settled placement', () => {
  it('a finished placement with no fade asks for no further drawing, and MapLibre’s own placement still runs', () => {
    const { map, style, calls } = fakeMap(true, true);
    expect(skipSettledPlacementFrame(map)).toBe(true);
    expect(place(style, 0)).toBe(false);
    expect(calls).toEqual([[{ zoom: 2 }, false, 0, true, false]]);
  });

  it('a placement still running, or fading symbols, still asks for the next drawing', () => {
    const running = fakeMap(true, false);
    skipSettledPlacementFrame(running.map);
    expect(place(running.style, 0)).toBe(true);
    const fading = fakeMap(true, true);
    skipSettledPlacementFrame(fading.map);
    expect(place(fading.style, 300)).toBe(true);
    const quiet = fakeMap(false, true);
    skipSettledPlacementFrame(quiet.map);
    expect(place(quiet.style, 0)).toBe(false);
  });

  it('says so when MapLibre’s style has another shape', () => {
    expect(skipSettledPlacementFrame({ style: {} } as unknown as MapLibreMap)).toBe(false);
    expect(skipSettledPlacementFrame({} as unknown as MapLibreMap)).toBe(false);
  });
});
