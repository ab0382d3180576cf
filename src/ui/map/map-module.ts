// The MapLibre adapter, loaded on demand: MapLibre (~290 KB gzip, and its worker) stays off the first view's
// critical path. The app starts the download once the dataset has arrived; the map view waits for it.
type MapModule = typeof import('../../adapters/maplibre/map-controller');

let loading: Promise<MapModule> | null = null;

export function loadMapModule(): Promise<MapModule> {
  loading ??= import('../../adapters/maplibre/map-controller').then(
    (module) => {
      // Start MapLibre's workers while the page draws its first view.
      module.prewarm();
      return module;
    },
    (error: unknown) => {
      // A failed download (offline, no service worker yet) may succeed on a later try.
      loading = null;
      throw error;
    },
  );
  return loading;
}
