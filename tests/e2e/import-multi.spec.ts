// Issue 28 in the page's dialog: several files opened together become one atlas, each file with its own home. The three
// files of tests/fixtures/homes (one university each; Kyoto and Nagoya name partners in Japanese, Osaka in English)
// give what `npm run import -- kyoto.csv --home 京都大学 …` gives (three-universities.expected.json, held by
// tests/domain/import/three-homes.test.ts): 3 homes, 88 agreements, 79 distinct partners, Tsinghua one institution
// whose card names the three homes. The list is kept for the next visit; dropping the files on the page does the same.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sharedHeldPage } from './held-page';

const DIR = new URL('../fixtures/homes/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${DIR}three-universities.expected.json`, 'utf8')) as { homes: number; agreements: number; distinctPartners: number };
/** Each file with its home, as the CLI's `--home` gives it, and its rows. */
const FILES = [
  { file: 'kyoto.csv', home: '京都大学', id: 'kyoto-university', rows: 30 },
  { file: 'nagoya.csv', home: '名古屋大学', id: 'nagoya-university', rows: 28 },
  { file: 'osaka.csv', home: 'Osaka University', id: 'the-university-of-osaka', rows: 30 },
];

/** Each file's section: its summary, and its home typed and found. Then the total, and the atlas made of the three. */
async function nameHomesAndApply(page: Page) {
  const sections = page.getByTestId('import-section');
  await expect(sections).toHaveCount(FILES.length);
  for (const [k, f] of FILES.entries()) {
    const section = sections.nth(k);
    await expect(section).toHaveAttribute('data-file', f.file);
    await expect(section.getByTestId('import-summary')).toHaveAttribute('data-rows', String(f.rows), { timeout: 120_000 });
    await expect(section.getByTestId('import-summary')).toHaveAttribute('data-rejected', '0');
    const field = section.getByTestId('import-home');
    await field.fill(f.home);
    await field.press('Enter');
    await expect(section.getByTestId('import-home-resolved')).toHaveAttribute('data-home', f.id, { timeout: 60_000 });
  }
  const total = page.getByTestId('import-total');
  await expect(total).toHaveAttribute('data-files', '3');
  await expect(total).toHaveAttribute('data-agreements', String(expected.agreements));
  await expect(total).toHaveAttribute('data-homes', String(expected.homes));
  await expect(page.getByTestId('import-apply')).toBeEnabled();
  await page.getByTestId('import-panel').screenshot({ path: test.info().outputPath('three-files-dialog.png') });
  await page.getByTestId('import-apply').click();
  await expectThreeHomes(page);
}

async function expectThreeHomes(page: Page) {
  await expect(page.getByTestId('count-homes')).toHaveText(String(expected.homes), { timeout: 60_000 });
  await expect(page.getByTestId('count-agreements')).toHaveText(String(expected.agreements));
  await expect(page.getByTestId('count-institutions')).toHaveText(String(expected.distinctPartners));
}

test.describe('several files in the import dialog', () => {
  test.describe.configure({ timeout: 300_000 });
  // One page without the map for both tests, each at its own URL with the origin's storage cleared (held-page.ts).
  const heldAt = sharedHeldPage();

  test('three files chosen together: one atlas of 3 homes, 88 agreements, 79 partners, kept for the next visit', async () => {
    const atlas = await heldAt('lang=en');
    const { page } = atlas;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(FILES.map((f) => `${DIR}${f.file}`));
    await nameHomesAndApply(page);
    await page.screenshot({ path: test.info().outputPath('three-files.png') });

    // The stored list (records format 3) keeps the three homes; Tsinghua's card names all three.
    const kept = new URL(page.url()).searchParams;
    expect(kept.get('list')).toMatch(/^local:/);
    kept.set('selected', 'tsinghua-university');
    // The same page at the link (its storage kept: that is what is tested).
    await page.goto(`/?${kept.toString()}`);
    await atlas.waitFirstView();
    await expectThreeHomes(page);
    const also = page.getByTestId('also-partners');
    await expect(also).toHaveAttribute('data-count', '3');
    for (const name of ['Kyoto University', 'Nagoya University', 'Osaka']) await expect(also).toContainText(name);
    atlas.expectClean();
  });

  test('three files dropped on the page together (ja): one section each, then the same atlas', async () => {
    const atlas = await heldAt('lang=ja');
    const { page } = atlas;
    const files = FILES.map((f) => ({ name: f.file, text: readFileSync(`${DIR}${f.file}`, 'utf8') }));
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    await expect(page.getByTestId('import-panel')).toBeVisible();
    await expect(page.getByTestId('import-panel')).toContainText('3個のファイルを一つの地図にします');
    await nameHomesAndApply(page);
    atlas.expectClean();
  });
});
