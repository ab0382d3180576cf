// "Open your list": a file chosen in the page is read there, summarised row by row, shown instead of the built-in
// list (the counts count it), and left again for the built-in list.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { summarise } from '../../src/domain/aggregate';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { importAgreements } from '../../src/domain/import/importer';
import { AtlasPage, datasetIndex, expectedCounts } from './atlas-page';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

/** What the list should show once applied: the same importer, run here. */
async function expectedFor(name: string) {
  const bytes = new Uint8Array(readFileSync(fixture(name)));
  const result = await importAgreements(bytes, name, { base: datasetIndex().dataset, asOf: new Date().toISOString().slice(0, 7) });
  return { summary: result.summary, counts: summarise(filterLinks(buildIndex(result.dataset), DEFAULT_FILTERS)) };
}

test.describe('open your list', () => {
  test('a CSV with bad rows: summary, one problem per rejected row, apply, counts, reset', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    const builtIn = expectedCounts();
    await atlas.expectCounts(builtIn);
    const expected = await expectedFor('partners-bad.csv');

    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(fixture('partners-bad.csv'));
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', '8');
    await expect(summary).toHaveAttribute('data-placed', '3');
    await expect(summary).toHaveAttribute('data-approximate', '1');
    await expect(summary).toHaveAttribute('data-rejected', '4');
    expect(expected.summary).toEqual({ rows: 8, placed: 3, approximate: 1, rejected: 4, byCity: 0, ambiguous: 0 });
    const problems = page.getByTestId('import-problem');
    await expect(problems).toHaveCount(4);
    expect(await problems.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).toEqual(['3', '4', '5', '6']);
    await expect(problems.nth(2)).toContainText('Row 5: not a calendar date (2012-02-30)');

    await page.getByTestId('import-apply').click();
    await atlas.waitReady();
    await atlas.expectCounts(expected.counts);
    expect(expected.counts).toEqual({ agreements: 4, institutions: 4, countries: 4 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imported agreements');

    // Kept in IndexedDB: a reload shows the list again (saving is asynchronous, so reload until it shows).
    await expect
      .poll(async () => {
        await page.reload();
        await atlas.waitReady();
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
        await atlas.waitReady();
        return atlas.counts();
      })
      .toEqual(builtIn);
    atlas.expectClean();
  });

  test('an XLSX with a title row, merged cells and era dates, in Japanese', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('lang=ja');
    const expected = await expectedFor('partners.xlsx');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(fixture('partners.xlsx'));
    const summary = page.getByTestId('import-summary');
    await expect(summary).toHaveAttribute('data-rows', '7');
    await expect(summary).toHaveAttribute('data-placed', '4');
    await expect(summary).toHaveAttribute('data-approximate', '2');
    await expect(summary).toHaveAttribute('data-rejected', '1');
    await expect(page.getByTestId('import-problem')).toHaveAttribute('data-row', '9');
    await expect(page.getByTestId('import-problem')).toHaveText('9行目：国・地域がわかりません(アトランティス)');
    await page.getByTestId('import-apply').click();
    await atlas.expectCounts(expected.counts);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    atlas.expectClean();
  });
});
