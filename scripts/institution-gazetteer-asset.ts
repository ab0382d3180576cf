// Vite plugin: the importer's institution gazetteer (data/gazetteer/institutions.json, committed; refreshed by
// `npm run gazetteer:institutions`) as an asset of the build (`assets/institutions-<hash>.json`, ~3.5 MB, ~1.2 MB
// gzipped), and `virtual:institution-gazetteer`, whose default export is its URL. Only the import worker's client
// imports that module, so the page fetches the file only when an import needs it, never in the first load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ASSET_PATH = 'data/gazetteer/institutions.json';
const ID = 'virtual:institution-gazetteer';
const RESOLVED = `\0${ID}`;
const DEV_PATH = '@institution-gazetteer/institutions.json';

export function institutionGazetteer(): Plugin {
  let root = process.cwd();
  let base = '/';
  let serve = false;
  const source = () => readFileSync(join(root, ASSET_PATH));
  return {
    name: 'partner-atlas-institution-gazetteer',
    configResolved(config) {
      root = config.root;
      base = config.base;
      serve = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (serve) return `export default ${JSON.stringify(`${base}${DEV_PATH}`)};`;
      const ref = this.emitFile({ type: 'asset', name: 'institutions.json', source: source() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(`${base}${DEV_PATH}`)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(source());
      });
    },
  };
}
