// Stored lists are never lost (issue 27, items 5–8): Apply completes once the list is stored, so a reload right
// after shows it; each list has an id its links carry (list=local:<id>) and several are kept, one tab leaving its
// list deletes nothing another tab shows; a stored list that fails validation is kept, reported and repairable;
// a 130,000-row list can be shown (`npm run bench`: scripts/bench-suite-moved.ts; the index of 130,000 agreements is
// tests/domain/big-list-index.test.ts). On main: the save was fire-and-forget (a reload could lose it and then say
// "opened on another device"), list=local opened whatever list was saved last, "Back" deleted the other tab's list,
// an invalid list was silently deleted, and 130k dated rows overflowed the stack.
// The map is not under test: MapLibre is held back (AtlasPage.holdMap, which keeps the HTTP cache on, so the reloads
// and imports do not fetch the app, the dataset and the ~4 MB of gazetteers again), and each load waits for the
// first view. Before, each of the ten page loads here started the WebGL map, which the next step interrupted.
import { expect, test, type Page } from '@playwright/test';
import { AtlasPage } from './atlas-page';
import { sharedHeldPage } from './held-page';
import { nameHome } from './import-home';

/** The page shows its first view (counts, list), with room for a loaded machine. */
async function ready(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-first-view', 'true', { timeout: 120_000 });
}
async function open(atlas: AtlasPage, query: string) {
  await atlas.holdMap();
  await atlas.page.goto(`/?${query}`);
  await ready(atlas.page);
}

// Lists with their own coordinates and an empty city column, whose home is the built-in one: the import worker needs
// neither gazetteer (~4 MB to fetch, parse and index in each new page's worker), since placing rows is not under test
// here (import.spec.ts).
const csvFile = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(['大学名,国・地域,締結日,都市,緯度,経度', ...rows].join('\n')),
});
const LIST_A = csvFile('a.csv', ['Seoul National University,韓国,2012-04-01,,37.46,126.95', 'Heidelberg University,ドイツ,2013-05-01,,49.41,8.69']);
const LIST_B = csvFile('b.csv', [
  'Monash University,オーストラリア,2014-06-01,,-37.91,145.13',
  'University of Toronto,カナダ,2015-07-01,,43.66,-79.40',
  'Peking University,中国,2016-08-01,,39.99,116.31',
]);
const HOME = 'Tohoku University';
const COUNTS_A = { agreements: 2, institutions: 2, countries: 2 };
const COUNTS_B = { agreements: 3, institutions: 3, countries: 3 };

async function apply(atlas: AtlasPage, file: ReturnType<typeof csvFile>) {
  const { page } = atlas;
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(file);
  // Room for a loaded machine (a new worker per page).
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-rejected', '0', { timeout: 60_000 });
  await nameHome(page, HOME);
  await page.getByTestId('import-apply').click();
  // The dialog closes once the list is stored.
  await expect(page.getByTestId('import-panel')).toBeHidden({ timeout: 60_000 });
  await ready(page);
}

const listParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('list'));

test.describe('stored lists', () => {
  test.describe.configure({ timeout: 300_000 });
  // One page for the file, each test at its own URL with the origin's storage (the stored lists) cleared: held-page.ts.
  const openAt = sharedHeldPage();
  test('a reload right after Apply shows the list, never "opened on another device"', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    for (let n = 0; n < 3; n++) {
      await apply(atlas, n % 2 ? LIST_B : LIST_A);
      await page.reload();
      await ready(page);
      await atlas.expectCounts(n % 2 ? COUNTS_B : COUNTS_A);
      await expect(page.getByTestId('local-list-missing')).toHaveCount(0);
    }
    atlas.expectClean();
  });

  test('links name their list; another tab leaving its list deletes nothing; a list not here says so', async () => {
    const first = await openAt('lang=en');
    const { page } = first;
    const context = page.context();
    await apply(first, LIST_A);
    await first.expectUrl(/list=local%3A[0-9a-f]{16}/);
    const linkA = page.url();

    const second = new AtlasPage(await context.newPage());
    await open(second, 'lang=en');
    // A plain visit shows the list applied last in this browser.
    await second.expectCounts(COUNTS_A);
    await apply(second, LIST_B);
    const idB = await listParam(second.page);
    expect(idB).not.toBe(await listParam(page));

    // The first tab's link still opens its own list, not the one applied since.
    await page.goto(linkA);
    await ready(page);
    await first.expectCounts(COUNTS_A);

    // The second tab goes back to the built-in list: the first tab's list (and link) stay.
    await second.page.getByTestId('import-open').click();
    await second.page.getByTestId('import-reset').click();
    await expect(second.page.getByRole('heading', { level: 1 })).not.toHaveText('Imported agreements');
    await page.reload();
    await ready(page);
    await first.expectCounts(COUNTS_A);
    // …and list B is still there by its link.
    await second.page.goto(`/?lang=en&list=${idB}`);
    await ready(second.page);
    await second.expectCounts(COUNTS_B);

    // A link to a list this browser does not have: said plainly, the built-in list shown.
    await second.page.goto('/?lang=en&list=local:00000000deadbeef&country=KR');
    await ready(second.page);
    await expect(second.page.getByTestId('local-list-missing')).toBeVisible();
    await second.expectUrl(/^\?lang=en$/);
    first.expectClean();
    second.expectClean();
    await second.page.close();
  });

  test('a stored list that fails validation is kept, reported and repaired by dropping its bad rows', async () => {
    const atlas = await openAt('lang=en');
    const { page } = atlas;
    await apply(atlas, LIST_B);
    const id = await listParam(page);
    // A stricter release, or a damaged record: one agreement's date is no longer valid.
    await page.evaluate(async (id) => {
      const key = `list:${id!.slice(6)}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('partner-atlas', 1);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const record = await new Promise<{ json: Blob }>((resolve) => {
        const r = db.transaction('imported-list').objectStore('imported-list').get(key);
        r.onsuccess = () => resolve(r.result);
      });
      const dataset = JSON.parse(await record.json.text());
      dataset.agreements[1].signed = '2015-02-30';
      await new Promise<void>((resolve) => {
        const tx = db.transaction('imported-list', 'readwrite');
        tx.objectStore('imported-list').put({ ...record, json: new Blob([JSON.stringify(dataset)]) }, key);
        tx.oncomplete = () => resolve();
      });
      db.close();
    }, id);
    await page.reload();
    await ready(page);
    const notice = page.getByTestId('stored-list-invalid');
    await expect(notice).toContainText('Your saved list "b.csv" has problems');
    await expect(page.getByTestId('stored-list-problems')).toContainText('2015-02-30');
    // Still kept: a second reload reports it again rather than forgetting it.
    await page.reload();
    await ready(page);
    await expect(notice).toBeVisible();
    await page.getByTestId('stored-list-repair').click();
    await atlas.expectCounts({ agreements: 2, institutions: 2, countries: 2 });
    // The repaired list is what is stored now.
    await page.reload();
    await ready(page);
    await atlas.expectCounts({ agreements: 2, institutions: 2, countries: 2 });
    await expect(notice).toHaveCount(0);
  });
});
