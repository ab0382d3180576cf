// Where playback's GPU-process time goes (issue 29): the GPU process's CPU per frame it draws, in a few page states,
// and the page's composited layers. Serves each build given, and for each mode and run (alternating the builds) loads a
// fresh page, waits for the map, then for `--seconds` reads the CPU of the GPU process and the renderer (/proc,
// scripts/proc-cpu.ts), under a trace of the `viz`, `cc` and `devtools.timeline` categories that counts the frames
// the display compositor drew and swapped, the raster tasks and Blink's Paint events (by element).
// Modes (`--modes=`, comma-separated):
// - idle: the ready page, nothing asked of it (its floor);
// - tick: the ready page with a 4×4 px element animating its opacity on the compositor, so every frame is drawn and
//   nothing is rastered or painted: the cost of drawing the page's layers once per frame;
// - play: playback (as scripts/playback-cpu.ts);
// - play-still-rings: playback with the pulse rings not animated (what the rings' animation costs);
// - rings: paused at 2001 (`play=2001`), its new partners' rings started again every 800 ms (a year at 1×) and nothing
//   else: what the rings alone cost, with frames to spare on a loaded machine.
// `--layers` prints the composited layers of a playing page (size, what they draw, Chromium's reasons).
// Usage (after `npx vite build`): npx tsx scripts/playback-gpu.ts [--dist=/tmp/dist-before,dist] [--modes=idle,tick,play]
//   [--data=real|10000] [--seconds=5] [--runs=3] [--layers]
import { loadavg } from 'node:os';
import type { CDPSession } from '@playwright/test';
import { builtDataset, launch, openAtlas, serveBuilds } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { chromiumKind, cpuByKind, cpuSnapshot } from './proc-cpu';
import { syntheticDataset } from './synthetic-dataset';
import type { TraceEvent } from './trace-event';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = arg('dist', 'dist').split(',');
const modes = arg('modes', 'idle,tick,play').split(',');
const size = arg('data', 'real');
const seconds = Number(arg('seconds', '5'));
const runs = Number(arg('runs', '3'));
const showLayers = process.argv.includes('--layers');
/** `--css=`: a stylesheet added to the page in every mode (an experiment: hide a part of the page and see what its frames cost). */
const extraCss = arg('css', '');
/** `--ab-args=--disable-gpu-rasterization`: each build also in a second browser with these switches (comma-separated), alternating. */
const abArgs = arg('ab-args', '')
  .split(',')
  .filter((a) => a !== '');
const basePort = Number(process.env.ATLAS_BENCH_PORT ?? 4314);

const TICK = `(() => {
  const style = document.createElement('style');
  style.textContent = '@keyframes probe-tick { from { opacity: 1 } to { opacity: 0.2 } } .probe-tick { position: fixed; left: 0; top: 0; width: 4px; height: 4px; background: #000; animation: probe-tick 1s linear infinite alternate; pointer-events: none; }';
  document.head.append(style);
  document.body.append(Object.assign(document.createElement('div'), { className: 'probe-tick' }));
})()`;
const STILL_RINGS = `(() => {
  const style = document.createElement('style');
  style.textContent = '.pulse-ring { animation: none !important; opacity: 0 !important; }';
  document.head.append(style);
})()`;

const RINGS = `(() => {
  const rings = () => document.querySelectorAll('.pulse-ring');
  if (rings().length === 0) throw new Error('no rings at 2001');
  setInterval(() => { for (const ring of rings()) for (const a of ring.getAnimations()) { a.currentTime = 0; a.play(); } }, 800);
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function layers(cdp: CDPSession) {
  await cdp.send('DOM.getDocument', { depth: -1 });
  const tree = new Promise<{
    layers: { layerId: string; backendNodeId?: number; width: number; height: number; drawsContent: boolean; invisible?: boolean }[];
  }>((done) => cdp.once('LayerTree.layerTreeDidChange', (e) => done(e as never)));
  await cdp.send('LayerTree.enable');
  const { layers: all } = await tree;
  for (const layer of all) {
    let node = '';
    if (layer.backendNodeId) {
      const d = (await cdp.send('DOM.describeNode', { backendNodeId: layer.backendNodeId }).catch(() => null)) as {
        node: { nodeName: string; attributes?: string[] };
      } | null;
      if (d) {
        const attrs = d.node.attributes ?? [];
        const attr = (n: string) => attrs[attrs.indexOf(n) + 1];
        node = `${d.node.nodeName.toLowerCase()}${attrs.includes('class') ? `.${attr('class')?.split(' ').join('.')}` : ''}${attrs.includes('data-testid') ? `[${attr('data-testid')}]` : ''}`;
      }
    }
    const reasons = (await cdp.send('LayerTree.compositingReasons', { layerId: layer.layerId }).catch(() => ({ compositingReasonIds: [] }))) as {
      compositingReasonIds?: string[];
    };
    console.log(
      `  ${layer.width}×${layer.height}${layer.drawsContent ? ' draws' : ''}${layer.invisible ? ' invisible' : ''} ${node} ${(reasons.compositingReasonIds ?? []).join(',')}`,
    );
  }
  await cdp.send('LayerTree.disable');
}

const servers = await serveBuilds(dists, basePort);
const real = builtDataset(dists[0]!);
const body = size === 'real' ? null : JSON.stringify(syntheticDataset(real, Number(size)));

type Row = { gpu: number; renderer: number; swaps: number; gpuMsPerSwap: number; raster: number; paints: number; painted: string };
const results = new Map<string, Row[]>();
const browsers = [{ name: '', browser: await launch() }, ...(abArgs.length ? [{ name: ` ${abArgs.join(' ')}`, browser: await launch(abArgs) }] : [])];
try {
  for (let run = 0; run < runs; run += 1)
    for (const mode of modes)
      for (const server of servers)
        for (const { name: flags, browser } of browsers) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block', bypassCSP: true });
          const page = await openAtlas(context, `${server.url}?lang=en${mode === 'rings' ? '&play=2001' : ''}`, { body });
          if (mode === 'rings') await page.evaluate(RINGS);
          if (extraCss) await page.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), extraCss);
          if (mode === 'tick') await page.evaluate(TICK);
          if (mode === 'play-still-rings') await page.evaluate(STILL_RINGS);
          await browser.startTracing(page, { categories: ['viz', 'cc', 'gpu', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
          const cpu0 = cpuSnapshot();
          const t0 = Date.now();
          if (mode.startsWith('play')) await page.getByTestId('play').dispatchEvent('click');
          await page.waitForTimeout(seconds * 1000);
          const spent = cpuByKind(cpu0, cpuSnapshot(), chromiumKind);
          const wall = (Date.now() - t0) / 1000;
          if (showLayers && run === 0 && mode.startsWith('play')) {
            console.log(`${mode} ${server.dir}: composited layers`);
            await layers(await context.newCDPSession(page));
          }
          const buffer = await browser.stopTracing();
          await context.close();
          const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
          const events = Array.isArray(trace) ? trace : trace.traceEvents;
          let swaps = 0;
          let raster = 0;
          const painted = new Map<string, number>();
          for (const e of events) {
            if (e.ph !== 'X') continue;
            if (e.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers') swaps += 1;
            if (e.name === 'RasterTask') raster += 1;
            if (e.name === 'Paint') {
              const node = e.args?.data?.nodeName ?? '?';
              painted.set(node, (painted.get(node) ?? 0) + 1);
            }
          }
          const row: Row = {
            gpu: (spent['gpu-process'] ?? 0) / wall,
            renderer: (spent.renderer ?? 0) / wall,
            swaps: swaps / wall,
            gpuMsPerSwap: swaps ? ((spent['gpu-process'] ?? 0) * 1000) / swaps : 0,
            raster: raster / wall,
            paints: [...painted.values()].reduce((a, b) => a + b, 0) / wall,
            painted: [...painted.entries()]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 4)
              .map(([n, c]) => `${n} ${c}`)
              .join('; '),
          };
          const key = `${mode} ${server.dir}${flags}`;
          results.set(key, [...(results.get(key) ?? []), row]);
          const threads = Object.entries(spent)
            .filter(([name, v]) => name.startsWith('gpu-process/') && v >= 0.05)
            .map(([name, v]) => `${name.slice(12)} ${round(v / wall, 2)}`)
            .join(', ');
          console.log(
            `${key} run ${run + 1}: ${JSON.stringify({ ...row, gpu: round(row.gpu, 3), renderer: round(row.renderer, 3), swaps: round(row.swaps), gpuMsPerSwap: round(row.gpuMsPerSwap), raster: round(row.raster), paints: round(row.paints) })}; GPU threads ${threads}; load ${loadavg()[0]!.toFixed(1)}`,
          );
        }
} finally {
  for (const { browser } of browsers) await browser.close();
  for (const server of servers) await server.close();
}
console.log(
  `\nmedians of ${runs} runs, ${seconds} s each, ${size}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
console.log(
  '| mode, build | GPU process CPU s per s | renderer CPU s per s | frames drawn per s | GPU process CPU ms per frame drawn | raster tasks per s | Paint events per s |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [key, rows] of results) {
  const m = (f: (r: Row) => number, d = 2) => round(median(rows.map(f)), d);
  console.log(
    `| ${key} | ${m((r) => r.gpu)} | ${m((r) => r.renderer)} | ${m((r) => r.swaps, 1)} | ${m((r) => r.gpuMsPerSwap, 1)} | ${m((r) => r.raster, 1)} | ${m((r) => r.paints, 1)} |`,
  );
}
