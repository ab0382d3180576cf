// Vite plugin: the dataset as the page downloads it is minified JSON. data/agreements.json stays indented in the
// repository (it is reviewed in diffs); the indentation cost 6 KB of the first load even after compression.
import type { Plugin } from 'vite';

const DATASET = /^assets\/agreements-[\w-]+\.json$/;

export function minifiedDataset(): Plugin {
  return {
    name: 'partner-atlas-minified-dataset',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !DATASET.test(asset.fileName)) continue;
        const text = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        asset.source = JSON.stringify(JSON.parse(text));
      }
    },
  };
}
