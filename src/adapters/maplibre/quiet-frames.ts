// The second place that touches a MapLibre internal (after skip-sky-pass.ts): a map drawing that shows nothing new.
// With software GL each drawing of the map costs the GPU process a few frames' time (issue 29: during playback every
// map drawing cost the page ~3 animation frames, ~65 ms), and a playback year drew the map 3–4 times for one change.
// With no symbol fade (fadeDuration 0) MapLibre places every symbol afresh in every drawing; when new symbols arrived
// it marks that placement stale and draws once more, placing the same symbols the same way. That follow-up drawing is
// dropped here. `style` and its `_updatePlacement` are @internal: if a release changes their shape the map keeps
// working and draws the extra frame again, and the map logs a `partner-atlas:` warning (create-map.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';

type UpdatePlacement = (transform: unknown, showCollisionBoxes: boolean, fadeDuration: number, ...rest: unknown[]) => boolean;

interface StyleWithPlacement {
  _updatePlacement: UpdatePlacement;
  pauseablePlacement?: { isDone(): boolean };
}

const hasPlacement = (style: unknown): style is StyleWithPlacement =>
  typeof style === 'object' && style !== null && typeof (style as { _updatePlacement?: unknown })._updatePlacement === 'function';

/** Returns whether the follow-up drawing is now skipped. */
export function skipSettledPlacementFrame(map: MapLibreMap): boolean {
  const style: unknown = (map as unknown as { style?: unknown }).style;
  if (!hasPlacement(style)) return false;
  const update = style._updatePlacement;
  style._updatePlacement = function (this: StyleWithPlacement, transform, showCollisionBoxes, fadeDuration, ...rest) {
    const again = update.call(this, transform, showCollisionBoxes, fadeDuration, ...rest);
    // A finished placement with no fade has nothing left to show: the next drawing would place the same symbols.
    return again && !(fadeDuration === 0 && this.pauseablePlacement?.isDone() === true);
  };
  return true;
}
