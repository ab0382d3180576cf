// The MapLibre adapter, loaded on demand: MapLibre (~290 KB gzip, and its worker) stays off the first view's
// critical path. The app starts the download once the dataset has arrived; the map view waits for it. Nothing is
// remembered here: the browser's module map holds the one download (a second import() of it resolves to the same
// module), MapLibre's prewarm() starts its workers once however often it is called, and a failed download is tried
// again on the next call.
type MapModule = typeof import('../../adapters/maplibre/map-controller');

export function loadMapModule(): Promise<MapModule> {
  return import('../../adapters/maplibre/map-controller').then((module) => {
    // Start MapLibre's workers while the page draws its first view.
    module.prewarm();
    return module;
  });
}
