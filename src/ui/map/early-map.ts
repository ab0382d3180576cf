// The WebGL map started before React hydrates the prerendered page (issue 29, fast link). On a plain visit the page
// is in the HTML already and the map is what "ready" waits for: created as soon as MapLibre and the dataset are in,
// its style, data, workers and first frames load while React hydrates, instead of after. It is drawn in an element of
// its own outside React's tree (hydration expects the map area as the build wrote it), hidden over the map area, and
// the map view (AtlasMap) takes it over when it mounts: the element moves into the map area, the events go to the
// view. One object per page (src/app makes it); the map belongs to the view once taken.
import type { FeatureCollection } from 'geojson';
import type { MapCallbacks, MapController } from '../../adapters/maplibre/map-controller';
import type { AtlasIndex } from '../../domain/atlas-index';
import { createMapModelBuilder, type MapModel, type MapModelInput } from '../../domain/map-model';
import { viewAtYear } from '../../domain/view';
import { selectFilters } from '../../state/atlas-store';
import type { Runtime } from '../../state/runtime';
import type { MapModule } from './map-module';

export interface EarlyMap {
  /**
   * The builder of the early map's first model. The map view builds its models with it: its first model, from the
   * same view (the runtime's filter memo keeps it), is then the same object, and nothing is sent to the map again.
   */
  buildModel(input: MapModelInput): MapModel;
  /**
   * Hands the map over, once (null afterwards): moved into `area`, its events from now on to `callbacks`, and those
   * it had before replayed (drawn). Rejects when the map could not be created (no WebGL, MapLibre not loaded).
   */
  take(area: HTMLElement, callbacks: MapCallbacks): Promise<MapController> | null;
}

/** Starts the map for the map area `area` of the prerendered page, with the runtime's current state as its model. */
export function startEarlyMap(loadMap: () => Promise<MapModule>, area: HTMLElement, index: AtlasIndex, basemap: FeatureCollection, runtime: Runtime): EarlyMap {
  const buildModel = createMapModelBuilder();
  const s = runtime.store.getState();
  const { view } = viewAtYear(index, selectFilters(s), s.playYear, s.playbackSettings, runtime.filterMemo);
  const model = buildModel({
    index,
    lang: s.lang,
    view,
    countryCounts: view.countryCounts,
    countries: s.countries,
    selected: s.selected,
    hovered: s.hovered,
    flows: s.flows,
  });
  // Where the map area is, and its size (the map's opening camera is fitted to it); hidden until taken over.
  const box = area.getBoundingClientRect();
  const element = document.createElement('div');
  element.style.cssText = 'position: absolute; visibility: hidden; pointer-events: none';
  element.style.left = `${box.left + scrollX}px`;
  element.style.top = `${box.top + scrollY}px`;
  element.style.width = `${box.width}px`;
  element.style.height = `${box.height}px`;
  document.body.append(element);
  // Until the view takes the map, what it reports is kept for it.
  let owner: MapCallbacks | null = null;
  let drawn = false;
  const callbacks: MapCallbacks = {
    onCountryClick: (code, additive) => owner?.onCountryClick(code, additive),
    onInstitutionClick: (id) => owner?.onInstitutionClick(id),
    onHover: (target, x, y) => owner?.onHover(target, x, y),
    onRendered: () => {
      drawn = true;
      owner?.onRendered();
    },
    onLevelChange: (level) => owner?.onLevelChange(level),
  };
  const created = loadMap().then(({ MapController }) => new MapController(element, basemap, model, callbacks));
  // A map never taken (the page was not hydrated after all) goes with its element; a failure is the view's to report.
  created.catch(() => element.remove());
  let taken = false;
  return {
    buildModel,
    take(target, viewCallbacks) {
      if (taken) return null;
      taken = true;
      return created.then((controller) => {
        controller.moveInto(target);
        owner = viewCallbacks;
        if (drawn) viewCallbacks.onRendered();
        return controller;
      });
    },
  };
}
