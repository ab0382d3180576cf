// Drawing the map for an export: at another pixel ratio (PNG at 2×), or out of the page's layout at an exact size
// (video frames), and back as it was.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapFrame } from '../../state/map-handle';
import type { CameraFraming } from './camera-framing';

function mapFrame(map: MapLibreMap): MapFrame {
  const container = map.getContainer();
  return { canvas: map.getCanvas(), width: container.clientWidth, height: container.clientHeight };
}

/**
 * Redraws the map and hands its canvas to `use` in the task that drew it: the drawing buffer is not preserved
 * (create-map.ts), so once the page has shown a frame the canvas may read as blank. `use` must read it synchronously.
 * Call it once the map is idle (mapIdle): a drawing asked for while data loads may be skipped (quiet-frames.ts).
 */
export function whenDrawn<T>(map: MapLibreMap, use: (frame: MapFrame) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    map.once('render', () => {
      try {
        resolve(use(mapFrame(map)));
      } catch (e) {
        reject(e);
      }
    });
    map.triggerRepaint();
  });
}

/** Resolves once the map has drawn everything it has been given. */
export function mapIdle(map: MapLibreMap): Promise<void> {
  // A repaint first: an already idle map fires no further 'idle' event.
  const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  map.triggerRepaint();
  return idle;
}

export async function captureAt<T>(map: MapLibreMap, pixelRatio: number, use: (frame: MapFrame) => T): Promise<T> {
  const previous = map.getPixelRatio();
  try {
    if (previous !== pixelRatio) map.setPixelRatio(pixelRatio);
    await mapIdle(map);
    return await whenDrawn(map, use);
  } finally {
    if (map.getPixelRatio() !== previous) map.setPixelRatio(previous);
  }
}

export async function renderAtSize<T>(
  map: MapLibreMap,
  framing: CameraFraming,
  size: { width: number; height: number; pixelRatio: number },
  use: () => Promise<T>,
): Promise<T> {
  const container = map.getContainer();
  // Through the CSSOM only: the page's CSP (style-src 'self') blocks writing the style attribute itself.
  // Off the page, left of it: drawn over the header it covered the page (issue 26), and nothing needs to see it there.
  const layout = { position: 'fixed', left: `${-size.width - 64}px`, top: '0', width: `${size.width}px`, height: `${size.height}px`, zIndex: '900' };
  const before = Object.fromEntries(Object.keys(layout).map((key) => [key, container.style[key as keyof typeof layout]]));
  const pixelRatio = map.getPixelRatio();
  const camera = map.getCenter();
  const zoom = map.getZoom();
  const kept = framing.current;
  try {
    // Out of the page's layout at the exact size; the opening view or the
    // chosen countries are framed again for it by the resize handler.
    Object.assign(container.style, layout);
    map.setPixelRatio(size.pixelRatio);
    map.resize();
    await mapIdle(map);
    return await use();
  } finally {
    Object.assign(container.style, before);
    map.setPixelRatio(pixelRatio);
    map.resize();
    framing.current = kept;
    map.jumpTo({ center: camera, zoom });
  }
}
