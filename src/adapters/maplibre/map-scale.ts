// The scale the map's numbers and markers draw at: presentation mode scales with the map's size, kiosk mode with the
// screen's (the map is a part of the page there), an export with its picture's (pictureScale); 1 otherwise.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { scaledProperties } from './layers';
import { projectorScale } from './marker-layout';

/** The scale for the page's modes now, in steps of 0.05: a resize by a pixel changes nothing. */
export function screenScale(container: HTMLElement, modes: { presenting: boolean; kiosk: boolean }): number {
  const screen = container.ownerDocument.documentElement;
  const exact = Math.max(
    modes.presenting ? projectorScale(container.clientWidth, container.clientHeight) : 1,
    modes.kiosk ? projectorScale(screen.clientWidth, screen.clientHeight) : 1,
  );
  return Math.round(exact * 20) / 20;
}

/** Sets every scaled layout and paint property of the style to `scale`. */
export function applyScaledProperties(map: MapLibreMap, scale: number): void {
  const { layout, paint } = scaledProperties(scale);
  for (const [layer, name, value] of layout) map.setLayoutProperty(layer, name as never, value as never);
  for (const [layer, name, value] of paint) map.setPaintProperty(layer, name as never, value as never);
}
