import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test, type Dialog, type Page } from '@playwright/test';
import { DEFAULT_SETTINGS, visibleYearRange } from '../../src/domain/playback';
import { MAX_NAME_LENGTH } from '../../src/domain/schema';
import { DEFAULT_VIEW, parseUrl } from '../../src/state/url';
import { sanitise } from '../../src/state/url-sync';
import { AtlasPage, datasetIndex, expectedCounts, reusedPage, withoutWebGL } from './atlas-page';

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

/** What a URL asks for, through the URL contract: parsed, then stripped of what the dataset does not know. */
function urlState(search: string) {
  const state = sanitise(parseUrl(search), datasetIndex());
  return { filters: state.filters, view: state.view ?? DEFAULT_VIEW };
}

/** The counts for those filters; a playback year shows the network as it stood then, as the page does. */
function countsFor({ filters, view }: ReturnType<typeof urlState>) {
  if (view.playYear === null) return expectedCounts(filters);
  const settings = {
    ...DEFAULT_SETTINGS,
    mode: view.windowYears === null ? 'cumulative' : 'window',
    windowYears: view.windowYears ?? DEFAULT_SETTINGS.windowYears,
  } as const;
  return expectedCounts({ ...filters, yearRange: visibleYearRange(view.playYear, settings, datasetIndex().yearExtent) });
}

/** Values each parameter takes in real links, near misses and out-of-range ones, so the fuzz reaches the filters. */
const PLAUSIBLE = {
  lang: ['en', 'ja', 'EN'],
  level: ['university', 'department', 'all', 'faculty'],
  years: ['1995-2004', '2004-1995', '1900-2100', '2010-2010', '199-2004'],
  country: ['FR', 'KR,FR,ZZ', 'fr', 'CN,,US'],
  region: ['asia,europe', 'oceania', 'mars'],
  dept: ['engineering', 'imr,no-such-dept', 'law,law'],
  waiver: ['1', 'true'],
  q: ['Sorbonne', '東北', 'seoul', '%'],
  selected: ['rwth-aachen-university', 'nowhere'],
  play: ['2000', '1990', '3000'],
  window: ['3', '0'],
  present: ['0', '2', '999'],
  cam: ['139,35,4', '999,0,1'],
  embed: ['1', 'yes'],
} as const;
const PARAMETERS = Object.keys(PLAUSIBLE) as (keyof typeof PLAUSIBLE)[];
// Values go in as they are: the page's path is encodeURI'd below, so they reach the parsers decoded (a comma stays a
// list separator, an & or # may cut the query short, which is fuzz too).
const asQuery = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');

test('random query strings load the atlas with the counts their sanitised filters describe, and no errors', async ({ page }) => {
  test.setTimeout(240_000);
  const queries = fc.sample(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(fc.tuple(fc.constantFrom(...PARAMETERS), fc.string({ maxLength: 40 })), { maxLength: 6 }).map(asQuery),
      {
        weight: 4,
        arbitrary: fc
          .array(
            fc
              .constantFrom(...PARAMETERS)
              .chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE[k]) }, fc.string({ maxLength: 12 })))),
            { minLength: 1, maxLength: 5 },
          )
          .map(asQuery),
      },
    ),
    { numRuns: 10, seed: 20121 },
  );
  // A query that moves the camera (cam, selected) loads the WebGL map, on a page of its own; the others wait for
  // the first view on a page that holds MapLibre back (the map is not what they test, and it costs ~4× the time).
  const mapPage = new AtlasPage(page);
  const heldPage = new AtlasPage(await page.context().newPage());
  await heldPage.holdMap();
  const total = expectedCounts();
  let narrowed = 0;
  let withMap = 0;
  for (const query of queries) {
    const path = `/?${encodeURI(query).replace(/#/g, '%23')}`;
    const moves = /(^|&)(cam|selected)=/.test(query);
    const atlas = moves ? mapPage : heldPage;
    const { page } = atlas;
    await page.goto(path);
    if (moves) {
      await atlas.waitReady();
      withMap += 1;
    } else await atlas.waitFirstView();
    await expect(page.getByTestId('load-error'), query).toHaveCount(0);
    // The search string exactly as the page sees it (the browser's URL parser, which Node shares).
    const state = urlState(new URL(path, 'http://127.0.0.1/').search);
    if (state.view.presentStep === null) {
      const expected = countsFor(state);
      await expect.poll(() => atlas.counts(), { message: query }).toEqual(expected);
      if (expected.agreements !== total.agreements) narrowed += 1;
      await page.keyboard.press('Escape');
    } else {
      // A storyline step picks its own playback year; leaving the presentation shows the URL's filters again.
      await expect(page.getByTestId('presentation')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect.poll(() => atlas.counts(), { message: query }).toEqual(expectedCounts(state.filters));
    }
  }
  // Not only junk: several queries narrowed the view, so the counts compared were more than the defaults.
  expect(narrowed).toBeGreaterThanOrEqual(4);
  // …and some reached the map with a camera or a selection.
  expect(withMap).toBeGreaterThanOrEqual(2);
  mapPage.expectClean();
  heldPage.expectClean();
});
