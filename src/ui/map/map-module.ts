// The MapLibre adapter, loaded on demand: MapLibre (~290 KB gzip, and its worker) stays off the first view's
// critical path. The app starts the download once the dataset has arrived; the map view waits for it. Nothing is
// remembered here: the browser's module map holds the one download (a second import() of it resolves to the same
// module), MapLibre's prewarm() starts its workers once however often it is called, and a failed download is tried
// again on the next call.
export type MapModule = typeof import('../../adapters/maplibre/map-controller');

export function loadMapModule(): Promise<MapModule> {
  return import('../../adapters/maplibre/map-controller').then((module) => {
    // Start MapLibre's workers while the page draws its first view.
    module.prewarm();
    return module;
  });
}

/**
 * One page's loader (src/app makes it and hands it to the map view): the first call asks for the module, later calls
 * get the same promise (a failed one is asked again). Asked again, import() of a module already run resolves only in a
 * task of its own, and Chromium ran that task after hydration's and the page's other work: on a plain visit the map
 * waited ~0.9 s (quiet machine) for a module it had (issue 29, fast link).
 */
export function mapModuleLoader<M = MapModule>(load: () => Promise<M> = loadMapModule as () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
