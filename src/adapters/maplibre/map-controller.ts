// Owns the MapLibre map for its whole life: created once, then updated through setData / setFilter only.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, Marker, NavigationControl, prewarm, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection, Point } from 'geojson';
import type { MapCamera, MapFrame, MapHandle, MapSubject } from '../../state/map-handle';
import { COLOURS } from '../../style/palette';
import { openingCamera, type Camera } from './camera';
import { homeObstacles, layoutZoomOf, type MarkerLayout, projectorScale, spreadMarkers } from './marker-layout';
import { skipSkyPass } from './skip-sky-pass';
import {
  COUNTRY_LEVEL_LAYERS,
  HITBOX_IMAGE,
  HITBOX_IMAGE_PX,
  INSTITUTION_LEVEL_LAYERS,
  LABEL_LAYERS,
  INSTITUTION_ZOOM,
  LAYERS,
  SOURCES,
  clusterRadiusPx,
  countryNamesFilter,
  createStyle,
  homeTextPx,
  scaledProperties,
} from './layers';

setWorkerUrl(workerUrl);

export { prewarm };

const MIN_ZOOM = 0.3;

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** MapLibre's world is 512 px wide at zoom 0. */
const TILE_SIZE = 512;

/** Above this many features, a source is updated without first comparing its content. */
const SIGNATURE_LIMIT = 3000;

/** A source's data, or a function that builds it, called only when the source is shown (see changed). */
export type SourceData = FeatureCollection | (() => FeatureCollection);

export interface MapModel {
  countryMarkers: FeatureCollection;
  /** Built on demand: tens of thousands of features at 100k agreements, hidden at world zoom. */
  institutions: SourceData;
  highlight: FeatureCollection;
  home: FeatureCollection;
  /** Lines from home to the partner cities; built only when shown (flows=1), else empty. */
  flows: SourceData;
  partnerFillIds: string[];
  selectedFillIds: string[];
  /** Countries the user chose: institution points are shown for them at any zoom. */
  focusCountries: string[];
}

export type HoverTarget = { kind: 'country'; code: string } | { kind: 'institution'; id: string } | { kind: 'cluster'; count: number };

export interface MapCallbacks {
  onCountryClick(code: string, additive: boolean): void;
  onInstitutionClick(id: string): void;
  onHover(target: HoverTarget | null, x: number, y: number): void;
  /** The first time the map has drawn the current data. */
  onRendered(): void;
  /** The map switched between country markers and institution points (the legend follows). */
  onLevelChange(level: MapLevel): void;
}

export type MapLevel = 'country' | 'institution';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

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
  /** What each source last received, so an unchanged view costs no setData and no re-clustering. */
  private applied = new Map<string, string>();
  private loaded = false;
  private rendered = false;
  private institutionLevel: boolean | null = null;
  /** The zoom the country markers were last laid out for, and that layout (for the model's markers it was made from). */
  private layoutZoom: number;
  private markerLayout: { from: FeatureCollection; zoom: number; home: FeatureCollection; scale: number; layout: MarkerLayout<never> } | null = null;
  /** Presentation mode (setPresentation), and the scale it draws at for the map's size (1 otherwise). */
  private presenting = false;
  private scale = 1;
  /** A presentation slide's subject, ringed and named. */
  private subject: MapSubject | null = null;
  private pulseMarkers: Marker[] = [];
  /**
   * The framing the app last chose (opening view, selected countries), re-applied when the map area changes size
   * until something else moves the map: the panels around the map settle after it starts, and a fit computed for
   * the earlier size cut off part of what it framed (New Zealand, in a Russia + New Zealand selection).
   */
  private framing: ((animate: boolean) => void) | null = null;

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
    const start = camera ?? openingCamera(container.clientWidth, container.clientHeight);
    this.model = initial;
    this.layoutZoom = layoutZoomOf(start.zoom);
    this.institutionLevel = start.zoom >= INSTITUTION_ZOOM || initial.focusCountries.length > 0;
    const data: Partial<Record<SourceKey | 'markerLeaders', FeatureCollection>> = {};
    for (const key of Object.keys(SOURCE_OF) as SourceKey[]) {
      if (!this.isVisible(key)) continue;
      data[key] = this.changed(key, this.sourceValue(key)) ?? undefined;
    }
    if (data.countryMarkers) data.markerLeaders = this.markerLayout?.layout.leaders;
    this.map = new MapLibreMap({
      container,
      style: createStyle(basemap, {
        data: {
          countryMarkers: data.countryMarkers,
          markerLeaders: data.markerLeaders,
          institutions: data.institutions,
          highlight: data.highlight,
          home: data.home,
          flows: data.flows,
          subject: data.subject,
        },
        institutionLevel: this.institutionLevel,
      }),
      center: start.center,
      zoom: start.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: 12,
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
    this.map.on('load', () => {
      performance.mark('atlas:map-loaded');
      this.loaded = true;
      this.applyScale();
      if (this.subject) this.showSubject(this.subject);
      this.apply(this.model, null);
    });
    this.map.on('zoom', () => {
      this.updateLevel();
      this.relayoutMarkers(layoutZoomOf(this.map.getZoom()));
    });
    this.map.on('zoomend', () => this.relayoutMarkers(layoutZoomOf(this.map.getZoom())));
    // An institution's ring is fitted round the cluster it is drawn in, as drawn once the map is idle (this sets data
    // only when the ring changed, so it settles after one more frame).
    this.map.on('idle', () => {
      if (this.subject?.kind === 'institution') this.syncSubject();
    });
    // Until something else moves it, the opening view follows the map area's size.
    if (!camera) this.framing = (animate) => this.openingView(animate);
    this.fitMinZoom();
    this.map.on('resize', () => {
      this.fitMinZoom();
      this.applyScale();
      this.framing?.(false);
    });
    // A move with an input event is the user's; the app's own camera moves have none.
    this.map.on('movestart', (e) => {
      if (e.originalEvent) this.framing = null;
    });
    this.bindInteractions();
  }

  private setFraming(framing: (animate: boolean) => void): void {
    this.framing = framing;
    framing(true);
  }

  /** The farthest zoom out shows the world once across the map's width: never a second copy of any place. */
  private fitMinZoom(): void {
    const width = this.map.getContainer().clientWidth;
    this.map.setMinZoom(Math.max(MIN_ZOOM, Math.log2(Math.max(width, 1) / TILE_SIZE)));
  }

  private openingView(animate: boolean, offsetY = 0): void {
    const c = this.map.getContainer();
    const cam = openingCamera(c.clientWidth, c.clientHeight);
    if (animate) this.map.easeTo({ center: cam.center, zoom: cam.zoom, offset: [0, offsetY], duration: reducedMotion() ? 0 : 600 });
    else if (offsetY) this.map.easeTo({ center: cam.center, zoom: cam.zoom, offset: [0, offsetY], duration: 0 });
    else this.map.jumpTo({ center: cam.center, zoom: cam.zoom });
  }

  update(model: MapModel): void {
    const previous = this.model;
    this.model = model;
    if (this.loaded) this.apply(model, previous);
  }

  /** Camera moves are the map's own state, kept out of the store. */
  fitCountries(bounds: [[number, number], [number, number]] | null, maxZoom = 6): void {
    if (!bounds) return;
    const [[w, s], [e, n]] = bounds;
    const pad = 2;
    const padded: [[number, number], [number, number]] = [
      [w - pad, Math.max(-80, s - pad)],
      [e + pad, Math.min(80, n + pad)],
    ];
    this.setFraming((animate) => this.map.fitBounds(padded, { padding: 40, maxZoom: Math.min(6, maxZoom), duration: animate && !reducedMotion() ? 900 : 0 }));
  }

  /**
   * Rings on the partners new this year: on their institutions' points at institution level, and on their
   * countries' markers (where the layout draws them) at country level, where a ring on an institution's own
   * place would pulse beside the marker that counts it, sometimes over the sea. They are DOM markers animated by
   * CSS (scale and opacity run on the compositor), so the WebGL map does not repaint during a pulse: paint
   * transitions cost ~150 ms a frame with software WebGL. With reduced motion the CSS shows a still ring.
   */
  pulse(points: FeatureCollection<Point, { id: string; country: string }>): void {
    this.pulsed = points;
    this.placePulses();
  }

  private pulsed: FeatureCollection<Point, { id: string; country: string }> | null = null;

  private placePulses(): void {
    for (const marker of this.pulseMarkers) marker.remove();
    this.pulseMarkers = [];
    if (!this.pulsed) return;
    const places = new Map<string, [number, number]>();
    const drawnMarkers = this.institutionLevel ? null : this.markerLayout?.layout.markers.features;
    for (const feature of this.pulsed.features) {
      const own = feature.geometry.coordinates as [number, number];
      if (!drawnMarkers) {
        places.set(feature.properties.id, own);
        continue;
      }
      const marker = drawnMarkers.find((m) => (m.properties as { code?: string }).code === feature.properties.country);
      places.set(feature.properties.country, (marker?.geometry.coordinates as [number, number] | undefined) ?? own);
    }
    for (const [lng, lat] of places.values()) {
      // MapLibre positions the marker element with a transform, so the animated ring is a child.
      const element = document.createElement('div');
      element.setAttribute('aria-hidden', 'true');
      element.className = 'pulse-marker';
      element.append(Object.assign(document.createElement('div'), { className: 'pulse-ring' }));
      this.pulseMarkers.push(new Marker({ element }).setLngLat([lng, lat]).addTo(this.map));
    }
  }

  flyToPoint(lng: number, lat: number): void {
    this.framing = null;
    const zoom = Math.max(this.map.getZoom(), 5);
    this.map.easeTo({ center: [lng, lat], zoom, duration: reducedMotion() ? 0 : 700 });
  }

  /** A slow flight to a place (presentation steps). */
  flyTo(lng: number, lat: number, zoom: number, offsetY = 0): void {
    this.framing = null;
    this.map.flyTo({ center: [lng, lat], zoom, offset: [0, offsetY], duration: reducedMotion() ? 0 : 1800, essential: true });
  }

  setPresentation(on: boolean): void {
    this.presenting = on;
    this.applyScale();
  }

  showSubject(subject: MapSubject | null): void {
    this.subject = subject;
    if (!this.loaded) return;
    // A country's name is the subject's label: not twice.
    this.map.setFilter(LAYERS.countryNames, countryNamesFilter(subject?.kind === 'country' ? subject.id : null));
    this.syncSources();
  }

  /** The scale presentation mode draws at for the map's size now (in steps of 0.05: a resize by a pixel changes nothing). */
  private applyScale(): void {
    if (!this.loaded) return;
    const c = this.map.getContainer();
    const scale = this.presenting ? Math.round(projectorScale(c.clientWidth, c.clientHeight) * 20) / 20 : 1;
    if (scale === this.scale) return;
    this.scale = scale;
    const { layout, paint } = scaledProperties(scale);
    for (const [layer, name, value] of layout) this.map.setLayoutProperty(layer, name as never, value as never);
    for (const [layer, name, value] of paint) this.map.setPaintProperty(layer, name as never, value as never);
    // The markers are laid out again for their new size (sourceValue), and the subject's ring with them.
    this.syncSources();
  }

  /**
   * The subject's ring, with its name. A country's ring goes round its marker where the layout put it (at
   * institution level, round the country's place). An institution's goes round its point, or round the whole
   * cluster circle that covers it (clusterAround), so the cluster's number stays readable inside.
   */
  private subjectFeatures(): FeatureCollection {
    const subject = this.subject;
    if (!subject) return NO_FEATURES;
    const grow = Math.sqrt(this.scale);
    let coordinates = [subject.lng, subject.lat];
    let radius = 14 * grow;
    if (subject.kind === 'country') {
      const marker = this.institutionLevel
        ? undefined
        : this.markerLayout?.layout.markers.features.find((m) => (m.properties as { code?: string }).code === subject.id);
      const markerRadius = (marker?.properties as { radius?: number } | undefined)?.radius ?? 0;
      if (marker && markerRadius > 0) {
        coordinates = marker.geometry.coordinates;
        radius = markerRadius + 5 * grow;
      }
    } else {
      radius = Math.max(radius, this.clusterAround(subject.lng, subject.lat) + 4 * grow);
    }
    return {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates },
          properties: { id: subject.id, label: subject.label, radius, fill: 'rgba(0,0,0,0)', fillOpacity: 1, stroke: COLOURS.subject, strokeWidth: 3.5 * grow },
        },
      ],
    };
  }

  /**
   * How far from a place the cluster circles drawn over it reach (0 when none covers it), from the last frame drawn:
   * the ring is fitted again once the map is idle (see the constructor).
   */
  private clusterAround(lng: number, lat: number): number {
    if (!this.institutionLevel || !this.rendered) return 0;
    const p = this.map.project([lng, lat]);
    const near = 80 * this.scale;
    const clusters = this.map.queryRenderedFeatures(
      [
        [p.x - near, p.y - near],
        [p.x + near, p.y + near],
      ],
      { layers: [LAYERS.clusters] },
    );
    let reach = 0;
    for (const cluster of clusters) {
      if (cluster.geometry.type !== 'Point') continue;
      const c = this.map.project(cluster.geometry.coordinates as [number, number]);
      const r = clusterRadiusPx(Number(cluster.properties?.point_count ?? 0), this.scale);
      const d = Math.hypot(c.x - p.x, c.y - p.y);
      if (d < r) reach = Math.max(reach, d + r);
    }
    return reach;
  }

  /** The subject's ring again for what the map now draws (its clusters change with the zoom). */
  private syncSubject(): void {
    if (!this.loaded || !this.subject) return;
    const data = this.changed('subject', this.subjectFeatures());
    if (data) (this.map.getSource(SOURCES.subject) as GeoJSONSource | undefined)?.setData(data);
  }

  resetCamera(offsetY = 0): void {
    this.setFraming((animate) => this.openingView(animate, offsetY));
  }

  level(): MapLevel {
    return this.institutionLevel ? 'institution' : 'country';
  }

  camera(): MapCamera {
    const c = this.map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  frame(): MapFrame {
    const container = this.map.getContainer();
    return { canvas: this.map.getCanvas(), width: container.clientWidth, height: container.clientHeight };
  }

  async capture<T>(pixelRatio: number, use: (frame: MapFrame) => T | Promise<T>): Promise<T> {
    const previous = this.map.getPixelRatio();
    try {
      if (previous !== pixelRatio) {
        this.map.setPixelRatio(pixelRatio);
        await this.idle();
      }
      return await use(this.frame());
    } finally {
      if (this.map.getPixelRatio() !== previous) this.map.setPixelRatio(previous);
    }
  }

  async renderAt<T>(size: { width: number; height: number; pixelRatio: number }, use: () => Promise<T>): Promise<T> {
    const container = this.map.getContainer();
    // Through the CSSOM only: the page's CSP (style-src 'self') blocks writing the style attribute itself.
    const layout = { position: 'fixed', left: '0', top: '0', width: `${size.width}px`, height: `${size.height}px`, zIndex: '900' };
    const before = Object.fromEntries(Object.keys(layout).map((key) => [key, container.style[key as keyof typeof layout]]));
    const pixelRatio = this.map.getPixelRatio();
    const camera = this.map.getCenter();
    const zoom = this.map.getZoom();
    const framing = this.framing;
    try {
      // Out of the page's layout at the exact size (under the export's progress panel); the opening view or the
      // chosen countries are framed again for it by the resize handler.
      Object.assign(container.style, layout);
      this.map.setPixelRatio(size.pixelRatio);
      this.map.resize();
      await this.idle();
      return await use();
    } finally {
      Object.assign(container.style, before);
      this.map.setPixelRatio(pixelRatio);
      this.map.resize();
      this.framing = framing;
      this.map.jumpTo({ center: camera, zoom });
    }
  }

  project(lng: number, lat: number): { x: number; y: number } {
    const { x, y } = this.map.project([lng, lat]);
    return { x, y };
  }

  idle(): Promise<void> {
    // A repaint first: an already idle map fires no further 'idle' event.
    const idle = new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
    this.map.triggerRepaint();
    return idle;
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

  private appliedRef = new Map<string, unknown>();

  /**
   * The data for `key` when it differs from what the source last received (compared by content, not by
   * reference), else null. A function is called only here, so a hidden source's data is never built.
   */
  private changed(key: string, value: SourceData): FeatureCollection | null {
    if (this.appliedRef.get(key) === value) return null;
    this.appliedRef.set(key, value);
    const data = typeof value === 'function' ? value() : value;
    // Comparing content pays for small collections only; a large one is simply sent again.
    if (data.features.length > SIGNATURE_LIMIT) {
      this.applied.delete(key);
      return data;
    }
    const signature = JSON.stringify(data);
    if (this.applied.get(key) === signature) return null;
    this.applied.set(key, signature);
    return data;
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

  private watchingFirstFrame = false;

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
      const data = this.changed(key, this.sourceValue(key));
      if (!data) continue;
      (this.map.getSource(SOURCE_OF[key]) as GeoJSONSource | undefined)?.setData(data);
      if (key === 'countryMarkers' && this.markerLayout) {
        (this.map.getSource(SOURCES.markerLeaders) as GeoJSONSource | undefined)?.setData(this.markerLayout.layout.leaders);
        if (this.pulseMarkers.length > 0) this.placePulses();
      }
    }
  }

  /** What a source shows: the model's data, except that country markers are first moved apart (marker-layout.ts). */
  private sourceValue(key: SourceKey): SourceData {
    if (key === 'subject') return this.subjectFeatures();
    if (key !== 'countryMarkers') return this.model[key];
    const { countryMarkers: from, home } = this.model;
    const zoom = this.layoutZoom;
    const scale = this.scale;
    const last = this.markerLayout;
    if (!last || last.from !== from || last.zoom !== zoom || last.home !== home || last.scale !== scale) {
      const layout = spreadMarkers(from as FeatureCollection<Point, { code: string; count: number }>, zoom, homeObstacles(home, homeTextPx(scale)), scale);
      this.markerLayout = { from, zoom, home, scale, layout: layout as unknown as MarkerLayout<never> };
    }
    return this.markerLayout!.layout.markers as unknown as FeatureCollection;
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
    this.placePulses();
  }

  /** The current level's layers visible and the other level's hidden; name labels only once the data is drawn. */
  private showLevelLayers(): void {
    const visible = (id: string, ofLevel: boolean) => (ofLevel && (this.rendered || !LABEL_LAYERS.includes(id)) ? 'visible' : 'none');
    for (const id of COUNTRY_LEVEL_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible(id, !this.institutionLevel));
    for (const id of INSTITUTION_LEVEL_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible(id, this.institutionLevel === true));
  }

  private bindInteractions(): void {
    const map = this.map;
    const pointer = (on: boolean) => (map.getCanvas().style.cursor = on ? 'pointer' : '');

    map.on('click', LAYERS.countryMarkers, (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code;
      if (typeof code === 'string') this.callbacks.onCountryClick(code, e.originalEvent.shiftKey || e.originalEvent.metaKey);
    });
    map.on('click', LAYERS.institutions, (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.callbacks.onInstitutionClick(id);
    });
    map.on('click', LAYERS.clusters, async (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      const clusterId = feature?.properties?.cluster_id;
      if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
      const source = map.getSource(SOURCES.institutions) as GeoJSONSource;
      const zoom = await source.getClusterExpansionZoom(clusterId);
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      map.easeTo({ center: [lng, lat], zoom: Math.min(zoom + 0.5, 12) });
    });

    const hover = (kind: 'country' | 'institution' | 'cluster') => (e: MapLayerMouseEvent) => {
      const p = e.features?.[0]?.properties;
      pointer(true);
      if (!p) return;
      const target: HoverTarget =
        kind === 'country' ? { kind, code: String(p.code) } : kind === 'institution' ? { kind, id: String(p.id) } : { kind, count: Number(p.point_count) };
      this.callbacks.onHover(target, e.point.x, e.point.y);
    };
    const leave = () => {
      pointer(false);
      this.callbacks.onHover(null, 0, 0);
    };
    map.on('mousemove', LAYERS.countryMarkers, hover('country'));
    map.on('mousemove', LAYERS.institutions, hover('institution'));
    map.on('mousemove', LAYERS.clusters, hover('cluster'));
    map.on('mouseleave', LAYERS.countryMarkers, leave);
    map.on('mouseleave', LAYERS.institutions, leave);
    map.on('mouseleave', LAYERS.clusters, leave);
  }
}
