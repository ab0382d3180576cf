// A static host for the benchmark: serves a built folder with every compressible file compressed once, in memory,
// with brotli (quality 11) or gzip -9, whichever the browser accepts first (as nginx brotli_static/gzip_static or a
// CDN would), so that the atlas and the bare MapLibre page are served the same way.
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli } from './precompressed-assets';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg']);

interface Entry {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export async function serveStatic(dir: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const files = new Map<string, Entry>();
  for (const file of walk(dir)) {
    const ext = extname(file);
    if (!(ext in TYPES)) continue;
    const body = readFileSync(file);
    const compress = COMPRESSIBLE.has(ext) && body.length >= 1024;
    files.set(`/${relative(dir, file).split(sep).join('/')}`, {
      type: TYPES[ext]!,
      body,
      gzip: compress ? gzipSync(body, { level: 9 }) : null,
      br: compress ? brotli(body) : null,
    });
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const entry = files.get(path.endsWith('/') ? `${path}index.html` : path);
    if (!entry) {
      res.statusCode = 404;
      return void res.end();
    }
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const [encoding, body] =
      entry.br && /\bbr\b/.test(accepted) ? ['br', entry.br] : entry.gzip && /\bgzip\b/.test(accepted) ? ['gzip', entry.gzip] : [null, entry.body];
    res.setHeader('Content-Type', entry.type);
    res.setHeader('Content-Length', String(body.length));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
