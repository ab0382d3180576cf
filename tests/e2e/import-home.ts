// The import preview's "Whose list is this?": a list is shown on the atlas only once its home is named and found.
import { expect, type Page } from '@playwright/test';

/** Types the home institution into the preview, and waits for the worker to have placed it. */
export async function nameHome(page: Page, name = 'Nagoya University'): Promise<void> {
  const field = page.getByTestId('import-home');
  await field.fill(name);
  await field.press('Enter');
  // The worker reads the list again with the home: on a machine shared by many browsers, longer than expect's 15 s.
  await expect(page.getByTestId('import-home-resolved')).toHaveAttribute('data-home', /./, { timeout: 60_000 });
  await expect(page.getByTestId('import-apply')).toBeEnabled();
}

/**
 * Waits for the preview's summary of a file just given: a page's first reading fetches and indexes the gazetteers in
 * its worker (~4 MB), which on a machine shared by many browsers takes longer than expect's 15 s.
 */
export async function waitRead(page: Page): Promise<void> {
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
}
