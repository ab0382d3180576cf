// The map as the rest of the atlas sees it: camera, flights and frames for exports. The MapLibre adapter implements
// it; share links, presentation and export code reach the map only through it (checked by .dependency-cruiser.cjs).
import type { MapModel } from '../domain/map-model';

export interface MapCamera {
  lng: number;
  lat: number;
  zoom: number;
}

/** The map's drawing surface at one moment: its canvas and its size in CSS pixels. */
export interface MapFrame {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
}

/** What a presentation slide is about: a partner institution (its place) or a country (its marker), and its name. */
export interface MapSubject {
  kind: 'institution' | 'country';
  /** The institution's id or the country's code. */
  id: string;
  lng: number;
  lat: number;
  /** The name shown beside the ring, in the page's language. */
  label: string;
}

export interface MapHandle {
  camera(): MapCamera;
  /**
   * A slow flight to a place (presentation steps). `offsetY` (CSS pixels) puts the place that far below the middle
   * of the map (negative: above), e.g. the middle of what a caption panel leaves visible.
   */
  flyTo(lng: number, lat: number, zoom: number, offsetY?: number): void;
  /**
   * Presentation mode: numbers, names and markers drawn large enough for a projector at the map's size (and
   * following its size), or back to their ordinary size.
   */
  setPresentation(on: boolean): void;
  /**
   * Kiosk mode (`autoplay=1`): numbers, names and markers drawn for the screen's size, as presentation draws them for
   * the map's (both through projectorScale), so a passer-by reads them from a distance.
   */
  setKiosk(on: boolean): void;
  /** Rings and names a slide's subject on the map; null removes it. */
  showSubject(subject: MapSubject | null): void;
  /** Back to the opening view of the whole network; `offsetY` as for flyTo. */
  resetCamera(offsetY?: number): void;
  /**
   * Redraws the map and hands its canvas to `use` in the task that drew it (video frames): the drawing buffer is not
   * kept after the page shows it, so `use` must read the canvas synchronously.
   */
  drawn<T>(use: (frame: MapFrame) => T): Promise<T>;
  /** Redraws the map at `pixelRatio`, hands the frame to `use` (synchronous, as for `drawn`), then restores the ratio (PNG at 2×). */
  capture<T>(pixelRatio: number, use: (frame: MapFrame) => T): Promise<T>;
  /** Resolves once the map has drawn everything it has been given. */
  idle(): Promise<void>;
  /**
   * Lays the map out at `width`×`height` CSS pixels drawn at `pixelRatio` (a video's exact frame size), off the page
   * and framed as the app frames it at that size, with its numbers and markers scaled for a `picture` of that many
   * device pixels (as presentation mode scales them for a screen), and runs `use`. `use` draws a model with `show`
   * (resolving once it is drawn); the page's own updates wait meanwhile. Then the map's size, pixel ratio, camera,
   * scale and the page's model are put back, even on failure.
   */
  renderAt<T>(
    size: { width: number; height: number; pixelRatio: number; picture: { width: number; height: number } },
    use: (show: (model: MapModel) => Promise<void>) => Promise<T>,
  ): Promise<T>;
  /** Where a place is drawn, in CSS pixels from the map's top left corner. */
  project(lng: number, lat: number): { x: number; y: number };
}

/** Where the map view puts its handle while it is on screen; null without WebGL or before the map exists. */
export class MapSlot {
  private handle: MapHandle | null = null;

  /** `kiosk`: every map put here draws for the screen's size (setKiosk). */
  constructor(private readonly kiosk = false) {}

  get current(): MapHandle | null {
    return this.handle;
  }

  /** The map view puts its handle here when the map is created, and null when it goes away. */
  set(handle: MapHandle | null): void {
    this.handle = handle;
    if (this.kiosk) handle?.setKiosk(true);
  }
}
