// Vite plugin: the importer's institution gazetteer (data/gazetteer/institutions.json, committed; refreshed by
// `npm run gazetteer:institutions`) as an asset of the build (`assets/institutions-<hash>.json`, ~3.5 MB, ~1.2 MB
// gzipped), and `virtual:institution-gazetteer`, whose default export is its URL. Only the import worker's client
// imports that module, so the page fetches the file only when an import needs it, never in the first load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { jsonAssetPlugin } from './json-asset-plugin.ts';

const ASSET_PATH = 'data/gazetteer/institutions.json';

export function institutionGazetteer(): Plugin {
  return jsonAssetPlugin({ name: 'institution-gazetteer', fileName: 'institutions.json', source: (root) => readFileSync(join(root, ASSET_PATH)) });
}
