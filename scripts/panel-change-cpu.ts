// The national list's filter change in CPU, for two builds side by side (issue 28 item 7; issue 29 decision 6): loads
// each build with the national list of bench-homes.ts, steps the year brush back to back as bench-homes.ts does
// (ArrowRight / ArrowLeft, each after the previous change's next frame), waits for the page to be idle (the deferred
// story included), and reads the CPU seconds of the renderer's main thread from /proc (far less sensitive to other
// work on the machine than wall time), Chromium's style and layout counts, and the number of DOM elements.
// Runs alternate between the builds; medians over runs. Usage (after building both):
//   npx tsx scripts/panel-change-cpu.ts --dists=/tmp/dist-before,dist [--runs=3] [--changes=20] [--query=&years=1995-2004] [--list=real]
//   [--map=1] [--threads=1]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { nationalDataset } from './bench-homes';
import { chromiumKind, cpuByKind, cpuSnapshot } from './proc-cpu';
import type { Dataset } from '../src/domain/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = arg('dists', 'dist').split(',');
const runs = Number(arg('runs', '3'));
const changes = Number(arg('changes', '20'));
const query = arg('query', '&years=1995-2004');
/** --list=real: the built dataset itself (the real page's filter change) instead of the national list. */
const national = arg('list', 'national') === 'national';
/** --map=1: the changes start once the map is idle too (its tiles loaded), not only the page ready. */
const mapFirst = arg('map', '0') === '1';
/** --threads=1: prints every renderer and GPU-process thread's CPU ms per change, for each run. */
const threads = arg('threads', '0') === '1';
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4432);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;
const IDLE = 'new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))';
const NEXT_FRAME = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r)))';

interface Run {
  mainMs: number;
  rendererMs: number;
  gpuMs: number;
  styles: number;
  layouts: number;
  elements: number;
}

async function measure(dist: string): Promise<Run> {
  const assets = join(dist, 'assets');
  const file = readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!;
  const body = JSON.stringify(nationalDataset(JSON.parse(readFileSync(join(assets, file), 'utf8')) as Dataset));
  process.env.ATLAS_DIST = dist;
  const server = await serveBuild(port);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body: national ? body : undefined, map: mapFirst });
    await page.evaluate(IDLE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) =>
      ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === name)!.value;
    await page.getByTestId('timeline-brush').focus();
    const elements = (await page.evaluate('document.querySelectorAll("*").length')) as number;
    const [styles0, layouts0] = [await metric('RecalcStyleCount'), await metric('LayoutCount')];
    const before = cpuSnapshot();
    for (let i = 0; i < changes; i += 1) {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.evaluate(NEXT_FRAME);
    }
    await page.evaluate(IDLE);
    const spent = cpuByKind(before, cpuSnapshot(), chromiumKind);
    const [styles, layouts] = [(await metric('RecalcStyleCount')) - styles0, (await metric('LayoutCount')) - layouts0];
    await context.close();
    const per = (s: number | undefined) => round(((s ?? 0) * 1000) / changes);
    if (threads)
      console.log(
        Object.entries(spent)
          .filter(([k, v]) => k.includes('/') && !k.startsWith('browser') && v > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${per(v)}`)
          .join('; '),
      );
    return {
      // The main thread of a process carries the process's own name (chrome, headless_shell), not CrRendererMain.
      mainMs: per(
        Math.max(
          ...Object.entries(spent)
            .filter(([k]) => k.startsWith('renderer/') && !/Compositor|Worker|Thread|Pool/.test(k))
            .map(([, v]) => v),
          0,
        ),
      ),
      rendererMs: per(spent.renderer),
      gpuMs: per(spent['gpu-process']),
      styles: round(styles / changes),
      layouts: round(layouts / changes),
      elements,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results = new Map<string, Run[]>(dists.map((d) => [d, []]));
for (let r = 0; r < runs; r += 1)
  for (const dist of dists) {
    const run = await measure(dist);
    results.get(dist)!.push(run);
    console.log(`run ${r + 1} ${dist}: ${JSON.stringify(run)} (load ${loadavg().map(round).join(' ')})`);
  }
console.log(`\nper change, median of ${runs} runs (${changes} back-to-back changes each, then idle):`);
console.log('| build | renderer main thread CPU ms | renderer CPU ms | GPU process CPU ms | style recalcs | layouts | DOM elements |');
console.log('|---|---|---|---|---|---|---|');
for (const [dist, rs] of results) {
  const m = (k: keyof Run) => median(rs.map((x) => x[k]));
  console.log(`| ${dist} | ${m('mainMs')} | ${m('rendererMs')} | ${m('gpuMs')} | ${m('styles')} | ${m('layouts')} | ${m('elements')} |`);
}
console.log(`load ${loadavg().map(round).join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`);
