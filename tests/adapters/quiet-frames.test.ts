// The map drawings dropped by src/adapters/maplibre/quiet-frames.ts, on fakes of MapLibre's style and painter.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { DATA_WAIT_MS, drawOnceDataArrived, skipSettledPlacementFrame } from '../../src/adapters/maplibre/quiet-frames';

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

/** A map whose painter counts its drawings; `idle()` fires the map's first 'idle'. */
function fakePainterMap() {
  const drawn: unknown[] = [];
  let onIdle = () => {};
  const painter = {
    render(...args: unknown[]) {
      drawn.push(args);
    },
  };
  const map = {
    painter,
    once: (type: string, listener: () => void) => {
      if (type === 'idle') onIdle = listener;
    },
  } as unknown as MapLibreMap;
  return { map, painter, drawn, idle: () => onIdle() };
}

const view = { center: { lng: 10, lat: 20 }, zoom: 2, width: 800, height: 500 };
const style = (loaded: boolean) => ({ loaded: () => loaded });

describe('no drawing while the data is on its way', () => {
  it('once idle, a drawing with the same camera while a source loads waits for the data, at most DATA_WAIT_MS', () => {
    vi.useFakeTimers();
    try {
      const { map, painter, drawn, idle } = fakePainterMap();
      expect(drawOnceDataArrived(map)).toBe(true);
      // Before the first idle every drawing is made, loading or not.
      painter.render(style(false), view, { pixelRatio: 1 });
      idle();
      painter.render(style(false), view, { pixelRatio: 1 });
      expect(drawn).toHaveLength(1);
      vi.advanceTimersByTime(DATA_WAIT_MS - 50);
      painter.render(style(false), view, { pixelRatio: 1 });
      expect(drawn).toHaveLength(1);
      // Loaded: drawn.
      painter.render(style(true), view, { pixelRatio: 1 });
      expect(drawn).toHaveLength(2);
      // Still loading after DATA_WAIT_MS: drawn anyway.
      painter.render(style(false), view, { pixelRatio: 1 });
      vi.advanceTimersByTime(DATA_WAIT_MS);
      painter.render(style(false), view, { pixelRatio: 1 });
      expect(drawn).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a moving camera, another camera, another size or pixel ratio is drawn while a source loads', () => {
    const { map, painter, drawn, idle } = fakePainterMap();
    drawOnceDataArrived(map);
    idle();
    painter.render(style(true), view, { pixelRatio: 1 });
    painter.render(style(false), view, { pixelRatio: 1, moving: true });
    painter.render(style(false), { ...view, zoom: 3 }, { pixelRatio: 1 });
    painter.render(style(false), { ...view, zoom: 3, width: 1920 }, { pixelRatio: 1 });
    painter.render(style(false), { ...view, zoom: 3, width: 1920 }, { pixelRatio: 2 });
    expect(drawn).toHaveLength(5);
  });
});
