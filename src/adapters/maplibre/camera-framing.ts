// The camera as the app moves it: the opening view, framed selections, flights. The framing the app last chose is
// re-applied when the map area changes size until something else moves the map: the panels around the map settle
// after it starts, and a fit computed for the earlier size cut off part of what it framed (New Zealand, in a Russia +
// New Zealand selection).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapCamera } from '../../state/map-handle';
import { openingCamera } from './camera';

const MIN_ZOOM = 0.3;
/** MapLibre's world is 512 px wide at zoom 0. */
const TILE_SIZE = 512;

export const MAP_ZOOM_LIMITS = { minZoom: MIN_ZOOM, maxZoom: 12 } as const;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export type Framing = (animate: boolean) => void;

export class CameraFraming {
  /** The framing to re-apply on resize; null once the user (or a flight) moved the map. */
  current: Framing | null = null;

  constructor(
    private readonly map: MapLibreMap,
    followOpeningView: boolean,
    /** The home's longitude, the opening view's centre (the list's own home, not always Sendai). */
    private readonly homeLng: () => number | undefined = () => undefined,
  ) {
    if (followOpeningView) this.current = (animate) => this.openingView(animate);
    this.fitMinZoom();
    map.on('resize', () => {
      this.fitMinZoom();
      this.current?.(false);
    });
    // A move with an input event is the user's; the app's own camera moves have none.
    map.on('movestart', (e) => {
      if (e.originalEvent) this.current = null;
    });
  }

  private set(framing: Framing): void {
    this.current = framing;
    framing(true);
  }

  /** The farthest zoom out shows the world once across the map's width: never a second copy of any place. */
  private fitMinZoom(): void {
    const width = this.map.getContainer().clientWidth;
    this.map.setMinZoom(Math.max(MIN_ZOOM, Math.log2(Math.max(width, 1) / TILE_SIZE)));
  }

  private openingView(animate: boolean, offsetY = 0): void {
    const c = this.map.getContainer();
    const cam = openingCamera(c.clientWidth, c.clientHeight, this.homeLng());
    if (animate) this.map.easeTo({ center: cam.center, zoom: cam.zoom, offset: [0, offsetY], duration: reducedMotion() ? 0 : 600 });
    else if (offsetY) this.map.easeTo({ center: cam.center, zoom: cam.zoom, offset: [0, offsetY], duration: 0 });
    else this.map.jumpTo({ center: cam.center, zoom: cam.zoom });
  }

  /** `maxZoom`: no closer than the basemap can draw (a search for one place, issue 26). */
  fitCountries(bounds: [[number, number], [number, number]] | null, maxZoom = 6): void {
    if (!bounds) return;
    const [[w, s], [e, n]] = bounds;
    const pad = 2;
    const padded: [[number, number], [number, number]] = [
      [w - pad, Math.max(-80, s - pad)],
      [e + pad, Math.min(80, n + pad)],
    ];
    this.set((animate) => this.map.fitBounds(padded, { padding: 40, maxZoom: Math.min(6, maxZoom), duration: animate && !reducedMotion() ? 900 : 0 }));
  }

  /** `offsetY` (CSS pixels) puts the place that far below the middle (under a card at the map's top, on a phone). */
  flyToPoint(lng: number, lat: number, offsetY = 0): void {
    this.current = null;
    const zoom = Math.max(this.map.getZoom(), 5);
    this.map.easeTo({ center: [lng, lat], zoom, offset: [0, offsetY], duration: reducedMotion() ? 0 : 700 });
  }

  flyTo(lng: number, lat: number, zoom: number, offsetY = 0): void {
    this.current = null;
    this.map.flyTo({ center: [lng, lat], zoom, offset: [0, offsetY], duration: reducedMotion() ? 0 : 1800, essential: true });
  }

  resetCamera(offsetY = 0): void {
    this.set((animate) => this.openingView(animate, offsetY));
  }

  camera(): MapCamera {
    const c = this.map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }
}
