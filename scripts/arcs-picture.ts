// The national map's arcs as two builds draw them (issue 29, stop 37: the arcs counted into a texture and composited
// must look as they did when drawn one by one): for each build, the map canvas with the lines on, at world and Europe
// zoom and in a comparison, once the map is idle; then, per view, how many pixels differ between the builds and by
// how much. PNGs in --out (default /tmp/arcs-picture). Usage (after building both):
//   npx tsx scripts/arcs-picture.ts --dists=/tmp/dist-before,dist [--out=/tmp/arcs-picture]
//   [--set=markers: the country markers without lines (issue 28, stop 38): national world and Europe, Tohoku's own list]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openAtlas, serveBuild } from './browser';
import { nationalDataset } from './bench-homes';
import type { Dataset } from '../src/domain/schema';

// Playwright's bundled PNG codec (pngjs), not a dependency of its own.
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = arg('dists', 'dist').split(',');
const out = arg('out', '/tmp/arcs-picture');
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4433);
mkdirSync(out, { recursive: true });

const assets = join(dists[0]!, 'assets');
const real = JSON.parse(readFileSync(join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!), 'utf8')) as Dataset;
const dataset = nationalDataset(real);
const body = JSON.stringify(dataset);
const ARCS = [
  ['world', '&flows=1&cam=150,25,1'],
  ['europe', '&flows=1&cam=12,50,3.2'],
  ['compare-europe', `&compare=${dataset.homes[0]!.id},${dataset.homes[1]!.id}&flows=1&cam=12,50,3.2`],
] as const;
/** Country markers and their leader lines, below INSTITUTION_ZOOM; the tohoku views load the build's own list. */
const MARKERS = [
  ['national-world', '&cam=150,25,1'],
  ['national-europe', '&cam=12,50,3'],
  ['tohoku-world', ''],
  ['tohoku-europe', '&cam=12,50,3'],
] as const;
const VIEWS = arg('set', 'arcs') === 'markers' ? MARKERS : ARCS;

const shots = new Map<string, Buffer>();
for (const [d, dist] of dists.entries()) {
  process.env.ATLAS_DIST = dist;
  const server = await serveBuild(port);
  const browser = await launch();
  try {
    for (const [name, query] of VIEWS) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body: name.startsWith('tohoku') ? null : body });
      const png = await page.locator('.maplibregl-canvas').screenshot();
      writeFileSync(join(out, `${name}-${d}.png`), png);
      shots.set(`${name}-${d}`, png);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
for (const [name] of VIEWS)
  for (let d = 1; d < dists.length; d += 1) {
    const a = PNG.sync.read(shots.get(`${name}-0`)!);
    const b = PNG.sync.read(shots.get(`${name}-${d}`)!);
    if (a.width !== b.width || a.height !== b.height) {
      console.log(`${name}: sizes differ`);
      continue;
    }
    let differ = 0;
    let most = 0;
    let sum = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      let m = 0;
      for (let c = 0; c < 3; c += 1) m = Math.max(m, Math.abs(a.data[i + c]! - b.data[i + c]!));
      if (m > 8) differ += 1;
      most = Math.max(most, m);
      sum += m;
    }
    const pixels = a.width * a.height;
    console.log(
      `${name}: ${dists[0]} vs ${dists[d]}: ${differ} of ${pixels} pixels differ by more than 8 of 255 (${((100 * differ) / pixels).toFixed(2)}%), largest ${most}, mean ${(sum / pixels).toFixed(2)}`,
    );
  }
