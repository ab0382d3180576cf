// "An atlas of your own list" from the command line: `npm run import` writes a dataset, a build named for it
// (VITE_ATLAS_DATASET) opens with it. Built to a separate directory and served on a port of its own (the suite's
// port + 2), so the build under test elsewhere is untouched. It takes 30–60 s on a shared 2-core machine, most of it
// the second build, which the suite cannot afford within its 15 minutes: it runs with `npm run test:own-atlas`
// (ATLAS_OWN_BUILD=1), and is skipped otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { summarise } from '../../src/domain/aggregate';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { AtlasPage } from './atlas-page';

const PORT = Number(process.env.ATLAS_TEST_PORT ?? 4173) + 2;
/** Vite's own script, run by this Node: stopping the process stops the server (npx would leave it running). */
const VITE = ['node_modules/vite/bin/vite.js'];

test('a build with VITE_ATLAS_DATASET opens with the dataset npm run import wrote: its title and counts', async ({ page }) => {
  test.skip(process.env.ATLAS_OWN_BUILD !== '1', 'a second production build: run it with npm run test:own-atlas');
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'own-atlas-'));
  const outDir = join(dir, 'dist');
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const config = join(dir, 'my-atlas.config.json');
    writeFileSync(config, JSON.stringify({ title: { ja: '京都の協定アトラス', en: 'Kyoto Partner Atlas' }, asOf: '2024-05' }));
    const dataset = join(dir, 'my-atlas.json');
    const imported = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/pipeline/import.ts', 'tests/fixtures/import/partners.xlsx', '--home', 'Kyoto University', '--out', dataset, '--config', config],
      {
        encoding: 'utf8',
      },
    );
    // partners.xlsx has one row with an unknown country: exit 1, the dataset written all the same.
    expect(imported.status, imported.stderr).toBe(1);
    const built = spawnSync(process.execPath, [...VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      encoding: 'utf8',
      env: { ...process.env, VITE_ATLAS_DATASET: 'my-atlas.json' },
    });
    expect(built.status, built.stderr).toBe(0);
    // As public/my-atlas.json would be: a file beside index.html.
    writeFileSync(join(outDir, 'my-atlas.json'), readFileSync(dataset));
    server = spawn(process.execPath, [...VITE, 'preview', '--outDir', outDir, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () =>
          fetch(`http://127.0.0.1:${PORT}/`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);

    const expected = summarise(filterLinks(buildIndex(parseDataset(JSON.parse(readFileSync(dataset, 'utf8')))), DEFAULT_FILTERS));
    const atlas = new AtlasPage(page);
    await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
    await atlas.waitReady();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kyoto Partner Atlas');
    await expect(page).toHaveTitle('Kyoto Partner Atlas');
    await atlas.expectCounts(expected);
    expect(expected).toEqual({ agreements: 6, institutions: 6, countries: 4 });
    await page.getByTestId('lang-ja').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('京都の協定アトラス');
    atlas.expectClean();
  } finally {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
