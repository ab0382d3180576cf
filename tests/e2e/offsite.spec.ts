// A path that looks like another host (`//evil.example/`, which a static host serves as the atlas) must not turn
// "Open the full atlas" into a link off-site, nor break the URL the page writes.
import { expect, test } from '@playwright/test';
import { AtlasPage } from './atlas-page';

test('links and the written URL stay on the page origin, whatever the path', async ({ page, baseURL }) => {
  const atlas = new AtlasPage(page);
  const origin = new URL(baseURL!).origin;
  // The map is not under test: held back, and the first view waited for.
  await atlas.holdMap();
  await page.goto(`${origin}//evil.example/?embed=1&lang=en`);
  await atlas.waitFirstView();
  const href = await page.getByTestId('embed-bar').getByRole('link').getAttribute('href');
  expect(new URL(href!, page.url()).origin).toBe(origin);

  await page.goto(`${origin}//evil.example/?lang=en`);
  await atlas.waitFirstView();
  await page.getByTestId('level-university').check();
  await expect.poll(() => page.evaluate(() => location.search)).toContain('level=university');
  expect(new URL(page.url()).origin).toBe(origin);
  atlas.expectClean();
});
