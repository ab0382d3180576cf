// Smoke test of `npm run dev`: the dev server serves modules one by one (no bundling, no build-time plugins'
// output), and a dev-only failure once showed the dataset error page there while every build test passed.
// The spec starts the dev server itself (the `dev` project's port), so a run of the build project does not start
// one: Vite's dev server scans and pre-bundles the dependencies when it starts, CPU the build tests would share.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { AtlasPage, expectedCounts } from './atlas-page';

/** Vite's own script, run by this Node: stopping the process stops the server (npx would leave it running). */
const VITE = 'node_modules/vite/bin/vite.js';

let server: ChildProcess | null = null;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL!;
  const { port } = new URL(baseURL);
  server = spawn(process.execPath, [VITE, '--port', port, '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  await expect
    .poll(
      () =>
        fetch(baseURL).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
});

test('the dev server renders the atlas: ready, the counts match, the map is drawn', async ({ page }) => {
  test.setTimeout(120_000);
  const atlas = new AtlasPage(page);
  await page.goto('/?lang=en&country=FR');
  // The first request makes Vite pre-bundle the dependencies: slower than the build.
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page.getByTestId('map-unavailable')).toHaveCount(0);
  await atlas.expectCounts(expectedCounts({ countries: ['FR'] }));
  await expect(page.getByTestId('result-row').first()).toBeVisible();
  await atlas.mapIdle();
  // React's development build warns about, e.g., a key missing from a list: the dev server is where it shows.
  expect(atlas.consoleErrors, 'console errors').toEqual([]);
  expect(atlas.foreignRequests, 'requests that left the page origin').toEqual([]);
});
