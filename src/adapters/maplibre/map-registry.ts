// The one live map, for features outside the map view that read it: share links (camera), exports (canvas).
import type { MapController } from './map-controller';

let active: MapController | null = null;

export function registerMap(controller: MapController | null): void {
  active = controller;
}

export function activeMap(): MapController | null {
  return active;
}

export function currentCamera(): { lng: number; lat: number; zoom: number } | null {
  if (!active) return null;
  const c = active.map.getCenter();
  return { lng: c.lng, lat: c.lat, zoom: active.map.getZoom() };
}
