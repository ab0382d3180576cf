// The About dialog in Japanese: the corrections' decisions and reasons in Japanese, and labelled counts and dates.
import { expect, test } from '@playwright/test';
import { AtlasPage, datasetIndex } from './atlas-page';

test('the About dialog in Japanese gives each correction its judgement and reason in Japanese', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('lang=ja');
  await page.getByTestId('about-open').click();
  const about = page.getByTestId('about');
  await expect(about).toBeVisible();
  const { corrections } = datasetIndex().dataset;
  const rows = about.locator('tbody tr');
  await expect(rows).toHaveCount(corrections.length);
  // Counts and the date have their words: "修正 172 件 · データは2012年5月現在", "2012年5月現在、大学間協定 159 件".
  await expect(about.locator('p.muted')).toHaveText(`修正 ${corrections.length} 件 · データは2012年5月現在`);
  await expect(about).toContainText('2012年5月現在、大学間協定 159 件');
  // Judgement (4th) and reason (5th) columns: Japanese text in every row, none marked English-only.
  const texts = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[3]!.textContent ?? '', tr.children[4]!.textContent ?? '']));
  for (const [i, [decision, reason]] of texts.entries()) {
    expect(reason, `row ${i + 1} reason`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // An English sentence has runs of Latin words; a Japanese one at most names things in Latin letters.
    expect(reason, `row ${i + 1} reason`).not.toMatch(/\b(the|is|are|of|and|in)\b [a-z]+ [a-z]+ [a-z]+/);
    expect(decision, `row ${i + 1} decision`).not.toMatch(/\b(the|is|are|of|and|in|not a|one agreement)\b [a-z]+ [a-z]+/);
  }
  await expect(about.getByText('英語のみ')).toHaveCount(0);
  const first = rows.first();
  await expect(first.locator('td').nth(3)).toHaveText('別名 Sorbonne・ソルボンヌを削除。Sorbonne Universités、Sorbonne Université、ソルボンヌ大学は残す');
  // English stays English.
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('about-open').click();
  await expect(about.locator('tbody tr').first().locator('td').nth(4)).toContainText('Aliases only where they name this institution');
  atlas.expectClean();
});
