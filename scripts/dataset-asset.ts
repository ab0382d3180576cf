// Vite plugin: the dataset as the page downloads it. data/agreements.json stays indented in the repository (it is
// reviewed in diffs); the indentation cost 6 KB of the first load even after compression, so the asset is minified.
// Its corrections (every curation judgement, shown only in "About the data": 22 KB of its 88 KB gzipped) go to a file
// of their own, fetched when that panel opens (src/ui/panels/use-corrections.ts): the dataset names it in
// `correctionsFile` and its `corrections` is empty (issue 29: the first-load transfer).
import type { Plugin } from 'vite';

const DATASET = /^assets\/agreements-[\w-]+\.json$/;

export function minifiedDataset(): Plugin {
  let base = '/';
  return {
    name: 'partner-atlas-minified-dataset',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !DATASET.test(asset.fileName)) continue;
        const text = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        const dataset = JSON.parse(text) as { corrections?: unknown[]; correctionsFile?: string };
        if (Array.isArray(dataset.corrections) && dataset.corrections.length > 0) {
          const ref = this.emitFile({ type: 'asset', name: 'corrections.json', source: JSON.stringify(dataset.corrections) });
          dataset.corrections = [];
          dataset.correctionsFile = `${base}${this.getFileName(ref)}`;
        }
        asset.source = JSON.stringify(dataset);
      }
    },
  };
}
