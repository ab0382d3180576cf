// Issue 28 in the page: a list with a home column naming three universities (tests/fixtures/homes) is read with each
// row its home's: the preview lists the homes and needs no home named, and the atlas shows the network's agreements.
import { expect, test } from '@playwright/test';
import { AtlasPage } from './atlas-page';

const FILE = new URL('../fixtures/homes/three-universities.csv', import.meta.url).pathname;

test('three universities in one list: three homes in the preview, 88 agreements on the atlas', async ({ page }) => {
  test.setTimeout(180_000);
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en');
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(FILE);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-rows', '88', { timeout: 120_000 });
  await expect(summary).toHaveAttribute('data-rejected', '0');
  const homes = page.getByTestId('import-homes');
  await expect(homes).toHaveAttribute('data-count', '3');
  await expect(homes).toContainText('Kyoto University (30 rows)');
  await expect(homes).toContainText('Nagoya University (28 rows)');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('count-agreements')).toContainText('88', { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('three-homes.png') });
});
