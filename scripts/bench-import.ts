// The import scenario of `npm run bench` (--import=42000, the default; --import=none skips it): a national list of
// that many rows read in the page's worker. Moved here from the browser suite (import.spec.ts keeps the behaviour on
// a smaller list): the time to the summary, then to the list mapped again with its home named, the page's main thread meanwhile (longest task, frames and the longest
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
  /** From typing the home to the list mapped again with it (Apply enabled). */
  homeMs: number;
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
    // The national list names its homes in its 大学名 column (issue 28): the preview lists them and no home is typed.
    // A list without that column is shown only once its home is named: typed, and the list mapped again.
    const named = Date.now();
    if ((await page.getByTestId('import-homes').count()) === 0) {
      await page.getByTestId('import-home').fill('Nagoya University');
      await page.getByTestId('import-home').press('Enter');
      await page.locator('[data-testid="import-home-resolved"][data-home]').waitFor({ timeout: 240_000 });
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="import-apply"]')?.hasAttribute('disabled') === false, undefined, {
      timeout: 240_000,
    });
    const homeMs = Date.now() - named;
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
      homeMs,
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

export interface LookupCpu {
  rows: number;
  /** CPU ms of the institution lookup (its indexes built on demand included): mapTable's calls replayed on a fresh lookup. */
  lookupMs: number;
  lookupCalls: number;
  /** CPU ms of mapTable as a whole (the lookup, the homes, the rows), and of building the lookup and the city gazetteer. */
  mapMs: number;
  setupMs: number;
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/**
 * The `npm run import` path of the same national list, in this process: CPU ms (process.cpuUsage, so GC threads
 * count too) in the institution lookup and in mapTable. The page's worker runs the same code.
 */
export async function measureLookupCpu(rows: number): Promise<LookupCpu> {
  const { cliImportOptions } = await import('../src/pipeline/import-options');
  const { readTable } = await import('../src/domain/import/table');
  const { detectMapping, mapTable } = await import('../src/domain/import/importer');
  const base = parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8')));
  const list = nationalList(base, rows, 17, NATIONAL_HOMES);
  const setup = process.cpuUsage();
  const options = await cliImportOptions(base, '2026-12');
  const setupMs = cpuMs(setup);
  const lookup = options.institutions!;
  const calls: [string, string | null, 'here' | 'elsewhere'][] = [];
  const recorded: typeof lookup = (name, country) => {
    calls.push([name, country, 'here']);
    return lookup(name, country);
  };
  recorded.elsewhere = (name, country) => {
    calls.push([name, country, 'elsewhere']);
    return lookup.elsewhere?.(name, country) ?? null;
  };
  const table = await readTable(new TextEncoder().encode(list.csv), 'national-list.csv');
  const mapStart = process.cpuUsage();
  mapTable(table, detectMapping(table), 'national-list.csv', { ...options, institutions: recorded, homeName: 'Nagoya University' });
  const mapMs = cpuMs(mapStart);
  // The same calls, in the same order, on a lookup built afresh: its CPU alone.
  const { createInstitutionLookup } = await import('../src/domain/import/institutions');
  const gazetteer: unknown = JSON.parse(readFileSync('data/gazetteer/institutions.json', 'utf8'));
  const { buildCityGazetteer } = await import('../src/pipeline/city-gazetteer');
  const cities = buildCityGazetteer(base);
  const lookupStart = process.cpuUsage();
  const fresh = createInstitutionLookup(gazetteer as Parameters<typeof createInstitutionLookup>[0], { builtins: base.institutions, cities });
  for (const [name, country, how] of calls)
    if (how === 'here') fresh(name, country);
    else fresh.elsewhere?.(name, country ?? '');
  const lookupMs = cpuMs(lookupStart);
  const lookupCalls = calls.length;
  return { rows, lookupMs: Math.round(lookupMs), lookupCalls, mapMs: Math.round(mapMs), setupMs: Math.round(setupMs) };
}

// `npx tsx scripts/bench-import.ts [rows] [runs]`: the lookup's CPU alone, each run in a fresh process (medians).
if (process.argv[1]?.endsWith('bench-import.ts')) {
  const rows = Number(process.argv[2] ?? 42_000);
  const runs = Number(process.argv[3] ?? 3);
  if (process.env.BENCH_IMPORT_CHILD) console.log(JSON.stringify(await measureLookupCpu(rows)));
  else {
    const { execFileSync } = await import('node:child_process');
    const { loadavg } = await import('node:os');
    const results: LookupCpu[] = [];
    for (let i = 0; i < runs; i += 1) {
      const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], String(rows)], { env: { ...process.env, BENCH_IMPORT_CHILD: '1' } });
      results.push(JSON.parse(out.toString().trim().split('\n').at(-1)!) as LookupCpu);
      console.log(JSON.stringify(results.at(-1)));
    }
    const median = (key: keyof LookupCpu) => results.map((r) => r[key]).sort((a, b) => a - b)[results.length >> 1];
    console.log(
      `${rows} rows, median of ${runs}: lookup ${median('lookupMs')} ms CPU (${median('lookupCalls')} calls), mapTable ${median('mapMs')} ms, setup ${median('setupMs')} ms; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}
