// Vite plugin: the importer's city gazetteer (src/pipeline/city-gazetteer.ts) as an asset of the build
// (`assets/cities-<hash>.json`, ~640 KB, ~270 KB gzipped), and `virtual:city-gazetteer`, whose default export is its
// URL. Only the import worker's client imports that module, so the page fetches the file only when an import needs
// it. The dev server builds it on the first request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
// With extensions: Vite bundles its config and what it imports (the rest of src/ leaves them off).
import { buildCityGazetteer } from '../src/pipeline/city-gazetteer.ts';

/** The built-in dataset (src/pipeline/inputs.ts DATASET_PATH), for its curated Japanese city names. */
const DATASET_PATH = 'data/agreements.json';

const ID = 'virtual:city-gazetteer';
const RESOLVED = `\0${ID}`;
const DEV_PATH = '@city-gazetteer/cities.json';

export function cityGazetteer(): Plugin {
  let root = process.cwd();
  let base = '/';
  let serve = false;
  let json: string | null = null;
  const gazetteerJson = () => {
    json ??= JSON.stringify(buildCityGazetteer(JSON.parse(readFileSync(join(root, DATASET_PATH), 'utf8'))));
    return json;
  };
  return {
    name: 'partner-atlas-city-gazetteer',
    configResolved(config) {
      root = config.root;
      base = config.base;
      serve = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (serve) return `export default ${JSON.stringify(`${base}${DEV_PATH}`)};`;
      const ref = this.emitFile({ type: 'asset', name: 'cities.json', source: gazetteerJson() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(`${base}${DEV_PATH}`)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(gazetteerJson());
      });
    },
  };
}
