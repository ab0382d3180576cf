// `npx tsx scripts/phone-fold.ts [dir]`: the phone's first screen (375×812, ja and en) from the build in dist/ (or
// ATLAS_SHOTS_DIST): where the map, the counts and the year chart end, against the fold, and a screenshot of each
// (default dir docs/issue-25/).
import { preview } from 'vite';
import { launch } from './browser';

const out = process.argv[2] ?? 'docs/issue-25';
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4318);
const vite = await preview({
  build: { outDir: process.env.ATLAS_SHOTS_DIST ?? 'dist' },
  preview: { port, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await launch();
try {
  for (const lang of ['ja', 'en']) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?lang=${lang}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
    await page.evaluate(() => new Promise<void>((resolve) => window.__partnerAtlasMap?.once('idle', () => resolve()) ?? resolve()));
    const bottom = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      return box ? { top: Math.round(box.y), bottom: Math.round(box.y + box.height) } : null;
    };
    const boxes = {
      header: await bottom('.app-header'),
      counts: await bottom('.summary'),
      map: await bottom('[data-testid="map"]'),
      timeline: await bottom('[data-testid="timeline"]'),
      chart: await bottom('[data-testid="timeline-chart"]'),
      play: await bottom('[data-testid="play"]'),
    };
    console.log(JSON.stringify({ lang, fold: 812, ...boxes }));
    await page.screenshot({ path: `${out}/phone-375x812-${lang}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => vite.httpServer.close(() => resolve()));
}
