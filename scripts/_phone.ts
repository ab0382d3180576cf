import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
const URL = 'http://127.0.0.1:4330/';
const OUT = process.env.OUT ?? '/tmp/house/shots';
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const settle = (page: import('@playwright/test').Page) =>
  page.waitForFunction(() => {
    const map = (window as any).__partnerAtlasMap;
    return !map || (map.loaded() && !map.isMoving());
  }, null, { timeout: 120_000 });
for (const lang of (process.env.LANGS ?? 'ja,en').split(',')) {
  const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  if (!process.env.SKIP_PLAY) {
  await page.goto(`${URL}?lang=${lang}&play=2001`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
  await settle(page);
  await page.screenshot({ path: `${OUT}/play-${lang}.png` });
  const toolbar = await page.getByTestId('playback').boundingBox();
  const play = await page.getByTestId('play').boundingBox();
  const exit = await page.getByTestId('playback-exit').boundingBox();
  console.log(lang, 'page width', await page.evaluate(() => document.documentElement.scrollWidth));
  console.log(lang, 'playback toolbar', JSON.stringify(toolbar), 'play y', play?.y, 'exit y', exit?.y);
  }
  await page.goto(`${URL}?lang=${lang}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
  await settle(page);
  await page.screenshot({ path: `${OUT}/overview-${lang}.png` });
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement || el instanceof SVGElement)) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${size}px "${el.textContent!.trim().slice(0, 20)}"`);
    }
    return out;
  });
  console.log(lang, 'visible text under 12px:', small.length, small.slice(0, 15));
  await page.getByTestId('tab-filters').click();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  console.log(lang, 'scrolled filters to', await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight, (document.querySelector('.sidebar') as HTMLElement).scrollTop]));
  await page.getByTestId('show-results').click();
  await page.waitForFunction(() => document.querySelector('.app.tab-list'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const results = await page.locator('#results').boundingBox();
  console.log(lang, 'results top after Show N', results?.y, 'scrollY', await page.evaluate(() => window.scrollY));
  await page.screenshot({ path: `${OUT}/list-${lang}.png` });
  await page.getByTestId('result-row').first().click();
  await page.waitForFunction(() => document.querySelector('.app.tab-map'));
  await page.locator('.card').waitFor({ timeout: 30_000 });
  await settle(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/card-${lang}.png` });
  const card = await page.locator('.overlays').boundingBox();
  const map = await page.getByTestId('map').boundingBox();
  console.log(lang, 'card', JSON.stringify(card), 'map', JSON.stringify(map));
  await page.close();
}
await browser.close();
