// The second place that touches MapLibre internals (after skip-sky-pass.ts): map drawings that show nothing new.
// With software GL each drawing of the map costs the GPU process a few frames' time (issue 29: during playback every
// map drawing cost the page ~3 animation frames, ~65 ms), and a playback year drew the map 3–4 times for one change:
// - while the year's new data was still being parsed (the picture of the year before, drawn again);
// - after it arrived, and once more: with no symbol fade (fadeDuration 0) MapLibre places every symbol afresh in every
//   drawing; when new symbols arrived it marks that placement stale and draws again, placing them the same way.
// Both are dropped here. `style`, `painter` and their methods are @internal: if a release changes their shape the map
// keeps working and draws those frames again, and the map logs a `partner-atlas:` warning (create-map.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';

type UpdatePlacement = (transform: unknown, showCollisionBoxes: boolean, fadeDuration: number, ...rest: unknown[]) => boolean;

interface StyleWithPlacement {
  _updatePlacement: UpdatePlacement;
  pauseablePlacement?: { isDone(): boolean };
}

/** The map's internal `part` (style, painter) when it has the method `method`, else null. */
function internal<T>(map: MapLibreMap, part: string, method: string): T | null {
  const value: unknown = (map as unknown as Record<string, unknown>)[part];
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[method] === 'function' ? (value as T) : null;
}

/** Returns whether the follow-up drawing is now skipped. */
export function skipSettledPlacementFrame(map: MapLibreMap): boolean {
  const style = internal<StyleWithPlacement>(map, 'style', '_updatePlacement');
  if (!style) return false;
  const update = style._updatePlacement;
  style._updatePlacement = function (this: StyleWithPlacement, transform, showCollisionBoxes, fadeDuration, ...rest) {
    const again = update.call(this, transform, showCollisionBoxes, fadeDuration, ...rest);
    // A finished placement with no fade has nothing left to show: the next drawing would place the same symbols.
    return again && !(fadeDuration === 0 && this.pauseablePlacement?.isDone() === true);
  };
  return true;
}

interface PainterWithRender {
  render(style: unknown, transform: Transformish, data: { moving?: boolean; pixelRatio?: number }): void;
}
interface Transformish {
  center?: { lng: number; lat: number };
  zoom?: number;
  width?: number;
  height?: number;
}

/** How long drawings may wait for data before the map is drawn anyway (a source that never finishes loading). */
export const DATA_WAIT_MS = 400;

/**
 * Returns whether a drawing now waits for data: once the map has been idle, a drawing asked for while a source is
 * still loading, with the camera and the canvas as last drawn, is skipped (the canvas keeps the picture last drawn)
 * until the data arrives (its arrival asks for the next drawing) or `DATA_WAIT_MS` have passed.
 */
export function drawOnceDataArrived(map: MapLibreMap): boolean {
  const painter = internal<PainterWithRender>(map, 'painter', 'render');
  if (!painter) return false;
  const render = painter.render;
  /** `waiting`: when the first drawing skipped since the last one drawn was asked for (0: none skipped). */
  const state = { idle: false, waiting: 0, view: '' };
  map.once('idle', () => (state.idle = true));
  painter.render = function (style, transform, data) {
    const view = `${transform.center?.lng},${transform.center?.lat},${transform.zoom},${transform.width},${transform.height},${data.pixelRatio}`;
    if (state.idle && !data.moving && view === state.view && !(style as { loaded?: () => boolean }).loaded?.()) {
      const now = performance.now();
      if (state.waiting === 0) state.waiting = now;
      if (now - state.waiting < DATA_WAIT_MS) return;
    }
    state.view = view;
    state.waiting = 0;
    render.call(this, style, transform, data);
  };
  return true;
}
