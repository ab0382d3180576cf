// Owns the MapLibre map for its whole life: created once, then updated through setData / setFilter only. The
// concerns it coordinates live beside it: the map's creation (create-map.ts), change detection (source-changes.ts),
// marker layout (marker-layout.ts), the drawing scale (map-scale.ts), the first render (first-render.ts), country
// state, pulse markers, the subject's ring, camera framing, export sizing and input.
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { MapModel } from '../../domain/map-model';
import type { MapCamera, MapFrame, MapHandle, MapSubject } from '../../state/map-handle';
import { ArcsOverlay, type ArcsData } from './arcs-layer';
import { homeLongitude, openingCamera, type Camera } from './camera';
import { CameraFraming } from './camera-framing';
import { createMap, prewarm } from './create-map';
import { captureAt, mapIdle, renderAtSize, whenDrawn } from './export-size';
import { bindInput, type HoverTarget, type MapInputCallbacks } from './map-input';
import { setCountryState } from './country-state';
import { FirstRender } from './first-render';
import { applyScaledProperties, screenScale } from './map-scale';
import { layoutZoomOf, MarkerPlacement, pictureScale } from './marker-layout';
import { PulseMarkers, type PulsePoints } from './pulse-markers';
import { createStyle } from './map-style';
import { SourceChanges, type SourceData } from './source-changes';
import { clusterReach, SubjectRing } from './subject-ring';
import { COUNTRY_LEVEL_LAYERS, INSTITUTION_LEVEL_LAYERS, LABEL_LAYERS, INSTITUTION_ZOOM, LAYERS, SOURCES, countryNamesFilter, homeTextPx } from './layers';

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
  /** Whether the map has drawn the page's data yet (first-render.ts); set once. */
  private rendered = false;
  private readonly firstRender: FirstRender;
  private institutionLevel: boolean | null = null;
  /** The zoom the country markers are laid out for. */
  private layoutZoom: number;
  /** Presentation mode (setPresentation) and kiosk mode (setKiosk), and the scale they draw at (1 otherwise). */
  private readonly modes = { presenting: false, kiosk: false };
  private scale = 1;
  /** During renderAt: the scale of the picture being made (its numbers read as presentation's do on a screen). */
  private exporting: { scale: number } | null = null;
  /** The model the page last gave, kept while an export draws its own. */
  private pageModel: MapModel;
  /** A presentation slide's subject, ringed and named. */
  private subject: MapSubject | null = null;
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
    const data: Partial<Record<SourceKey, FeatureCollection>> = {};
    for (const key of Object.keys(SOURCE_OF) as SourceKey[]) {
      if (!this.isVisible(key)) continue;
      data[key] = this.changes.changed(key, this.sourceValue(key)) ?? undefined;
    }
    this.map = createMap(container, createStyle(basemap, { data, institutionLevel: this.institutionLevel }), start);
    performance.mark('atlas:map-created');
    this.pulses = new PulseMarkers(this.map);
    this.firstRender = new FirstRender(
      this.map,
      () => (this.institutionLevel ? SOURCES.institutions : SOURCES.countryMarkers),
      () => this.markRendered(),
    );
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
    this.modes.presenting = on;
    this.applyScale();
  }

  setKiosk(on: boolean): void {
    this.modes.kiosk = on;
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

  drawn<T>(use: (frame: MapFrame) => T): Promise<T> {
    return whenDrawn(this.map, use);
  }

  capture<T>(pixelRatio: number, use: (frame: MapFrame) => T): Promise<T> {
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

  setArcs(data: ArcsData | null): void {
    if (!data && !this.arcs) return;
    this.arcs ??= new ArcsOverlay(this.map, LAYERS.markerLeaders, this.loaded);
    this.arcs.set(data);
  }

  /**
   * Moves the map into the page's map area: a map created before the page was hydrated (src/ui/map/early-map.ts)
   * was drawn in an element of its own outside React's tree, which now goes inside `area`, filling it.
   */
  moveInto(area: HTMLElement): void {
    const element = this.map.getContainer();
    element.style.cssText = 'position: absolute; inset: 0';
    area.append(element);
    this.map.resize();
  }

  /** The MapLibre map itself, for the documented automation hook (window.__partnerAtlasMap) only. */
  automationHook(): MapLibreMap {
    return this.map;
  }

  onMapError(listener: (message: string) => void): void {
    this.map.on('error', (e) => listener(e.error?.message ?? 'unknown map error'));
  }

  destroy(): void {
    this.map.remove();
  }

  /** The scale of the page's modes (map-scale.ts), or of the picture being exported. */
  private applyScale(): void {
    if (!this.loaded) return;
    const scale = this.exporting?.scale ?? screenScale(this.map.getContainer(), this.modes);
    if (scale === this.scale) return;
    this.scale = scale;
    applyScaledProperties(this.map, scale);
    // The markers are laid out again for their new size (sourceValue), and the subject's ring with them.
    this.syncSources();
  }

  private apply(model: MapModel, previous: MapModel | null): void {
    this.updateLevel();
    this.syncSources();
    setCountryState(this.map, SOURCES.basemap, 'partner', model.partnerFillIds, previous?.partnerFillIds ?? []);
    setCountryState(this.map, SOURCES.basemap, 'selected', model.selectedFillIds, previous?.selectedFillIds ?? []);
    this.firstRender.await();
  }

  private markRendered(): void {
    this.rendered = true;
    this.callbacks.onRendered();
    this.showLevelLayers();
  }

  /** Sends changed data to the visible sources; a hidden level's source catches up when it is shown. */
  private syncSources(): void {
    if (!this.loaded) return;
    for (const key of Object.keys(SOURCE_OF) as SourceKey[]) {
      if (!this.isVisible(key)) continue;
      const data = this.changes.changed(key, this.sourceValue(key));
      if (!data) continue;
      (this.map.getSource(SOURCE_OF[key]) as GeoJSONSource | undefined)?.setData(data);
      if (key === 'countryMarkers' && this.pulses.shown) this.pulses.place(this.drawnMarkers());
    }
  }

  /** The country markers where the layout drew them, or null at institution level. */
  private drawnMarkers() {
    return this.institutionLevel ? null : (this.markers.current?.markers.features ?? null);
  }

  /** What a source shows: the model's data, except that country markers are first moved apart, with leader lines to where they were (marker-layout.ts). */
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
    return this.markers.layout(from, this.layoutZoom, home, this.scale, homeTextPx(this.scale)).source;
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
