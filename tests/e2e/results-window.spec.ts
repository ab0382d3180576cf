// Issue 29: a long results list (10k agreements) renders only the rows near the view, and still reaches every row it
// lists, by scrolling and by the keyboard. The real list (376 institutions) is rendered whole (results-frames.spec.ts).
import { expect, test } from '@playwright/test';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { computeView, listGroups } from '../../src/domain/view';
import { LIST_STEP } from '../../src/ui/panels/ResultsList';
import { syntheticDataset } from '../../scripts/synthetic-dataset';
import { AtlasPage, datasetIndex } from './atlas-page';

test('a 10k list renders a window of its rows; scrolling and the keyboard reach the last', async ({ page }) => {
  // A 10k dataset is built here and in the page (~15 s of CPU on a loaded machine).
  test.setTimeout(180_000);
  const big = syntheticDataset(datasetIndex().dataset, 10_000);
  const index = buildIndex(parseDataset(JSON.parse(JSON.stringify(big))));
  const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
  const groups = listGroups(index, view, 'en', 'relevance', LIST_STEP);
  const listed = groups.flatMap((g) => g.rows.map((r) => r.institution.id));
  expect(listed).toHaveLength(LIST_STEP);
  expect(view.summary.institutions).toBeGreaterThan(2 * LIST_STEP);

  const body = JSON.stringify(big);
  const atlas = new AtlasPage(page);
  // Served through the DevTools protocol, not page.route: the rest of the page's requests go on as usual.
  await atlas.serveDataset(body);
  await atlas.openWithoutMap('lang=en');
  const list = page.getByTestId('results-list');
  const rows = list.getByTestId('result-row');
  await expect(list).toHaveAttribute('data-windowed', 'true');
  await expect.poll(async () => (await atlas.counts()).institutions).toBe(view.summary.institutions);
  await expect(rows.first()).toHaveAttribute('data-id', listed[0]!);
  // Far fewer rows in the page than the list holds, each saying where it stands in its country's group.
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(LIST_STEP / 5);
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(groups[0]!.total));
  await expect(list.locator('li').first()).toHaveAttribute('aria-posinset', '1');

  // Scrolled to the end, the last row is there (the spacers' estimates may move it: scroll again until it is seen).
  const sidebar = page.locator('.sidebar');
  const last = list.locator(`[data-testid="result-row"][data-id="${listed.at(-1)}"]`);
  await expect(async () => {
    await sidebar.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await expect(last).toBeInViewport({ timeout: 1000 });
  }).toPass();
  expect(await rows.count()).toBeLessThan(LIST_STEP / 5);
  await expect(page.getByTestId('show-more')).toBeVisible();

  // Back at the top, Tab walks the rows one by one past the first window.
  await sidebar.evaluate((e) => e.scrollTo(0, 0));
  await expect(rows.first()).toHaveAttribute('data-id', listed[0]!);
  await rows.first().focus();
  const steps = 60;
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-id', listed[steps]!);
  await expect(page.locator(':focus')).toBeInViewport();
  expect(await rows.count()).toBeLessThan(LIST_STEP / 5);

  // In playback (Play, then End: the last year, paused), each year's list renders the rows in view only, without the margin
  // around them: a year changes a screenful of rows (issue 29).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sidebar.evaluate((e) => e.scrollTo(0, 0));
  await expect(rows.first()).toHaveAttribute('data-id', listed[0]!);
  await expect.poll(() => rows.count()).toBeLessThan(LIST_STEP / 5);
  const paused = await rows.count();
  await page.getByTestId('play').click();
  await page.locator('body').press('End');
  await expect(page.getByTestId('results-playback')).toBeVisible();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => rows.count()).toBeLessThan(paused);
  expect(await rows.count()).toBeGreaterThan(3);
  atlas.expectClean();
});
