// Reading the map's canvas for exports (src/adapters/maplibre/export-size.ts): the drawing buffer is not preserved
// (create-map.ts), so the canvas holds the picture only in the task that drew it. A fake map models exactly that.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { captureAt, whenDrawn } from '../../src/adapters/maplibre/export-size';

/** A map whose canvas holds its picture only while its 'render' and 'idle' listeners run (as a swapped WebGL buffer). */
function fakeMap() {
  const listeners: { type: string; listener: () => void }[] = [];
  const canvas = { holding: false, ratio: 1 };
  const state = { ratio: 1, renders: 0, pending: false };
  const fire = (type: string) => {
    for (const entry of listeners.filter((l) => l.type === type)) {
      listeners.splice(listeners.indexOf(entry), 1);
      entry.listener();
    }
  };
  const map = {
    once(type: string, listener: () => void) {
      listeners.push({ type, listener });
    },
    triggerRepaint() {
      if (state.pending) return;
      state.pending = true;
      setTimeout(() => {
        state.pending = false;
        state.renders += 1;
        Object.assign(canvas, { holding: true, ratio: state.ratio });
        fire('render');
        fire('idle');
        // The page shows the frame after this task: the buffer is then swapped away.
        canvas.holding = false;
      }, 0);
    },
    getCanvas: () => canvas,
    getContainer: () => ({ clientWidth: 800, clientHeight: 500 }),
    getPixelRatio: () => state.ratio,
    setPixelRatio(ratio: number) {
      state.ratio = ratio;
      map.triggerRepaint();
    },
  };
  return { map: map as unknown as MapLibreMap, canvas, state };
}

type FakeCanvas = ReturnType<typeof fakeMap>['canvas'];
const read = (frame: { canvas: HTMLCanvasElement; width: number; height: number }) => {
  const canvas = frame.canvas as unknown as FakeCanvas;
  return { holding: canvas.holding, ratio: canvas.ratio, width: frame.width, height: frame.height };
};

describe('reading the map canvas for an export', () => {
  it('whenDrawn redraws the map and reads the canvas while it holds the picture', async () => {
    const { map, state } = fakeMap();
    expect(await whenDrawn(map, read)).toEqual({ holding: true, ratio: 1, width: 800, height: 500 });
    expect(state.renders).toBe(1);
  });

  it('whenDrawn rejects when the reader throws', async () => {
    const { map } = fakeMap();
    await expect(
      whenDrawn(map, () => {
        throw new Error('no canvas');
      }),
    ).rejects.toThrow('no canvas');
  });

  it('captureAt reads a drawn canvas at 1× and at 2×, and puts the pixel ratio back', async () => {
    const { map, state } = fakeMap();
    expect(await captureAt(map, 1, read)).toMatchObject({ holding: true, ratio: 1 });
    expect(await captureAt(map, 2, read)).toMatchObject({ holding: true, ratio: 2 });
    expect(state.ratio).toBe(1);
  });
});
