// `npm run screenshots`: PNGs of the key states in both languages, from the production build, into screenshots/.
import { mkdirSync } from 'node:fs';
import { launch, serveBuild } from './browser';

const OUT = 'screenshots';
const STATES = [
  { name: 'overview', query: '' },
  { name: 'country-fr', query: 'country=FR' },
  { name: 'years-2000-2009', query: 'years=2000-2009' },
  { name: 'waiver-europe', query: 'waiver=1&region=europe' },
  { name: 'selected-berkeley', query: 'selected=university-of-california-berkeley' },
  { name: 'search-seoul', query: 'q=seoul' },
  { name: 'playback-2001', query: 'play=2001' },
  { name: 'present-title', query: 'present=0' },
  { name: 'present-step', query: 'present=4' },
  { name: 'embed-engineering', query: 'embed=1&dept=engineering' },
];
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 375, height: 667, only: ['overview', 'playback-2001'] },
  // Presentation mode is sized for a projector.
  { name: 'projector', width: 1920, height: 1080, only: ['present-title', 'present-step'] },
];

mkdirSync(OUT, { recursive: true });
const server = await serveBuild();
const browser = await launch();
try {
  for (const viewport of VIEWPORTS) {
    for (const lang of ['ja', 'en']) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      // Minutes, not seconds: on a loaded 2-core machine a page took over 30 s to be ready.
      page.setDefaultTimeout(300_000);
      page.setDefaultNavigationTimeout(300_000);
      for (const state of STATES) {
        if (viewport.only && !viewport.only.includes(state.name)) continue;
        const query = [state.query, `lang=${lang}`].filter(Boolean).join('&');
        await page.goto(`${server.url}?${query}`);
        await page.waitForSelector('html[data-ready="true"]');
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        // Camera animations (fly to a country or an institution) settle before the shot.
        await page.waitForFunction(() => {
          const map = window.__partnerAtlasMap;
          return !map || (map.loaded() && !map.isMoving() && map.areTilesLoaded());
        });
        const file = `${OUT}/${state.name}-${lang}-${viewport.name}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
