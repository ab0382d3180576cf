// How many map drawings the national list's filter change and playback frame cause, and what each costs the page's
// main thread (issue 29, stop 37): loads the build with the national list of bench-homes.ts, waits for the map to be
// idle, then counts MapLibre's `render` events, GeoJSON setData calls (by source) and the main-thread time inside
// map._render, per year-brush change (ArrowRight / ArrowLeft, each after the previous change's next frame and an idle
// wait) and per playback animation frame (--playback=<seconds>, with the query's flows=1 arcs). Also the page's CPU
// per process from /proc. Usage (after `npx vite build`):
//   [ATLAS_DIST=<another build>] npx tsx scripts/national-renders.ts [--changes=10] [--query=&years=1995-2004] [--playback=0]
//   [--drawings=N: CPU per map drawing, repainted with the same camera and with the camera nudged]
//   [--hide=<layer ids,...|symbols|all>: hidden before the drawings, to see what part of a drawing each costs: `symbols`
//   hides every symbol layer, `all` every layer but the background and the countries (the basemap alone)]
//   [--antialias=0: the countries' fill without its antialiased outline pass (fill-antialias false), before the drawings]
//   [--why=1: per change, what came before each render: sourcedata events (source:kind, +t for a tile) and feature-state]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launch, openAtlas, serveBuild } from './browser';
import { nationalDataset } from './bench-homes';
import { chromiumKind, cpuByKind, cpuSnapshot } from './proc-cpu';
import type { Dataset } from '../src/domain/schema';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const changes = Number(arg('changes', '10'));
const query = arg('query', '&years=1995-2004');
const playSeconds = Number(arg('playback', '0'));
/** --drawings=N: N repaints with the camera kept (the arcs only composited), then N with it nudged (counted again). */
const drawings = Number(arg('drawings', '0'));
const why = arg('why', '0') === '1';
const hide = arg('hide', '');
const antialias = arg('antialias', '1') === '1';
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4433);

const assets = join(process.env.ATLAS_DIST ?? 'dist', 'assets');
const real = JSON.parse(readFileSync(join(assets, readdirSync(assets).find((f) => /^agreements-.*\.json$/.test(f))!), 'utf8')) as Dataset;
const body = JSON.stringify(nationalDataset(real));
const round = (x: number) => Math.round(x * 10) / 10;
const IDLE = 'new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))';
const NEXT_FRAME = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r)))';

// Counters on the page's map: render events, setData by source, main-thread ms inside _render, animation frames.
const PROBE = `(() => {
  const map = window.__partnerAtlasMap;
  const c = { renders: 0, drawings: 0, renderMs: 0, setData: {}, frames: 0, log: [] };
  window.__probe = c;
  // A drawing: a 'render' event that cleared the canvas (quiet-frames.ts skips drawings whose 'render' still fires): logged D.
  const gl = map.painter.context.gl;
  const clear = gl.clear.bind(gl);
  let cleared = false;
  gl.clear = (mask) => { if (gl.getParameter(gl.FRAMEBUFFER_BINDING) === null) cleared = true; clear(mask); };
  map.on('render', () => { c.renders += 1; if (cleared) c.drawings += 1; c.log.push((cleared ? 'D' : 'R') + (map._sourcesDirty ? 's' : '') + (map._styleDirty ? 'y' : '') + (map._placementDirty ? 'p' : '')); cleared = false; });
  map.on('sourcedata', (e) => { if (e.sourceId !== 'basemap' || e.tile) c.log.push(e.sourceId + ':' + (e.sourceDataType ?? '') + (e.tile ? '+t' : '')); });
  const setFeatureState = map.setFeatureState.bind(map);
  map.setFeatureState = (...a) => { c.log.push('fs'); return setFeatureState(...a); };
  const render = map._render.bind(map);
  map._render = (t) => { const s = performance.now(); const r = render(t); c.renderMs += performance.now() - s; return r; };
  const patched = new Set();
  for (const id of Object.keys(map.style.sourceCaches ?? map.style.tileManagers ?? {})) {
    const source = map.getSource(id);
    const proto = Object.getPrototypeOf(source);
    if (!proto.setData || patched.has(proto)) continue;
    patched.add(proto);
    const setData = proto.setData;
    proto.setData = function (data, ...rest) { c.setData[this.id] = (c.setData[this.id] ?? 0) + 1; return setData.call(this, data, ...rest); };
  }
  const tick = () => { c.frames += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const LOG = why ? "window.__probe.log.join(' ')" : 'undefined';
const READ = `({ ...window.__probe, log: ${LOG}, setData: { ...window.__probe.setData }, arcs: { ...(window.__partnerAtlasMap.getLayer('home-arcs')?.implementation?.passes ?? {}) } })`;
const RESET = 'Object.assign(window.__probe, { renders: 0, drawings: 0, renderMs: 0, setData: {}, frames: 0, log: [] })';

const server = await serveBuild(port);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await openAtlas(context, `${server.url}?lang=en${query}`, { body });
  await page.evaluate(IDLE);
  await page.evaluate(PROBE);
  if (changes > 0) {
    await page.getByTestId('timeline-brush').focus();
    const before = cpuSnapshot();
    const per: unknown[] = [];
    for (let i = 0; i < changes; i += 1) {
      await page.evaluate(RESET);
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.evaluate(NEXT_FRAME);
      await page.evaluate(IDLE);
      per.push(await page.evaluate(READ));
    }
    const spent = cpuByKind(before, cpuSnapshot(), chromiumKind);
    console.log('per change (render events, main-thread ms in map._render, setData by source, animation frames):');
    for (const p of per) console.log(JSON.stringify(p, (_, v) => (typeof v === 'number' ? round(v) : v)));
    const perChange = (s: number | undefined) => round(((s ?? 0) * 1000) / changes);
    console.log(`CPU ms per change (with the idle waits): renderer ${perChange(spent.renderer)}, GPU process ${perChange(spent['gpu-process'])}`);
  }
  if (hide) {
    const hidden = await page.evaluate((hide) => {
      const map = (window as unknown as { __partnerAtlasMap: import('maplibre-gl').Map }).__partnerAtlasMap;
      const ids = map
        .getStyle()
        .layers.filter((l) =>
          hide === 'all' ? !['background', 'countries-fill'].includes(l.id) : hide === 'symbols' ? l.type === 'symbol' : hide.split(',').includes(l.id),
        )
        .map((l) => l.id);
      for (const id of ids) map.setLayoutProperty(id, 'visibility', 'none');
      return ids;
    }, hide);
    await page.evaluate(NEXT_FRAME);
    await page.evaluate(IDLE);
    console.log(`hidden: ${hidden.join(', ')}`);
  }
  if (!antialias) {
    await page.evaluate("window.__partnerAtlasMap.setPaintProperty('countries-fill', 'fill-antialias', false)");
    await page.evaluate(NEXT_FRAME);
    await page.evaluate(IDLE);
  }
  for (const [kind, draw] of [
    ['repaint, same camera', 'window.__partnerAtlasMap.triggerRepaint()'],
    [
      'camera nudged',
      'window.__partnerAtlasMap.jumpTo({ center: [window.__partnerAtlasMap.getCenter().lng + 0.01, window.__partnerAtlasMap.getCenter().lat] })',
    ],
  ] as const) {
    if (drawings === 0) break;
    await page.evaluate(RESET);
    const before = cpuSnapshot();
    for (let i = 0; i < drawings; i += 1) {
      await page.evaluate(draw);
      await page.evaluate(NEXT_FRAME);
      await page.evaluate(IDLE);
    }
    const spent = cpuByKind(before, cpuSnapshot(), chromiumKind);
    const p = (await page.evaluate(READ)) as { renders: number };
    const per = (s: number | undefined) => round(((s ?? 0) * 1000) / Math.max(1, p.renders));
    console.log(`${kind}: ${JSON.stringify(p)}; per map drawing: renderer CPU ms ${per(spent.renderer)}, GPU process ${per(spent['gpu-process'])}`);
  }
  if (playSeconds > 0) {
    await page.evaluate(RESET);
    const before = cpuSnapshot();
    await page.getByTestId('play').click();
    await page.waitForTimeout(playSeconds * 1000);
    const p = (await page.evaluate(READ)) as { renders: number; renderMs: number; frames: number };
    const spent = cpuByKind(before, cpuSnapshot(), chromiumKind);
    const shown = await page.evaluate(() => document.querySelector('[data-testid="playback-year"]')?.textContent ?? '');
    // Years stepped: the year on screen less the playback's first (the dataset's first year, 1983, without a year filter).
    const years = Math.max(1, Number(/\d{4}/.exec(shown)?.[0] ?? 1983) - 1983 + 1);
    const per = (n: number, s: number | undefined) => round(((s ?? 0) * 1000) / Math.max(1, n));
    console.log(`playback ${playSeconds} s: ${JSON.stringify(p, (_, v) => (typeof v === 'number' ? round(v) : v))} (year on screen ${shown})`);
    console.log(
      `per year step (${years}): renderer CPU ms ${per(years, spent.renderer)}, GPU process ${per(years, spent['gpu-process'])}; per map render: main-thread ms in _render ${round(p.renderMs / Math.max(1, p.renders))}, renderer CPU ms ${per(p.renders, spent.renderer)}, GPU process ${per(p.renders, spent['gpu-process'])}`,
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`load ${loadavg().map(round).join(' ')}`);
