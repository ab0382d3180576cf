// "Open your list": a file chosen in the page is read there, summarised row by row, shown instead of the built-in
// list (the counts count it), and left again for the built-in list.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { summarise } from '../../src/domain/aggregate';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { cityLookup, type CityGazetteer } from '../../src/domain/import/cities';
import { importAgreements, type ColumnChoice, type ImportOptions } from '../../src/domain/import/importer';
import type { InstitutionGazetteer } from '../../src/domain/import/institution-asset';
import { createInstitutionLookup } from '../../src/domain/import/institutions';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { viewAtYear } from '../../src/domain/view';
import { foldForSearch } from '../../src/domain/search';
import { nationalList } from '../../scripts/national-list';
import { nameHome, waitRead } from './import-home';
import { AtlasPage, datasetIndex, expectedCounts } from './atlas-page';
import { sharedHeldPage } from './held-page';

/**
 * Rows of the national list read here: enough that reading takes a while (progress, Cancel, frames meanwhile). The
 * 42,000-row list's timings are `npm run bench`'s (scripts/bench-import.ts), not the suite's.
 */
const SUITE_ROWS = 10_000;

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

/** The city gazetteer of the build under test (dist/assets/cities-*.json), as the page's import worker reads it. */
/** A gazetteer as the build wrote it (dist/assets/<name>-<hash>.json): what the page's import worker fetches. */
function builtAsset(name: string): unknown {
  const dir = new URL('../../dist/assets/', import.meta.url).pathname;
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}-[\\w-]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name}-*.json in dist/assets: build first (npx vite build)`);
  return JSON.parse(readFileSync(dir + file, 'utf8'));
}

let builtOptions: ImportOptions | null = null;

/**
 * The page's reading of a list: the built-in dataset and the two gazetteers the worker fetches, as built. Made once
 * per worker: the lookups build their per-country indexes on first use and keep them (each fresh lookup cost the
 * test process 3–14 s of CPU per expected list; bench/suite-times.md).
 */
function pageOptions(): ImportOptions {
  if (builtOptions) return builtOptions;
  const base = datasetIndex().dataset;
  const cities = builtAsset('cities') as CityGazetteer;
  builtOptions = {
    base,
    asOf: new Date().toISOString().slice(0, 7),
    cities: cityLookup(cities, foldForSearch),
    institutions: createInstitutionLookup(builtAsset('institutions') as InstitutionGazetteer, { builtins: base.institutions, cities }),
  };
  return builtOptions;
}

/** What the list should show once applied: the same importer (and gazetteer), run here. */
async function expectedFor(name: string, bytes = new Uint8Array(readFileSync(fixture(name))), columns?: ColumnChoice) {
  // The page's reading: the same gazetteers (cities and institutions) as `npm run import`'s.
  const result = await importAgreements(bytes, name, { ...pageOptions(), ...(columns ? { columns } : {}) });
  const index = buildIndex(result.dataset);
  return { summary: result.summary, counts: summarise(filterLinks(index, DEFAULT_FILTERS)), index };
}

/**
 * Records, in the page, from now until the returned function is called: the longest task (PerformanceObserver
 * 'longtask') and the longest wait between two animation frames, i.e. how long the page could not repaint.
 */
async function watchMainThread(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __watch: { tasks: number[]; frames: number; longestGap: number; running: boolean } };
    w.__watch = { tasks: [], frames: 0, longestGap: 0, running: true };
    new PerformanceObserver((list) => {
      if (w.__watch.running) for (const entry of list.getEntries()) w.__watch.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now: number) => {
      if (!w.__watch.running) return;
      w.__watch.frames += 1;
      w.__watch.longestGap = Math.max(w.__watch.longestGap, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return async () => {
    const watched = await page.evaluate(() => {
      const w = window as unknown as { __watch: { tasks: number[]; frames: number; longestGap: number; running: boolean } };
      w.__watch.running = false;
      return w.__watch;
    });
    return {
      longestTaskMs: Math.round(Math.max(0, ...watched.tasks)),
      longTasks: watched.tasks.length,
      frames: watched.frames,
      longestFrameGapMs: Math.round(watched.longestGap),
    };
  };
}

test.describe('open your list', () => {
  // One page for the file, each test at its own URL with the origin's storage cleared (held-page.ts): a navigation
  // reuses the app's HTTP and code caches, and the gazetteers the import worker fetches (~4 MB).
  const openAt = sharedHeldPage();
  // Each test's first reading indexes the gazetteers in a new worker: room for a loaded machine (CI: 2 workers, 2 cores).
  test.describe.configure({ timeout: 180_000 });

  test('a CSV with bad rows: summary, one problem per rejected row, apply, counts, a link that says the list is local, reset', async ({ browser }) => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    const builtIn = expectedCounts();
    await atlas.expectCounts(builtIn);
    const expected = await expectedFor('partners-bad.csv');

    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(fixture('partners-bad.csv'));
    await waitRead(page);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', '8');
    await expect(summary).toHaveAttribute('data-placed', '3');
    await expect(summary).toHaveAttribute('data-approximate', '1');
    await expect(summary).toHaveAttribute('data-rejected', '4');
    expect(expected.summary).toEqual({ rows: 8, placed: 3, approximate: 1, rejected: 4, byCity: 0, ambiguous: 0, skipped: 0 });
    const problems = page.getByTestId('import-problem');
    await expect(problems).toHaveCount(4);
    expect(await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).toEqual(['3', '4', '5', '6']);
    await expect(problems.nth(2)).toContainText('Row 5: not a calendar date (2012-02-30)');

    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.waitFirstView();
    await atlas.expectCounts(expected.counts);
    expect(expected.counts).toEqual({ agreements: 4, institutions: 4, countries: 4 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imported agreements');

    // The link says the list is this browser's (list=local), and the share menu says it opens only here.
    await atlas.expectUrl(/list=local/);
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('share-local')).toHaveText(
      'This list is kept in this browser only: the link opens it here, but on another device or browser it shows the built-in list.',
    );
    const link = await page.getByTestId('share-link').inputValue();
    expect(new URL(link).searchParams.get('list')).toMatch(/^local:[0-9a-f]{16}$/);
    // Elsewhere (another browser profile: no saved list) the link shows the built-in list, and says why.
    const elsewhere = await browser.newContext();
    const other = new AtlasPage(await elsewhere.newPage());
    await other.holdMap();
    await other.page.goto(link);
    await other.waitFirstView();
    await expect(other.page.getByTestId('local-list-missing')).toHaveText(
      /This link is for a list opened on another device or browser\. That list is not here, so the built-in list is shown\./,
    );
    await other.expectCounts(builtIn);
    await other.expectUrl(/^\?lang=en$/);
    other.expectClean();
    await elsewhere.close();

    // Kept in IndexedDB: a reload shows the list again (saving is asynchronous, so reload until it shows).
    await expect
      .poll(async () => {
        await page.reload();
        await atlas.waitFirstView();
        return atlas.counts();
      })
      .toEqual(expected.counts);

    await page.getByTestId('import-open').click();
    await expect(page.getByTestId('import-panel')).toContainText('partners-bad.csv');
    await page.getByTestId('import-reset').click();
    await atlas.expectCounts(builtIn);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Imported agreements');
    await expect
      .poll(async () => {
        await page.reload();
        await atlas.waitFirstView();
        return atlas.counts();
      })
      .toEqual(builtIn);
    atlas.expectClean();
  });

  test('an XLSX with a title row, merged cells and era dates, in Japanese', async () => {
    const atlas = await openAt('lang=ja');
    const { page } = atlas;
    const expected = await expectedFor('partners.xlsx');
    await page.getByTestId('import-open').click();
    // An old binary workbook is named as such, in the page's language.
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    await expect(page.getByTestId('import-error')).toHaveText('古い形式のExcelファイル(.xls)は読めません。.xlsx か CSV で保存し直してください。');
    await page.getByTestId('import-file').setInputFiles(fixture('partners.xlsx'));
    await waitRead(page);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', '7');
    // Two partners placed by a city in their names (the city gazetteer), the rest as built-in institutions.
    await expect(summary).toHaveAttribute('data-placed', '6');
    await expect(summary).toHaveAttribute('data-approximate', '0');
    await expect(summary).toHaveAttribute('data-rejected', '1');
    await expect(page.getByTestId('import-problem')).toHaveAttribute('data-row', '9');
    await expect(page.getByTestId('import-problem')).toHaveText('9行目：国・地域がわかりません(アトランティス)');
    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts(expected.counts);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    atlas.expectClean();
  });

  test('a file dropped on the map opens the preview; choosing the right name column changes the figures', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    const before = await expectedFor('survey-style.csv');
    const wrong = await expectedFor('survey-style.csv', undefined, { name: 1 });
    const after = await expectedFor('survey-style.csv', undefined, { name: 3 });
    // A drag from the desktop, as the browser reports it: a DataTransfer holding the file.
    const dataTransfer = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'survey-style.csv', { type: 'text/csv' }));
        return transfer;
      },
      [...readFileSync(fixture('survey-style.csv'))],
    );
    const map = page.getByTestId('map');
    await map.dispatchEvent('dragenter', { dataTransfer });
    const overlay = page.getByTestId('import-drop-overlay');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Drop the file to open it as your list of agreements');
    await map.dispatchEvent('dragover', { dataTransfer });
    await map.dispatchEvent('drop', { dataTransfer });
    await expect(overlay).toHaveCount(0);
    await expect(page.getByTestId('import-panel')).toBeVisible();
    await waitRead(page);

    // The survey names the home university (大学名) beside the partner (相手機関名): 大学名 is read as the home.
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-placed', String(before.summary.placed));
    // リヨン第1大学 is placed at Lyon, the city in its name.
    expect(before.summary).toMatchObject({ rows: 5, placed: 5, approximate: 0 });
    const name = page.getByTestId('import-column-name');
    await expect(name.locator('option:checked')).toHaveText('Column D: 相手機関名');
    await expect(page.getByTestId('import-column-home').locator('option:checked')).toHaveText('Column B: 大学名');
    await expect(page.getByTestId('import-column-country').locator('option:checked')).toHaveText('Column C: 相手国');
    // A wrong choice shows in the figures: read as the partner, every row is "東北大学".
    await name.selectOption({ label: 'Column B: 大学名' });
    // Read again in the worker (the summary hidden meanwhile): room for a loaded machine.
    await expect(summary).toHaveAttribute('data-approximate', String(wrong.summary.approximate), { timeout: 60_000 });
    expect(wrong.summary).toMatchObject({ rows: 5, placed: 0, approximate: 5 });
    await name.selectOption({ label: 'Column D: 相手機関名' });
    await expect(summary).toHaveAttribute('data-placed', String(after.summary.placed), { timeout: 60_000 });
    await expect(summary).toHaveAttribute('data-approximate', String(after.summary.approximate));
    expect(after.summary).toMatchObject({ rows: 5, placed: 5, approximate: 0 });
    await expect(summary).toHaveText('5 rows — placed: 5; approximate (country centre): 0; rejected: 0');
    await expect(name.locator('option:checked')).toHaveText('Column D: 相手機関名');
    // "Not used" takes a column out: without dates, nothing is rejected or dated, and the figures stay.
    await page.getByTestId('import-column-signed').selectOption({ label: 'Not used' });
    await expect(page.getByTestId('import-column-signed').locator('option:checked')).toHaveText('Not used');
    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts(after.counts);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imported agreements');
    atlas.expectClean();
  });

  test('a list with end dates: the timeline offers "Active in year", and counts, playback and the card follow it', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    const expected = await expectedFor('two-row-header.csv');
    const [first, last] = expected.index.yearExtent;
    const at = (basis: 'signed' | 'active') => viewAtYear(expected.index, DEFAULT_FILTERS, last, { ...DEFAULT_SETTINGS, basis }).view.summary;
    // Lund's agreement ended in 2009: in 2010 four partners had signed, three were in force.
    expect([at('signed').institutions, at('active').institutions]).toEqual([4, 3]);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(fixture('two-row-header.csv'));
    await waitRead(page);
    await expect(page.getByTestId('import-summary')).toHaveAttribute('data-rows', String(expected.summary.rows));
    await expect(page.getByTestId('import-panel')).toContainText('Header: rows 2–3');
    await expect(page.getByTestId('import-panel')).toContainText('Agreements with an end date: 3');
    await expect(page.getByTestId('import-column-expires').locator('option:checked')).toHaveText('Column G: 締結 / 有効期限');
    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts(expected.counts);

    await expect(page.getByTestId('basis-signed')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'One year forward' }).click();
    await expect(page.getByTestId('playback-year')).toHaveText(String(first));
    await page.getByRole('button', { name: 'To the end' }).click();
    await expect(page.getByTestId('playback-year')).toHaveText(String(last));
    await atlas.expectCounts(at('signed'));
    await page.getByTestId('basis-active').click();
    await expect(page.getByTestId('basis-active')).toHaveAttribute('aria-pressed', 'true');
    await atlas.expectCounts(at('active'));
    await expect(page.locator('#timeline-title')).toHaveText('Agreements in force each year');
    await atlas.expectUrl(/basis=active/);
    await page.getByTestId('playback-exit').click();
    await atlas.expectCounts(expected.counts);
    await page.getByTestId('result-row').filter({ hasText: 'RWTH Aachen University' }).click();
    await expect(page.getByTestId('card-expires')).toHaveText('Ends: 18 May 2028');
    atlas.expectClean();
  });

  test('a published list: heading rows skipped and listed, merged country cells filled, a year alone shown as a year', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    const expected = await expectedFor('published-style.csv');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(fixture('published-style.csv'));
    await waitRead(page);
    const summary = page.getByTestId('import-summary');
    // Three partners; the region heading and the footnote are neither rows nor problems.
    await expect(summary).toHaveAttribute('data-rows', '3');
    await expect(summary).toHaveAttribute('data-skipped', '2');
    await expect(summary).toHaveAttribute('data-rejected', '0');
    expect(expected.summary).toMatchObject({ rows: 3, rejected: 0, skipped: 2 });
    await page.getByTestId('import-skipped').locator('summary').click();
    await expect(page.getByTestId('import-skipped-row')).toHaveText(['Row 2: アジア州(3)', 'Row 6: ※ 大学間協定のみ掲載']);
    await expect(page.getByTestId('import-inferred').locator('[data-kind=filled-country]')).toHaveText('Blank country cells filled from the row above: 2');
    await expect(page.getByTestId('import-problem')).toHaveCount(0);
    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts(expected.counts);
    expect(expected.counts).toEqual({ agreements: 3, institutions: 3, countries: 1 });
    // 清華大学, 1998: a year, not "1 January 1998".
    await expect(page.locator('[data-testid=result-row][data-id=tsinghua-university] .result-meta')).toContainText('signed 1998');
    await expect(page.locator('[data-testid=result-row][data-id=tsinghua-university] .result-meta')).not.toContainText('January');
    atlas.expectClean();
  });

  test('paste a table: an HTML table with merged cells and day-first dates is read like a file; a headerless file shows its first rows', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    await page.getByTestId('import-open').click();
    // A headerless file: its first rows are shown, for the person to say which column is which.
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'bare.csv', mimeType: 'text/csv', buffer: Buffer.from('Peking University,China,2001\nFudan University,China,2002\n') });
    await expect(page.getByTestId('import-first-rows').locator('tr')).toHaveCount(2);
    await expect(page.getByTestId('import-first-rows').locator('tr').first()).toContainText('Peking University');
    // A web page's table on the clipboard: the country cell spans two rows.
    await page.locator('.import-paste summary').click();
    const html =
      '<table><tr><th>Country</th><th>Partner</th><th>Date of Agreement</th></tr>' +
      '<tr><td rowspan="2">CHINA (2)</td><td>Peking University <a href="#">(外部サイト)</a></td><td>31/03/2017</td></tr>' +
      '<tr><td>Fudan University</td><td>01/04/2015</td></tr></table>';
    await page.getByTestId('import-paste').evaluate((area, markup) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/html', markup);
      clipboardData.setData('text/plain', 'Country\tPartner');
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, html);
    await waitRead(page);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', '2');
    await expect(summary).toHaveAttribute('data-placed', '2');
    await expect(page.getByTestId('import-inferred').locator('[data-kind=day-order]')).toHaveText('Dates read day first (31/03/2017)');
    // Tab-separated text typed or pasted as text, with a date whose order cannot be told: the person chooses.
    await page.getByTestId('import-paste').fill('country\tname\tsigned\nChina\tTsinghua University\t03/04/2017\n');
    await page.getByTestId('import-paste-read').click();
    await expect(summary).toHaveAttribute('data-rejected', '1', { timeout: 60_000 });
    await expect(page.getByTestId('import-problem')).toHaveAttribute('data-reason', 'day-order');
    await page.getByTestId('import-day-order-mdy').click();
    await expect(summary).toHaveAttribute('data-rejected', '0', { timeout: 60_000 });
    await expect(summary).toHaveAttribute('data-placed', '1');
    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts({ agreements: 1, institutions: 1, countries: 1 });
    atlas.expectClean();
  });

  test(`a ${SUITE_ROWS.toLocaleString('en')}-row national list: read in a worker with progress and Cancel, the page responsive; filters and playback afterwards`, async () => {
    test.setTimeout(240_000);
    const base = datasetIndex().dataset;
    const list = nationalList(base, SUITE_ROWS);
    const bytes = new TextEncoder().encode(list.csv);
    const expected = await expectedFor('national-list.csv', bytes);
    // A file on disk, as a person would choose it (a buffer would be built inside the page, a long task of its own).
    const file = test.info().outputPath('national-list.csv');
    writeFileSync(file, bytes);
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    await page.getByTestId('import-open').click();

    // Cancel: the worker stops, and nothing is shown.
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-cancelled')).toHaveText('Reading stopped.');
    await expect(page.getByTestId('import-progress')).toHaveCount(0);
    await expect(page.getByTestId('import-summary')).toHaveCount(0);

    const watch = await watchMainThread(page);
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(file);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    // The rows counted as they are read, out of all of them, with grouped numbers.
    await expect(progress).toContainText(new RegExp(`Rows read: [\\d,]+ of ${SUITE_ROWS.toLocaleString('en')}`));
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', String(expected.summary.rows), { timeout: 120_000 });
    const importMs = Date.now() - started;
    const mainThread = await watch();
    for (const key of ['placed', 'approximate', 'rejected', 'by-city', 'ambiguous'] as const)
      await expect(summary).toHaveAttribute(`data-${key}`, String(expected.summary[key === 'by-city' ? 'byCity' : key]));
    expect(expected.summary.rows).toBe(SUITE_ROWS);
    expect(expected.summary.rejected).toBeGreaterThan(0);
    expect(expected.summary.byCity).toBeGreaterThan(expected.summary.approximate);
    await expect(summary).toContainText(`${SUITE_ROWS.toLocaleString('en')} rows`);
    await expect(page.getByTestId('import-problem')).toHaveCount(Math.min(100, expected.summary.rejected));
    // Placed by their city (the gazetteer, fetched for this import), and the ambiguous city names said so.
    await expect(page.getByTestId('import-panel')).toContainText(`Placed by their city: ${expected.summary.byCity.toLocaleString('en')} rows`);
    await expect(page.getByTestId('import-ambiguous')).toContainText(
      `City names that several cities of the country share, placed at the most populous: ${expected.summary.ambiguous.toLocaleString('en')} rows`,
    );
    // The page kept drawing frames and never blocked for long while the worker read the list. (The timings of a
    // 42,000-row list, and of a filter change on it, are measured by `npm run bench`: scripts/bench-import.ts.)
    test.info().annotations.push({ type: 'import-national-list', description: JSON.stringify({ rows: SUITE_ROWS, importMs, ...mainThread }) });
    // Read on the page's thread, the list blocked it for the whole import (no frame for seconds); in the worker no
    // task comes near that, and frames keep coming. (Gaps between frames say more about this shared machine's load
    // than about the page: at a load of 10 on 2 cores they reach a second with no long task at all.)
    expect(mainThread.longestTaskMs).toBeLessThan(500);
    expect(mainThread.frames).toBeGreaterThan(importMs / 1000);

    await nameHome(page);
    await page.getByTestId('import-apply').click();
    await atlas.waitFirstView();
    await atlas.expectCounts(expected.counts);

    // Filters follow the list: the year brush, a step at a time (each change a few ms at this size).
    const brush = page.getByTestId('timeline-brush');
    await brush.focus();
    const [first, last] = expected.index.yearExtent;
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    const filtered: Partial<Filters> = { yearRange: [first, last - 10] };
    await atlas.expectCounts(summarise(filterLinks(expected.index, { ...DEFAULT_FILTERS, ...filtered })));
    // Playback runs over the list's years.
    await page.getByTestId('play').click();
    await expect(page.getByTestId('playback-year')).toHaveText(/^(19|20)\d\d$/);
    await page.getByTestId('play').click();
    atlas.expectClean();
  });
});
