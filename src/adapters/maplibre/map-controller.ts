// Owns the MapLibre map for its whole life: created once, then updated through setData / setFilter only. The
// concerns it coordinates live beside it: change detection (source-changes.ts), marker layout (marker-layout.ts),
// pulse markers, the subject's ring, camera framing, export sizing and input.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection } from 'geojson';
import type { MapModel } from '../../domain/map-model';
import type { MapCamera, MapFrame, MapHandle, MapSubject } from '../../state/map-handle';
import { ArcsOverlay, type ArcsData } from './arcs-layer';
import { homeLongitude, openingCamera, type Camera } from './camera';
import { CameraFraming, MAP_ZOOM_LIMITS } from './camera-framing';
import { captureAt, mapFrame, mapIdle, renderAtSize } from './export-size';
import { bindInput, type HoverTarget, type MapInputCallbacks } from './map-input';
import { layoutZoomOf, MarkerPlacement, pictureScale, projectorScale } from './marker-layout';
import { PulseMarkers, type PulsePoints } from './pulse-markers';
import { createStyle } from './map-style';
import { skipSkyPass } from './skip-sky-pass';
import { SourceChanges, type SourceData } from './source-changes';
import { clusterReach, SubjectRing } from './subject-ring';
import {
  COUNTRY_LEVEL_LAYERS,
  HITBOX_IMAGE,
  HITBOX_IMAGE_PX,
  INSTITUTION_LEVEL_LAYERS,
  LABEL_LAYERS,
  INSTITUTION_ZOOM,
  LAYERS,
  SOURCES,
  countryNamesFilter,
  homeTextPx,
  scaledProperties,
} from './layers';

setWorkerUrl(workerUrl);

export { prewarm };
export type { HoverTarget, SourceData };

export type { MapModel };

export interface MapCallbacks extends MapInputCallbacks {
  /** The first time the map has drawn the current data. */
  onRendered(): void;
  /** The map switched between country markers and institution points (the legend follows). */
  onLevelChange(level: MapLevel): void;
}

export type MapLevel = 'country' | 'institution';

type SourceKey = 'countryMarkers' | 'institutions' | 'highlight' | 'home' | 'flows' | 'subject';
/** In this order: the subject's ring follows its country's marker, so the markers are laid out first. */
const SOURCE_OF: Record<SourceKey, string> = {
  countryMarkers: SOURCES.countryMarkers,
  institutions: SOURCES.institutions,
  highlight: SOURCES.highlight,
  home: SOURCES.home,
  flows: SOURCES.flows,
  subject: SOURCES.subject,
};

declare global {
  interface Window {
    /** Automation hook (documented in the README): lets browser tests project coordinates to click markers. */
    __partnerAtlasMap?: MapLibreMap;
  }
}

export class MapController implements MapHandle {
  private readonly map: MapLibreMap;
  private model: MapModel;
  private readonly changes = new SourceChanges();
  private readonly markers = new MarkerPlacement();
  private readonly ring = new SubjectRing();
  private readonly pulses: PulseMarkers;
  private readonly framing: CameraFraming;
  private loaded = false;
  private rendered = false;
  private institutionLevel: boolean | null = null;
  /** The zoom the country markers are laid out for. */
  private layoutZoom: number;
  /** Presentation mode (setPresentation) and kiosk mode (setKiosk), and the scale they draw at (1 otherwise). */
  private presenting = false;
  private kiosk = false;
  private scale = 1;
  /** During renderAt: the scale of the picture being made (its numbers read as presentation's do on a screen). */
  private exporting: { scale: number } | null = null;
  /** The model the page last gave, kept while an export draws its own. */
  private pageModel: MapModel;
  /** A presentation slide's subject, ringed and named. */
  private subject: MapSubject | null = null;
  private watchingFirstFrame = false;
  /** The arcs of a many-homes atlas (arcs-layer.ts), under the country markers. */
  private arcs: ArcsOverlay | null = null;

  /**
   * The first model goes into the style itself, so the map's first load already draws the data: handing it
   * over after `load` cost one more round trip to MapLibre's workers and more frames (~0.5 s with software GL).
   */
  constructor(
    container: HTMLElement,
    basemap: FeatureCollection,
    initial: MapModel,
    private readonly callbacks: MapCallbacks,
    camera?: Camera,
  ) {
    const start = camera ?? openingCamera(container.clientWidth, container.clientHeight, homeLongitude(initial.home));
    this.model = initial;
    this.pageModel = initial;
    this.layoutZoom = layoutZoomOf(start.zoom);
    this.institutionLevel = start.zoom >= INSTITUTION_ZOOM || initial.focusCountries.length > 0;
    const data: Partial<Record<SourceKey | 'markerLeaders', FeatureCollection>> = {};
    for (const key of Object.keys(SOURCE_OF) as SourceKey[]) {
      if (!this.isVisible(key)) continue;
      data[key] = this.changes.changed(key, this.sourceValue(key)) ?? undefined;
    }
    if (data.countryMarkers) data.markerLeaders = this.markers.current?.leaders;
    this.map = new MapLibreMap({
      container,
      style: createStyle(basemap, { data, institutionLevel: this.institutionLevel }),
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
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    if (!skipSkyPass(this.map)) console.warn('partner-atlas: MapLibre changed its painter; the sky pass is drawn again (slower frames)');
    // The style has no sprite: its one image, the markers' transparent hitbox, is made here when first needed.
    this.map.setMissingStyleImageResolver((id) => {
      if (id !== HITBOX_IMAGE || this.map.hasImage(id)) return;
      const side = HITBOX_IMAGE_PX;
      this.map.addImage(id, { width: side, height: side, data: new Uint8Array(side * side * 4) });
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    performance.mark('atlas:map-created');
    this.pulses = new PulseMarkers(this.map);
    this.map.on('load', () => {
      performance.mark('atlas:map-loaded');
      this.loaded = true;
      this.applyScale();
      if (this.subject) this.showSubject(this.subject);
      this.apply(this.model, null);
      this.arcs?.loaded();
    });
    this.map.on('zoom', () => {
      this.updateLevel();
      this.relayoutMarkers(layoutZoomOf(this.map.getZoom()));
    });
    this.map.on('zoomend', () => this.relayoutMarkers(layoutZoomOf(this.map.getZoom())));
    // An institution's ring is fitted round the cluster it is drawn in, as drawn once the map is idle (this sets data
    // only when the ring changed, so it settles after one more frame).
    this.map.on('idle', () => {
      if (this.subject?.kind === 'institution') this.syncSources();
    });
    this.map.on('resize', () => this.applyScale());
    // Until something else moves it, the opening view follows the map area's size.
    this.framing = new CameraFraming(this.map, !camera, () => homeLongitude(this.model.home));
    bindInput(this.map, callbacks);
  }

  /** The page's model: drawn now, or once an export that draws its own models is done (renderAt). */
  update(model: MapModel): void {
    this.pageModel = model;
    if (this.exporting === null) this.draw(model);
  }

  private draw(model: MapModel): void {
    const previous = this.model;
    this.model = model;
    if (this.loaded) this.apply(model, previous);
  }

  /** Camera moves are the map's own state, kept out of the store. */
  fitCountries(bounds: [[number, number], [number, number]] | null, maxZoom = 6): void {
    this.framing.fitCountries(bounds, maxZoom);
  }

  /** Rings on the partners new this year (pulse-markers.ts). */
  pulse(points: PulsePoints): void {
    this.pulses.show(points, this.drawnMarkers());
  }

  flyToPoint(lng: number, lat: number, offsetY = 0): void {
    this.framing.flyToPoint(lng, lat, offsetY);
  }

  /** A slow flight to a place (presentation steps). */
  flyTo(lng: number, lat: number, zoom: number, offsetY = 0): void {
    this.framing.flyTo(lng, lat, zoom, offsetY);
  }

  resetCamera(offsetY = 0): void {
    this.framing.resetCamera(offsetY);
  }

  setPresentation(on: boolean): void {
    this.presenting = on;
    this.applyScale();
  }

  setKiosk(on: boolean): void {
    this.kiosk = on;
    this.applyScale();
  }

  showSubject(subject: MapSubject | null): void {
    this.subject = subject;
    if (!this.loaded) return;
    // A country's name is the subject's label: not twice.
    this.map.setFilter(LAYERS.countryNames, countryNamesFilter(subject?.kind === 'country' ? subject.id : null));
    this.syncSources();
  }

  level(): MapLevel {
    return this.institutionLevel ? 'institution' : 'country';
  }

  camera(): MapCamera {
    return this.framing.camera();
  }

  frame(): MapFrame {
    return mapFrame(this.map);
  }

  capture<T>(pixelRatio: number, use: (frame: MapFrame) => T | Promise<T>): Promise<T> {
    return captureAt(this.map, pixelRatio, use);
  }

  async renderAt<T>(
    size: { width: number; height: number; pixelRatio: number; picture: { width: number; height: number } },
    use: (show: (model: MapModel) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    this.exporting = { scale: pictureScale(size.picture.width, size.picture.height, size.pixelRatio) };
    this.applyScale();
    try {
      return await renderAtSize(this.map, this.framing, size, () =>
        use(async (model) => {
          this.draw(model);
          await mapIdle(this.map);
        }),
      );
    } finally {
      this.exporting = null;
      this.applyScale();
      this.draw(this.pageModel);
    }
  }

  project(lng: number, lat: number): { x: number; y: number } {
    const { x, y } = this.map.project([lng, lat]);
    return { x, y };
  }

  idle(): Promise<void> {
    return mapIdle(this.map);
  }

  /** The MapLibre map itself, for the documented automation hook (window.__partnerAtlasMap) only. */
  setArcs(data: ArcsData | null): void {
    if (!data && !this.arcs) return;
    this.arcs ??= new ArcsOverlay(this.map, LAYERS.markerLeaders, this.loaded);
    this.arcs.set(data);
  }

  automationHook(): MapLibreMap {
    return this.map;
  }

  onMapError(listener: (message: string) => void): void {
    this.map.on('error', (e) => listener(e.error?.message ?? 'unknown map error'));
  }

  destroy(): void {
    this.map.remove();
  }

  /**
   * The scale presentation mode draws at for the map's size now, and kiosk mode for the screen's (the map is a part
   * of the page there), in steps of 0.05: a resize by a pixel changes nothing.
   */
  private applyScale(): void {
    if (!this.loaded) return;
    const c = this.map.getContainer();
    const screen = c.ownerDocument.documentElement;
    const exact = Math.max(
      this.presenting ? projectorScale(c.clientWidth, c.clientHeight) : 1,
      this.kiosk ? projectorScale(screen.clientWidth, screen.clientHeight) : 1,
    );
    const scale = this.exporting?.scale ?? Math.round(exact * 20) / 20;
    if (scale === this.scale) return;
    this.scale = scale;
    const { layout, paint } = scaledProperties(scale);
    for (const [layer, name, value] of layout) this.map.setLayoutProperty(layer, name as never, value as never);
    for (const [layer, name, value] of paint) this.map.setPaintProperty(layer, name as never, value as never);
    // The markers are laid out again for their new size (sourceValue), and the subject's ring with them.
    this.syncSources();
  }

  private apply(model: MapModel, previous: MapModel | null): void {
    this.updateLevel();
    this.syncSources();
    this.setCountryState('partner', model.partnerFillIds, previous?.partnerFillIds ?? []);
    this.setCountryState('selected', model.selectedFillIds, previous?.selectedFillIds ?? []);
    if (!this.rendered) {
      this.map.once('idle', this.markRendered);
      // Or a frame drawn with the shown level's data loaded: during kiosk playback the data changes every quarter
      // second and, with software GL on a busy machine, the map may never be idle.
      if (!this.watchingFirstFrame) {
        this.watchingFirstFrame = true;
        const since = performance.now();
        const onRender = () => {
          const source = this.institutionLevel ? SOURCES.institutions : SOURCES.countryMarkers;
          // The first model went into the style, so once loaded the map has drawn data; if the data keeps changing
          // (kiosk playback at 4×), a frame two seconds on is as drawn as it will get.
          if (this.rendered || this.map.isSourceLoaded(source) || performance.now() - since > 2000) {
            this.map.off('render', onRender);
            this.markRendered();
          }
        };
        this.map.on('render', onRender);
      }
      this.map.triggerRepaint();
    }
  }

  private readonly markRendered = (): void => {
    if (this.rendered) return;
    this.rendered = true;
    this.callbacks.onRendered();
    this.showLevelLayers();
  };

  private setCountryState(key: 'partner' | 'selected', ids: readonly string[], previousIds: readonly string[]): void {
    const next = new Set(ids);
    const before = new Set(previousIds);
    for (const id of before) if (!next.has(id)) this.map.setFeatureState({ source: SOURCES.basemap, id }, { [key]: false });
    for (const id of next) if (!before.has(id)) this.map.setFeatureState({ source: SOURCES.basemap, id }, { [key]: true });
  }

  /** Sends changed data to the visible sources; a hidden level's source catches up when it is shown. */
  private syncSources(): void {
    if (!this.loaded) return;
    for (const key of Object.keys(SOURCE_OF) as SourceKey[]) {
      if (!this.isVisible(key)) continue;
      const data = this.changes.changed(key, this.sourceValue(key));
      if (!data) continue;
      (this.map.getSource(SOURCE_OF[key]) as GeoJSONSource | undefined)?.setData(data);
      const laidOut = this.markers.current;
      if (key === 'countryMarkers' && laidOut) {
        (this.map.getSource(SOURCES.markerLeaders) as GeoJSONSource | undefined)?.setData(laidOut.leaders);
        if (this.pulses.shown) this.pulses.place(this.drawnMarkers());
      }
    }
  }

  /** The country markers where the layout drew them, or null at institution level. */
  private drawnMarkers() {
    return this.institutionLevel ? null : (this.markers.current?.markers.features ?? null);
  }

  /** What a source shows: the model's data, except that country markers are first moved apart (marker-layout.ts). */
  private sourceValue(key: SourceKey): SourceData {
    if (key === 'subject') {
      const subject = this.subject;
      const marker = subject?.kind === 'country' ? this.drawnMarkers()?.find((m) => (m.properties as { code?: string }).code === subject.id) : undefined;
      const reach =
        subject?.kind === 'institution' && this.institutionLevel && this.rendered ? clusterReach(this.map, subject.lng, subject.lat, this.scale) : 0;
      return this.ring.features(subject, this.scale, marker, reach);
    }
    if (key !== 'countryMarkers') return this.model[key];
    const { countryMarkers: from, home } = this.model;
    return this.markers.layout(from, this.layoutZoom, home, this.scale, homeTextPx(this.scale)).markers as unknown as FeatureCollection;
  }

  /** Lays the country markers out again for a new zoom (while they are shown). */
  private relayoutMarkers(zoom: number): void {
    if (zoom === this.layoutZoom) return;
    this.layoutZoom = zoom;
    if (this.institutionLevel === false) this.syncSources();
  }

  private isVisible(key: SourceKey): boolean {
    if (key === 'institutions') return this.institutionLevel === true;
    if (key === 'countryMarkers') return this.institutionLevel === false;
    return true;
  }

  private updateLevel(): void {
    if (!this.loaded) return;
    const institutionLevel = this.map.getZoom() >= INSTITUTION_ZOOM || this.model.focusCountries.length > 0;
    if (institutionLevel === this.institutionLevel) return;
    this.institutionLevel = institutionLevel;
    this.callbacks.onLevelChange(institutionLevel ? 'institution' : 'country');
    this.showLevelLayers();
    this.syncSources();
    this.pulses.place(this.drawnMarkers());
  }

  /** The current level's layers visible and the other level's hidden; name labels only once the data is drawn. */
  private showLevelLayers(): void {
    const visible = (id: string, ofLevel: boolean) => (ofLevel && (this.rendered || !LABEL_LAYERS.includes(id)) ? 'visible' : 'none');
    for (const id of COUNTRY_LEVEL_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible(id, !this.institutionLevel));
    for (const id of INSTITUTION_LEVEL_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible(id, this.institutionLevel === true));
  }
}
