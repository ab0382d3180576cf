// Numbers a student can trust: what a filter row says is what choosing it gives, and controls stay where they were.
import { expect, test } from '@playwright/test';
import { expectedCounts } from './atlas-page';
import { sharedHeldPage } from './held-page';

test.describe('answers that agree', () => {
  // One page without the map for the three tests, each at its own URL (held-page.ts).
  const heldAt = sharedHeldPage();

  for (const waiver of [false, true]) {
    test(`a department's row says what ticking it gives: own + university-wide${waiver ? ', with tuition waiver only' : ''}`, async () => {
      const filters = waiver ? { tuitionWaiverOnly: true } : {};
      const own = expectedCounts({ ...filters, level: 'department', departments: ['engineering'] }).agreements;
      const shared = expectedCounts({ ...filters, level: 'university' }).agreements;
      const atlas = await heldAt(`lang=en${waiver ? '&waiver=1' : ''}`);
      const { page } = atlas;
      await page.locator('[data-testid="facet-group"][data-facet="dept"] summary').click();
      const row = page.locator('label', { has: page.getByTestId('dept-engineering') });
      await expect(row.locator('.count [aria-hidden="true"]')).toHaveText(`${own} + ${shared}`);
      await page.getByTestId('dept-engineering').check();
      await atlas.expectCounts({ ...expectedCounts({ ...filters, departments: ['engineering'] }) });
      await expect(page.getByTestId('count-agreements')).toHaveText(String(own + shared));
      atlas.expectClean();
    });
  }

  test('unticking the last box leaves its filter group open', async () => {
    const atlas = await heldAt('lang=en');
    const { page } = atlas;
    const group = page.locator('[data-testid="facet-group"][data-facet="region"]');
    await group.locator('summary').click();
    await page.getByTestId('region-europe').check();
    await page.getByTestId('region-europe').uncheck();
    await expect(group).toHaveAttribute('open', '');
    await expect(page.getByTestId('region-europe')).toBeVisible();
    // Closing it is the person's choice, also while something in it is chosen.
    await page.getByTestId('region-europe').check();
    await group.locator('summary').click();
    await expect(group).not.toHaveAttribute('open', '');
  });
});
