// A MapLibre internal, touched like skip-sky-pass.ts. With no symbol fade (fadeDuration 0) MapLibre places every
// label afresh at each frame, with the tiles' current buckets. When a frame's tiles brought new symbol buckets (every
// setData of the country markers), it still marks that placement stale, and staleness asks for one more frame: a
// second drawing of the same picture, ~50 ms of GPU-process CPU with software GL, behind each filter change (issue 28,
// stop 38: 2 render events per change where 1 draws it all). Here a placement completed in its frame without fade is
// not stale. If a MapLibre release changes these internals, the map keeps working with the extra frame, and the
// controller logs a `partner-atlas:` warning (an error in every browser test, tests/e2e/atlas-page.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';

interface StyleWithPlacement {
  _updatePlacement: (transform: unknown, showCollisionBoxes: boolean, fadeDuration: number, ...rest: unknown[]) => boolean;
  placement?: { stale?: boolean };
  pauseablePlacement?: { isDone(): boolean };
}

const hasPlacement = (style: unknown): style is StyleWithPlacement =>
  typeof (style as { _updatePlacement?: unknown } | undefined)?._updatePlacement === 'function';

/** Returns whether the stale-placement frame is now skipped. */
export function skipStalePlacementFrame(map: MapLibreMap): boolean {
  const style: unknown = (map as unknown as { style?: unknown }).style;
  if (!hasPlacement(style)) return false;
  const update = style._updatePlacement.bind(style);
  style._updatePlacement = (transform, showCollisionBoxes, fadeDuration, ...rest) => {
    const dirty = update(transform, showCollisionBoxes, fadeDuration, ...rest);
    const placement = style.placement;
    // Without fade, the next frame would place the same buckets again: nothing is left to draw.
    if (!dirty || fadeDuration !== 0 || !style.pauseablePlacement?.isDone() || placement?.stale !== true) return dirty;
    placement.stale = false;
    return false;
  };
  return true;
}
