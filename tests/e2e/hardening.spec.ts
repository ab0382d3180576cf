import { readFileSync } from 'node:fs';
import { expect, test, type Dialog, type Page } from '@playwright/test';
import { MAX_NAME_LENGTH } from '../../src/domain/schema';
import { AtlasPage, expectedCounts, reusedPage, withoutWebGL } from './atlas-page';
import { browserCases, fuzzCases } from './url-fuzz';

const realDataset = () => JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'));

/** Serves another dataset in place of the built agreements-*.json (the app fetches it from its own origin). */
async function serveDataset(page: Page, body: string) {
  await page.route(/\/assets\/agreements-[^/]+\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  '\u202Eevil\u202C RTL override',
  'zero\u200Dwidth\u200Bjoiner',
  'emoji 🎓🏫🇯🇵 大学',
  // The longest name the dataset check allows (a longer one is rejected: tests/domain/dataset-limits.test.ts).
  'x'.repeat(MAX_NAME_LENGTH),
];

test.describe('hardening', () => {
  // The dataset tests on one page without the WebGL map (issue 25: were four contexts), each serving its own dataset
  // at a fresh document. Routing turns this page's HTTP cache off: what is saved is a new context for each test.
  test.describe('on one page, each with its own dataset', () => {
    const shared = reusedPage();
    /** The shared page, its routes and logs cleared, serving `body` as the dataset. */
    const servingDataset = async (body: string) => {
      const atlas = shared();
      await atlas.page.unrouteAll({ behavior: 'wait' });
      atlas.consoleErrors.length = 0;
      atlas.foreignRequests.length = 0;
      await serveDataset(atlas.page, body);
      return atlas;
    };

    test('hostile names show as text, execute nothing and do not break the layout', async () => {
      const dataset = realDataset();
      const targets = dataset.institutions.filter((i: { country: string }) => i.country === 'FR').slice(0, HOSTILE.length);
      targets.forEach((inst: { name: { ja: string; en: string }; aliases: string[] }, i: number) => {
        inst.name.en = HOSTILE[i]!;
        inst.name.ja = HOSTILE[i]!;
        inst.aliases = [HOSTILE[i]!];
      });
      dataset.departments[0].en = HOSTILE[0];
      let dialogs = 0;
      const onDialog = (d: Dialog) => {
        dialogs += 1;
        void d.dismiss();
      };
      const atlas = await servingDataset(JSON.stringify(dataset));
      const { page } = atlas;
      page.on('dialog', onDialog);
      // The names are in the page's HTML (list, card); the WebGL map draws them as text and is not under test here.
      await page.goto('/?lang=en&country=FR');
      await atlas.waitFirstView();
      await expect(page.getByTestId('result-row').filter({ hasText: '<img src=x onerror=' })).toHaveCount(1);
      await expect(page.getByTestId('result-row').filter({ hasText: '"><script>' })).toHaveCount(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // In the body: the head holds the build's own inline script (the opening view's language, allowed by its hash).
      expect(await page.locator('body img[src="x"], body script:not([src])').count()).toBe(0);
      expect(dialogs).toBe(0);
      // The longest allowed name wraps inside the sidebar instead of widening the page.
      const long = page.getByTestId('result-row').filter({ hasText: 'xxxxxxxxxx' });
      await long.click();
      const card = page.getByTestId('institution-card');
      await expect(card).toBeVisible();
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      const cardBox = (await card.boundingBox())!;
      expect(cardBox.width).toBeLessThan(widths.viewport);
      page.off('dialog', onDialog);
      atlas.expectClean();
    });

    test('a corrupt dataset gives an error that names the record and the field', async () => {
      const dataset = realDataset();
      dataset.agreements[3].signed = '2003-13-45?';
      dataset.institutions[5].lat = 'north';
      const { page } = await servingDataset(JSON.stringify(dataset));
      await page.goto('/?lang=en');
      const error = page.getByTestId('load-error');
      await expect(error).toBeVisible();
      await expect(error).toContainText(`agreements[3] (${dataset.agreements[3].id}).signed`);
      await expect(error).toContainText(`institutions[5] (${dataset.institutions[5].id}).lat`);
    });

    test('a dataset that breaks a rule across fields or records gives an error that names them', async () => {
      const dataset = realDataset();
      const university = dataset.agreements.findIndex((a: { level: string }) => a.level === 'university');
      const department = dataset.agreements.findIndex((a: { level: string }) => a.level === 'department');
      dataset.agreements[university].signed = null;
      dataset.agreements[department].department.id = 'no-such-department';
      const { page } = await servingDataset(JSON.stringify(dataset));
      await page.goto('/?lang=en');
      const error = page.getByTestId('load-error');
      await expect(error).toBeVisible();
      await expect(error).toContainText(`agreements[${university}] (${dataset.agreements[university].id}).signed: university-wide agreements are dated`);
      await expect(error).toContainText(
        `agreements[${department}] (${dataset.agreements[department].id}).department.id: unknown department "no-such-department"`,
      );
      // Never announced as ready.
      await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
    });

    test('a dataset that is not JSON says so', async () => {
      const { page } = await servingDataset('{"meta": ');
      await page.goto('/?lang=en');
      await expect(page.getByTestId('load-error')).toContainText('agreements.json: not valid JSON');
    });
  });

  test('without WebGL the page explains, and list, timeline, filters and counts keep working', async ({ page }) => {
    await withoutWebGL(page);
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    await expect(page.getByTestId('map-unavailable')).toContainText('WebGL');
    await expect(page.getByTestId('static-map')).toBeVisible();
    await atlas.expectCounts(expectedCounts());
    await page.getByTestId('static-marker-KR').click();
    await atlas.expectCounts(expectedCounts({ countries: ['KR'] }));
    await page.getByTestId('timeline-brush').focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('timeline-range')).toContainText('1983–2011');
    await atlas.expectCounts(expectedCounts({ countries: ['KR'], yearRange: [1983, 2011] }));
    await expect(page.getByTestId('result-row').first()).toBeVisible();
    expect(atlas.foreignRequests).toEqual([]);
  });

  test('the production build has a CSP and nothing violates it', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en&country=FR');
    await page.getByTestId('result-row').first().click();
    await atlas.mapIdle();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    atlas.expectClean();
  });
});

// The seeded random query strings (tests/e2e/url-fuzz.ts): every sample is checked in Node, the app's load path against
// the counts from the dataset (tests/state/url-fuzz.test.ts); the page loads three, one of each kind, to show it
// agrees (issue 25: it loaded all ten, 41 s).
test('random query strings load the atlas with the counts their sanitised filters describe, and no errors', async ({ page }) => {
  test.setTimeout(180_000);
  // A query that moves the camera (cam, selected) loads the WebGL map, on a page of its own; the others wait for
  // the first view on a page that holds MapLibre back (the map is not what they test, and it costs ~4× the time).
  const mapPage = new AtlasPage(page);
  const heldPage = new AtlasPage(await page.context().newPage());
  await heldPage.holdMap();
  let withMap = 0;
  for (const { query, path, movesMap, state, counts } of browserCases(fuzzCases())) {
    const atlas = movesMap ? mapPage : heldPage;
    const { page } = atlas;
    await page.goto(path);
    if (movesMap) {
      await atlas.waitReady();
      withMap += 1;
    } else await atlas.waitFirstView();
    await expect(page.getByTestId('load-error'), query).toHaveCount(0);
    if (state.view.presentStep !== null) {
      // A storyline step picks its own playback year; leaving the presentation shows the URL's filters again.
      await expect(page.getByTestId('presentation')).toBeVisible();
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => atlas.counts(), { message: query }).toEqual(counts);
  }
  // Two of the three reached the map with a camera.
  expect(withMap).toBe(2);
  mapPage.expectClean();
  heldPage.expectClean();
});
