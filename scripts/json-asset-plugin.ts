// A Vite plugin for one JSON file the page fetches on demand: `virtual:<name>` exports its URL. The build emits the
// file as an asset (`assets/<fileName>-<hash>.json`); the dev server answers it at `@<name>/<fileName>`. Nothing
// imports it in the first load: only the import worker's client does. Shared by the city and institution gazetteers.
import type { Plugin } from 'vite';

export interface JsonAsset {
  /** `city-gazetteer` → `virtual:city-gazetteer`. */
  name: string;
  fileName: string;
  /** The file's bytes or text, from the project's root (called at most once per build; the dev server caches it). */
  source(root: string): string | Uint8Array;
}

export function jsonAssetPlugin({ name, fileName, source }: JsonAsset): Plugin {
  const id = `virtual:${name}`;
  const resolved = `\0${id}`;
  const devPath = `@${name}/${fileName}`;
  let root = process.cwd();
  let base = '/';
  let serve = false;
  let cached: string | Uint8Array | null = null;
  const contents = () => {
    cached ??= source(root);
    return cached;
  };
  return {
    name: `partner-atlas-${name}`,
    configResolved(config) {
      root = config.root;
      base = config.base;
      serve = config.command === 'serve';
    },
    resolveId: (requested) => (requested === id ? resolved : null),
    load(requested) {
      if (requested !== resolved) return null;
      if (serve) return `export default ${JSON.stringify(`${base}${devPath}`)};`;
      const ref = this.emitFile({ type: 'asset', name: fileName, source: contents() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(`${base}${devPath}`)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(contents());
      });
    },
  };
}
