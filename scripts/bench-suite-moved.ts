// The browser suite's largest files, moved to `npm run bench` (issue 25: the suite under 6 minutes). Each was a
// browser test that spent minutes on one big file; the suite keeps the same code path on a small file, and the
// domain tests keep the property the size was for. Here each runs once, is checked, and timed:
// - a 130,000-row dated list is read, applied, stored and shown with 130,000 agreements (was stored-lists.spec.ts;
//   the suite applies lists of 2–3 rows, tests/domain/big-list-index.test.ts indexes 130,000 agreements);
// - a workbook inflating to 200 MB is refused with the reason (was hostile-files.spec.ts; the suite refuses an
//   encrypted workbook through the same worker and dialog, tests/domain/import/xlsx-hostile.test.ts the cap).
// `--moved=none` skips them. A check that fails throws: the bench stops with its message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { inflatingWorkbook, sheetXml } from '../tests/domain/import/hostile-workbook';

const HEADER = ['大学名', '国・地域', '締結日'];
const BIG_LIST_ROWS = 130_000;
/** Files on disk, as a person would choose them (a buffer is sent through the driver, slowly on a loaded machine). */
const onDisk = (name: string, bytes: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), name);
  writeFileSync(file, bytes);
  return file;
};
const INFLATES_TO_MB = 200;

export interface MovedChecks {
  /** The 130,000-row list: choosing the file → its summary; Apply → the panel closed (stored); → the counts. */
  bigList: { rows: number; summaryMs: number; storedMs: number; shownMs: number };
  /** The inflating workbook: choosing it → the refusal on screen. */
  inflating: { megabytes: number; refusedMs: number };
}

async function openAtlas(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${url}?lang=en`);
  await page.locator('html[data-first-view="true"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-open').click();
  return page;
}

/** As tests/e2e/import-home.ts: the home named, found by the worker, and Apply enabled. */
async function nameHome(page: Page) {
  await page.getByTestId('import-home').fill('Nagoya University');
  await page.getByTestId('import-home').press('Enter');
  await page.locator('[data-testid="import-home-resolved"][data-home]:not([data-home=""])').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="import-apply"]:enabled').waitFor();
}

async function bigList(browser: Browser, url: string): Promise<MovedChecks['bigList']> {
  const countries = ['韓国', 'ドイツ', 'オーストラリア', 'カナダ', '中国'];
  const rows = Array.from({ length: BIG_LIST_ROWS }, (_, n) => `Partner University ${n % 2000},${countries[n % 5]},${1990 + (n % 30)}-04-01`);
  const file = onDisk('big.csv', Buffer.from([HEADER.join(','), ...rows].join('\n')));
  const page = await openAtlas(browser, url);
  try {
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(file, { timeout: 120_000 });
    await page.locator(`[data-testid="import-summary"][data-rows="${BIG_LIST_ROWS}"]`).waitFor({ timeout: 300_000 });
    const summaryMs = Date.now() - started;
    await nameHome(page);
    const applied = Date.now();
    await page.getByTestId('import-apply').click();
    // The dialog closes once the list is stored.
    await page.getByTestId('import-panel').waitFor({ state: 'hidden', timeout: 300_000 });
    const storedMs = Date.now() - applied;
    const shown = BIG_LIST_ROWS.toLocaleString('en');
    await page.waitForFunction((text) => document.querySelector('[data-testid="count-agreements"]')?.textContent?.includes(text), shown, {
      timeout: 120_000,
    });
    return { rows: BIG_LIST_ROWS, summaryMs, storedMs, shownMs: Date.now() - applied };
  } finally {
    await page.context().close();
  }
}

async function inflating(browser: Browser, url: string): Promise<MovedChecks['inflating']> {
  const data = [['Seoul National University', '韓国', '2012-04-01']];
  const bomb = inflatingWorkbook(sheetXml([HEADER, ...data]).replace('</worksheet>', ''), INFLATES_TO_MB, '</worksheet>');
  const page = await openAtlas(browser, url);
  try {
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(onDisk('bomb.xlsx', bomb), { timeout: 120_000 });
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 120_000 });
    const refusedMs = Date.now() - started;
    const text = (await error.textContent()) ?? '';
    if (!/expands past 128 MB, more than any list of agreements/.test(text)) throw new Error(`the inflating workbook was not refused for its size: "${text}"`);
    return { megabytes: INFLATES_TO_MB, refusedMs };
  } finally {
    await page.context().close();
  }
}

/** Runs the moved checks (unless `--moved=none`), prints them and writes bench/suite-moved.json. */
export async function runMovedChecks(browser: Browser, url: string): Promise<MovedChecks | null> {
  if (process.argv.includes('--moved=none')) return null;
  console.log(`moved from the browser suite: a ${BIG_LIST_ROWS.toLocaleString('en')}-row list, a workbook inflating to ${INFLATES_TO_MB} MB…`);
  const result = { bigList: await bigList(browser, url), inflating: await inflating(browser, url) };
  console.table({ ...result.bigList, ...result.inflating });
  writeFileSync('bench/suite-moved.json', `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
  return result;
}
