// Files that fight back, opened in the page (issue 27, item 1 and 11): each ends with a reason or a correct
// preview, and the page stays alive. On main the inflating workbook and the merged range crashed the tab after
// 26–34 s of "Reading the file…", and an encrypted workbook was called an old .xls.
import { expect, test, type Page } from '@playwright/test';
import { inflatingWorkbook, sheetXml, workbook } from '../domain/import/hostile-workbook';
import { AtlasPage } from './atlas-page';

/** The page is ready (data-ready), with room for a loaded machine: the first map frame on software WebGL can take 30 s. */
async function ready(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
}
async function open(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await ready(page);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['大学名', '国・地域', '締結日'];
const DATA = [
  ['Seoul National University', '韓国', '2012-04-01'],
  ['Heidelberg University', 'ドイツ', '2013-05-01'],
  ['Monash University', 'オーストラリア', '2014-06-01'],
];

test.describe('hostile files in the page', () => {
  test.describe.configure({ timeout: 300_000 });
  test('a workbook inflating past the cap is refused with the reason; a merged A3:XFD1048576 reads its 3 rows', async ({ page }) => {
    test.setTimeout(180_000);
    const atlas = new AtlasPage(page);
    await open(page, 'lang=en');
    const before = await atlas.counts();
    await page.getByTestId('import-open').click();

    const bomb = inflatingWorkbook(sheetXml([HEADER, ...DATA]).replace('</worksheet>', ''), 200, '</worksheet>');
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles({ name: 'bomb.xlsx', mimeType: XLSX, buffer: Buffer.from(bomb) });
    await expect(page.getByTestId('import-error')).toHaveText(/expands past 128 MB, more than any list of agreements/, { timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(60_000);
    await atlas.expectCounts(before);

    const merged = workbook(sheetXml([HEADER, ...DATA], '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'));
    await page.getByTestId('import-file').setInputFiles({ name: 'merged.xlsx', mimeType: XLSX, buffer: Buffer.from(merged) });
    await expect(page.getByTestId('import-summary')).toHaveAttribute('data-rows', '3', { timeout: 60_000 });
    await expect(page.getByTestId('import-summary')).toHaveAttribute('data-rejected', '0');
    atlas.expectClean();
  });

  test('an encrypted workbook is called encrypted', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await open(page, 'lang=ja');
    const bytes = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    Buffer.from('EncryptionInfo', 'utf16le').copy(bytes, 1024);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'locked.xlsx', mimeType: XLSX, buffer: bytes });
    await expect(page.getByTestId('import-error')).toHaveText(/パスワードで保護されたブック/);
    atlas.expectClean();
  });
});
