// Vite plugin: the importer's city gazetteer (src/pipeline/city-gazetteer.ts) as an asset of the build
// (`assets/cities-<hash>.json`, ~640 KB, ~270 KB gzipped), and `virtual:city-gazetteer`, whose default export is its
// URL. Only the import worker's client imports that module, so the page fetches the file only when an import needs
// it. The dev server builds it on the first request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
// With extensions: Vite bundles its config and what it imports (the rest of src/ leaves them off).
import { buildCityGazetteer } from '../src/pipeline/city-gazetteer.ts';
import { jsonAssetPlugin } from './json-asset-plugin.ts';

/** The built-in dataset (src/pipeline/inputs.ts DATASET_PATH), for its curated Japanese city names. */
const DATASET_PATH = 'data/agreements.json';

export function cityGazetteer(): Plugin {
  return jsonAssetPlugin({
    name: 'city-gazetteer',
    fileName: 'cities.json',
    source: (root) => JSON.stringify(buildCityGazetteer(JSON.parse(readFileSync(join(root, DATASET_PATH), 'utf8')))),
  });
}
