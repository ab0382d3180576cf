// Vite plugin: the build writes a gzip -9 copy next to each compressible asset (`x.js` → `x.js.gz`), and
// `vite preview` serves those copies as they are, the way a static host does (nginx `gzip_static`, most CDNs).
// Without it the preview server gzips every response on the fly at level 6, on the same two cores the browser
// uses: 1.3 s of a 100k-agreement benchmark load was the server compressing 38 MB of JSON.
import { createReadStream, statSync, writeFileSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
/** Below this, gzip headers cost more than they save. */
const MIN_BYTES = 1024;

/** Writes `file.gz` beside `file` (also used by the benchmark when it swaps in a synthetic dataset). */
export function writeGzipCopy(file: string): void {
  writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
}

export function precompressedAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'partner-atlas-precompressed-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const name of Object.keys(bundle)) {
        if (!(extname(name) in TYPES) || !name.startsWith('assets/')) continue;
        const file = join(dir, name);
        if (statSync(file).size >= MIN_BYTES) writeGzipCopy(file);
      }
    },
    configurePreviewServer(server) {
      // Runs before Vite's own compression and static middleware; anything it does not serve falls through.
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next();
        let path: string;
        try {
          path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        } catch {
          // Malformed percent-encoding (`%E0%A4%A`): the client's mistake. A short answer, never a stack trace
          // (Vite's error page would show one, with the server's absolute paths).
          res.statusCode = 400;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          return void res.end('Bad request: malformed URL\n');
        }
        const type = TYPES[extname(path)];
        if (!type || !path.startsWith('/assets/')) return next();
        const file = resolve(outDir, `.${path}`);
        if (!file.startsWith(outDir + sep)) return next();
        let gzipped: ReturnType<typeof statSync>;
        try {
          gzipped = statSync(`${file}.gz`);
          // A copy older than its file is stale (the benchmark rewrites the dataset): let Vite serve the file.
          if (gzipped.mtimeMs < statSync(file).mtimeMs) return next();
        } catch {
          return next();
        }
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Content-Length', String(gzipped.size));
        res.setHeader('Vary', 'Accept-Encoding');
        // Asset names carry a content hash.
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        if (req.method === 'HEAD') return void res.end();
        createReadStream(`${file}.gz`).pipe(res);
      });
    },
  };
}
