// The first-load transfer (issue 29, ≤ 750 KB gzip -9): every file the page requests from a cold load until it is
// ready (html[data-ready]), each counted at gzip -9 (and brotli 11, as served). `npm run bench` counts it on its
// cold loads; alone, on the current build (one load):
//   npx vite build && npx tsx scripts/bench-transfer.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli } from './precompressed-assets';

export interface Transfer {
  gzipKB: number;
  brotliKB: number;
  files: Record<string, { gzip: number; brotli: number }>;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** The gzip -9 and brotli sizes of the build's files at these request paths (`/` is index.html). */
export function transferOf(paths: Iterable<string>, dist = 'dist'): Transfer {
  let gzipTotal = 0;
  let brotliTotal = 0;
  const files: Record<string, { gzip: number; brotli: number }> = {};
  for (const path of paths) {
    const body = readFileSync(join(dist, path === '/' ? 'index.html' : path));
    const size = { gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body).length };
    files[path] = size;
    gzipTotal += size.gzip;
    brotliTotal += size.brotli;
  }
  return { gzipKB: round(gzipTotal / 1024), brotliKB: round(brotliTotal / 1024), files };
}

if (process.argv[1]?.endsWith('bench-transfer.ts')) {
  const { launch, serveBuild } = await import('./browser');
  const server = await serveBuild();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const requested = new Set<string>();
    page.on('requestfinished', (request) => {
      const u = new URL(request.url());
      if (u.protocol.startsWith('http')) requested.add(u.pathname);
    });
    await page.goto(`${server.url}?lang=en`, { waitUntil: 'commit' });
    await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
    const transfer = transferOf(requested);
    for (const [path, size] of Object.entries(transfer.files).sort((a, b) => b[1].gzip - a[1].gzip))
      console.log(`${(size.gzip / 1024).toFixed(1).padStart(8)} KB gzip ${(size.brotli / 1024).toFixed(1).padStart(8)} KB br  ${path}`);
    console.log(`first-load transfer: ${transfer.gzipKB} KB gzip -9 (target ≤ 750), ${transfer.brotliKB} KB brotli as served`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
