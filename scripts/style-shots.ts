// `tsx scripts/style-shots.ts <dir> [<before-dir>]`: screenshots of the page's states (the lazily loaded dialogs too)
// at 1440×900 and 375×812 in ja and en, from the build in dist/ (or ATLAS_SHOTS_DIST). With a second folder, each shot is
// compared with the one of the same name there, pixel by pixel, and the differing ones are listed: a stylesheet moved
// beside its component must not change the page (issue 25).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { preview } from 'vite';
import { launch } from './browser';

type Act = (page: Page) => Promise<unknown>;
const click =
  (...ids: string[]): Act =>
  async (page) => {
    for (const id of ids) await page.getByTestId(id).first().click();
  };
const STATES: { name: string; query: string; act?: Act; phone?: boolean; desktop?: boolean }[] = [
  { name: 'overview', query: '' },
  { name: 'country-fr', query: 'country=FR&years=2005-2012', phone: false },
  { name: 'card', query: 'selected=university-of-california-berkeley' },
  { name: 'playback', query: 'play=2001' },
  { name: 'present-step', query: 'present=4', phone: false },
  { name: 'embed', query: 'embed=1&dept=engineering', phone: false },
  { name: 'about', query: '', act: click('about-open') },
  { name: 'import', query: '', act: click('import-open') },
  { name: 'export', query: '', act: click('export-menu'), phone: false },
];
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 375, height: 812 },
];

// Pixels whose colours differ by more than 24 (summed over R, G and B), counted in the page (a string: tsx's helpers
// do not exist there).
const COMPARE = `async ([a, b]) => {
  const pixels = async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const [p, q] = [await pixels(a), await pixels(b)];
  if (p.length !== q.length) return -1;
  let count = 0;
  for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 24) count++;
  return count;
}`;

const [out, before] = process.argv.slice(2);
/** ATLAS_SHOTS_COMPARE_ONLY=1: compare the shots already in <dir>. */
const compareOnly = process.env.ATLAS_SHOTS_COMPARE_ONLY === '1';
if (!out) throw new Error('usage: tsx scripts/style-shots.ts <dir> [<before-dir>]');
mkdirSync(out, { recursive: true });
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4174);
const vite = await preview({
  build: { outDir: process.env.ATLAS_SHOTS_DIST ?? 'dist' },
  preview: { port, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const server = { url: `http://127.0.0.1:${port}/`, close: () => vite.close() };
const browser = await launch();
const shots: string[] = [];
try {
  for (const viewport of compareOnly ? [] : VIEWPORTS) {
    for (const lang of ['ja', 'en']) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const state of STATES) {
        if (viewport.name === 'phone' && state.phone === false) continue;
        const query = [state.query, `lang=${lang}`].filter(Boolean).join('&');
        await page.goto(`${server.url}?${query}`);
        await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
        await state.act?.(page);
        await page.waitForFunction(
          () => {
            const map = window.__partnerAtlasMap;
            return !map || (map.loaded() && !map.isMoving() && map.areTilesLoaded());
          },
          undefined,
          { timeout: 60_000 },
        );
        await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
        const file = `${state.name}-${lang}-${viewport.name}.png`;
        await page.screenshot({ path: `${out}/${file}` });
        shots.push(file);
      }
      await context.close();
    }
  }
  if (compareOnly) shots.push(...readdirSync(out).filter((file) => file.endsWith('.png')));
  if (before) {
    const page = await browser.newPage();
    for (const file of shots) {
      if (!existsSync(`${before}/${file}`)) continue;
      const urls = [before, out].map((dir) => `data:image/png;base64,${readFileSync(`${dir}/${file}`).toString('base64')}`);
      const differing = (await page.evaluate(`(${COMPARE})(${JSON.stringify(urls)})`)) as number;
      console.log(`${differing === 0 ? 'same' : 'DIFFERS'}\t${differing}\t${file}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
