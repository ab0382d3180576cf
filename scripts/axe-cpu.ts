// What one axe run costs the page (issue 25: a11y.spec and no-webgl.spec run axe four times, ~14 s each on a loaded
// machine): the page's main-thread task time (CDP Performance.getMetrics TaskDuration) of one analyze() with the
// suite's tags, all result types against violations only (`resultTypes`, axe's documented option for large pages:
// passing nodes get no CSS selector computed). The same rules run and the same violations come back. Alternates the
// two for --runs=N (default 5) on one page of the production build and prints the medians.
//   npx vite build && npx tsx scripts/axe-cpu.ts [--runs=5] [--query=lang=ja&country=FR&selected=universite-pierre-et-marie-curie]
import AxeBuilder from '@axe-core/playwright';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '5'));
const query = arg('query', 'lang=ja&country=FR&selected=universite-pierre-et-marie-curie');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

const server = await serveBuild();
const browser = await launch(['--disable-gpu-rasterization']);
const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'ja-JP', reducedMotion: 'reduce' });
const page = await openAtlas(context, `${server.url}?${query}`);
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
const times: Record<'all' | 'violations', number[]> = { all: [], violations: [] };
const found: Record<'all' | 'violations', string> = { all: '', violations: '' };
const load = [loadavg()[0]!];
for (let run = 0; run < runs; run += 1) {
  for (const kind of ['all', 'violations'] as const) {
    const builder = new AxeBuilder({ page }).withTags(TAGS);
    if (kind === 'violations') builder.options({ resultTypes: ['violations'] });
    const before = await taskSeconds();
    const results = await builder.analyze();
    times[kind].push((await taskSeconds()) - before);
    found[kind] = JSON.stringify(results.violations.map((v) => [v.id, v.nodes.length]));
  }
}
load.push(loadavg()[0]!);
console.log(`axe on /?${query}, ${runs} runs each, load ${load.map((l) => l.toFixed(1)).join(' → ')}, CPU raster`);
for (const kind of ['all', 'violations'] as const)
  console.log(
    `${kind.padEnd(10)} page main-thread task s: median ${median(times[kind]).toFixed(2)} (${times[kind].map((t) => t.toFixed(2)).join(', ')}); violations ${found[kind]}`,
  );
console.log(`ratio violations/all: ${(median(times.violations) / median(times.all)).toFixed(2)}; same violations: ${found.all === found.violations}`);
await browser.close();
await server.close();
