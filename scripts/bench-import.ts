// The import scenario of `npm run bench` (--import=42000, the default; --import=none skips it): a national list of
// that many rows read in the page's worker. Moved here from the browser suite (import.spec.ts keeps the behaviour on
// a smaller list): the time to the summary, the page's main thread meanwhile (longest task, frames and the longest
// gap between them), the time from "Show this list" to its counts, and a filter change (a year-brush step) on it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { parseDataset } from '../src/domain/schema';
import { NATIONAL_HOMES, nationalList } from './national-list';

export interface ImportResult {
  rows: number;
  /** From choosing the file to the summary on screen. */
  importMs: number;
  longestTaskMs: number;
  longTasks: number;
  frames: number;
  longestFrameGapMs: number;
  /** From "Show this list" to the atlas counting it. */
  shownMs: number;
  /** A year-brush step on the list: keydown to the synchronous update's end (median, max of 10). */
  filterChangeMedianMs: number;
  filterChangeMaxMs: number;
}

// Strings, not functions: tsx's keepNames would inject a helper (__name) that the page does not have.
const WATCH = `(() => {
  const w = window;
  w.__watch = { tasks: [], frames: 0, longestGap: 0, running: true };
  new PerformanceObserver((list) => { if (w.__watch.running) for (const e of list.getEntries()) w.__watch.tasks.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (now) => {
    if (!w.__watch.running) return;
    w.__watch.frames += 1;
    w.__watch.longestGap = Math.max(w.__watch.longestGap, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_WATCH = `(() => { window.__watch.running = false; return window.__watch; })()`;
const TIME_KEYS = `(() => {
  window.__updateMs = [];
  let start = 0;
  window.addEventListener('keydown', () => (start = performance.now()), true);
  window.addEventListener('keydown', () => window.__updateMs.push(performance.now() - start));
})()`;

const counted = (page: Page) => page.getByTestId('count-agreements').textContent();

export async function measureImport(browser: Browser, url: string, rows: number): Promise<ImportResult> {
  // The list is made from the committed dataset, as import.spec.ts makes it.
  // The ministry's shape (issue 28): a 大学名 column naming about 770 home universities.
  const list = nationalList(parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8'))), rows, 17, NATIONAL_HOMES);
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'national-list.csv');
  writeFileSync(file, list.csv);
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(`${url}?lang=en`);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-open').click();
    await page.evaluate(WATCH);
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor({ timeout: 240_000 });
    const importMs = Date.now() - started;
    const watched = (await page.evaluate(STOP_WATCH)) as { tasks: number[]; frames: number; longestGap: number };
    const before = await counted(page);
    const applied = Date.now();
    await page.getByTestId('import-apply').click();
    await page.waitForFunction((previous) => document.querySelector('[data-testid="count-agreements"]')?.textContent !== previous, before, {
      timeout: 120_000,
    });
    const shownMs = Date.now() - applied;
    await page.getByTestId('timeline-brush').focus();
    await page.evaluate(TIME_KEYS);
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    const updates = ((await page.evaluate('window.__updateMs')) as number[]).sort((a, b) => a - b);
    return {
      rows,
      importMs,
      longestTaskMs: Math.round(Math.max(0, ...watched.tasks)),
      longTasks: watched.tasks.length,
      frames: watched.frames,
      longestFrameGapMs: Math.round(watched.longestGap),
      shownMs,
      filterChangeMedianMs: Math.round(updates[updates.length >> 1]! * 10) / 10,
      filterChangeMaxMs: Math.round(updates.at(-1)! * 10) / 10,
    };
  } finally {
    await context.close();
  }
}
