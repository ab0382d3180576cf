// The MapLibre map as this atlas uses it: flat (no pitch, no rotation), no symbol fade, zoom buttons, the markers' hitbox image made on demand, and MapLibre's sky pass skipped (skip-sky-pass.ts).
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Camera } from './camera';
import { MAP_ZOOM_LIMITS } from './camera-framing';
import { HITBOX_IMAGE, HITBOX_IMAGE_PX } from './layers';
import { drawOnceDataArrived, skipSettledPlacementFrame } from './quiet-frames';
import { skipSkyPass } from './skip-sky-pass';

setWorkerUrl(workerUrl);

export { prewarm };

export function createMap(container: HTMLElement, style: StyleSpecification, start: Camera): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style,
    center: start.center,
    zoom: start.zoom,
    ...MAP_ZOOM_LIMITS,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    // A flat atlas: with no pitch there is never a horizon, so the sky pass below can be skipped.
    maxPitch: 0,
    renderWorldCopies: true,
    // No symbol fade: a filter change then costs one or two frames instead of 300 ms of continuous repaint.
    fadeDuration: 0,
    // No preserveDrawingBuffer: a kept buffer is copied on every frame the page draws instead of swapped (issue 29).
    // Exports read the canvas in the task that drew it instead (export-size.ts, whenDrawn).
  });
  if (!skipSkyPass(map)) console.warn('partner-atlas: MapLibre changed its painter; the sky pass is drawn again (slower frames)');
  if (!skipSettledPlacementFrame(map)) console.warn('partner-atlas: MapLibre changed its style; symbols are drawn twice after new data');
  if (!drawOnceDataArrived(map)) console.warn('partner-atlas: MapLibre changed its painter; the map is drawn again while data loads');
  // The style has no sprite: its one image, the markers' transparent hitbox, is made here when first needed.
  map.setMissingStyleImageResolver((id) => {
    if (id !== HITBOX_IMAGE || map.hasImage(id)) return;
    const side = HITBOX_IMAGE_PX;
    map.addImage(id, { width: side, height: side, data: new Uint8Array(side * side * 4) });
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}
