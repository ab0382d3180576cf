// Several files opened together (issue 28): how often the import fetches its gazetteers, the bytes that takes, and
// the CPU the browser spends from choosing the files to the three previews (tests/fixtures/homes: kyoto, nagoya and
// osaka.csv, the import-multi.spec's files). Each run is a fresh browser context (an empty HTTP cache), the build
// served compressed as a host would (scripts/static-server.ts: brotli), MapLibre held back (not under test).
//   npx vite build && npx tsx scripts/import-gazetteer-load.ts [--runs=3] [--dist=dist] [--port=4326]
// Prints one JSON line per run and the medians.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { chromiumKind, cpuSnapshot, cpuSpent } from './proc-cpu';
import { serveStatic } from './static-server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '3'));
const dist = arg('dist', 'dist');
const port = Number(arg('port', '4326'));
const DIR = new URL('../tests/fixtures/homes/', import.meta.url).pathname;
const FILES = ['kyoto.csv', 'nagoya.csv', 'osaka.csv'].map((f) => `${DIR}${f}`);
const GAZETTEER = /\/assets\/(cities|institutions)-[^/]+\.json$/;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const server = await serveStatic(dist, port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
const results: { fetches: number; bytes: number; workers: number; cpuS: number; rendererS: number; wallMs: number }[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.route(/\/assets\/maplibre-(?!gl-worker)[\w-]+\.js$/, () => undefined);
    let fetches = 0;
    let bytes = 0;
    let workers = 0;
    page.on('worker', () => {
      workers += 1;
    });
    page.on('requestfinished', async (request) => {
      if (!GAZETTEER.test(request.url())) return;
      fetches += 1;
      bytes += (await request.sizes()).responseBodySize;
    });
    await page.goto(`${server.url}?lang=en`);
    await page.locator('html[data-first-view="true"]').waitFor({ timeout: 300_000 });
    await page.getByTestId('import-open').click();
    const before = cpuSnapshot();
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(FILES);
    const summaries = page.getByTestId('import-summary');
    for (let k = 0; k < FILES.length; k++) await summaries.nth(k).waitFor({ timeout: 300_000 });
    const wallMs = Date.now() - started;
    const spent = cpuSpent(before, cpuSnapshot(), chromiumKind);
    const rendererS = Object.entries(spent.threads)
      .filter(([name]) => name.startsWith('renderer/'))
      .reduce((sum, [, s]) => sum + s, 0);
    const result = { fetches, bytes, workers, cpuS: spent.total, rendererS: +rendererS.toFixed(1), wallMs };
    console.log(JSON.stringify({ run: run + 1, ...result, threads: spent.threads }));
    results.push(result);
    await context.close();
  }
  const keys = ['fetches', 'bytes', 'workers', 'cpuS', 'rendererS', 'wallMs'] as const;
  console.log(JSON.stringify({ dist, runs, median: Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))])) }));
} finally {
  await browser.close();
  await server.close();
}
