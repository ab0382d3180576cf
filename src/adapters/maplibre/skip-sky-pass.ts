// The one place that touches a MapLibre internal. MapLibre 6 draws a sky quad over the whole canvas every frame,
// even with no `sky` in the style and no pitch; with software GL that pass costs 15–25 ms a frame and a shader link
// at start-up (stop 9's measurements), and this flat map (maxPitch 0) never shows a horizon. `painter` is marked
// @internal: if a MapLibre release changes its shape, the map keeps working and simply draws the pass again, and the
// controller logs a `partner-atlas:` warning, which every browser test counts as an error (tests/e2e/atlas-page.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';

interface PainterWithSky {
  drawFunctions: Record<string, unknown> & { sky: unknown };
}

const hasSkyPass = (painter: unknown): painter is PainterWithSky => {
  const fns = (painter as { drawFunctions?: unknown } | undefined)?.drawFunctions;
  return typeof fns === 'object' && fns !== null && typeof (fns as { sky?: unknown }).sky === 'function';
};

/** Returns whether the pass is now skipped. */
export function skipSkyPass(map: MapLibreMap): boolean {
  const painter: unknown = (map as unknown as { painter?: unknown }).painter;
  if (!hasSkyPass(painter)) return false;
  painter.drawFunctions = { ...painter.drawFunctions, sky: () => undefined };
  return true;
}
