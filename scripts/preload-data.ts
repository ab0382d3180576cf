// Vite plugin: index.html asks for the dataset and the basemap at once, beside the app's code, instead of when the
// code has run (issue 16: on a slow link that wait was a whole round trip and the app's download). Preloads are
// `as="fetch"` with `crossorigin`, so that they match the page's own fetch() (same-origin credentials).
import type { Plugin } from 'vite';

const BASEMAP = /^assets\/countries-110m-[\w-]+\.json$/;
const BUILT_IN_DATASET = /^assets\/agreements-[\w-]+\.json$/;

export function preloadData(): Plugin {
  let base = '/';
  let ownDataset = '';
  return {
    name: 'partner-atlas-preload-data',
    apply: 'build',
    configResolved(config) {
      base = config.base;
      ownDataset = String(config.env.VITE_ATLAS_DATASET ?? '').replace(/^\/+/, '');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const files = Object.keys(ctx.bundle ?? {});
        const basemap = files.find((f) => BASEMAP.test(f));
        // A build for another university's list (VITE_ATLAS_DATASET, a file in public/) opens with that list.
        const dataset = ownDataset || files.find((f) => BUILT_IN_DATASET.test(f));
        return {
          html,
          tags: [dataset, basemap]
            .filter((f): f is string => !!f)
            .map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', href: `${base}${f}`, crossorigin: '' }, injectTo: 'head' as const })),
        };
      },
    },
  };
}
