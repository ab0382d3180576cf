// Many homes (issue 28): a three-home list on the page. The homes count, `home=` and `compare=` from the URL, the
// comparison's numbers and words in both languages, the card's "Also partners with", the picker in the filter panel,
// garbage ids dropped, and the one-home atlas unchanged. Screenshots of the map (world, Europe) in test-results.
import { expect, test, type Page } from '@playwright/test';
import { summarise } from '../../src/domain/aggregate';
import { alsoPartners } from '../../src/domain/also-partners';
import { buildIndex } from '../../src/domain/atlas-index';
import { compareHomes, comparisonCounts, compareYearClasses } from '../../src/domain/compare';
import { DEFAULT_FILTERS, evaluateFilters, filterBit, filterLinks, type Filters } from '../../src/domain/filters';
import { KYOTO, OSAKA, TOHOKU, threeHomesDataset } from '../fixtures/three-homes';
import { type AtlasPage, reusedPage, sharedPage } from './atlas-page';

const dataset = threeHomesDataset();
const body = JSON.stringify(dataset);
const index = buildIndex(dataset);
const homeNo = (id: string) => index.homes.findIndex((h) => h.id === id);
const counts = (filters: Partial<Filters>) => summarise(filterLinks(index, { ...DEFAULT_FILTERS, ...filters }));
const comparison = (a: string, b: string) => {
  const masks = evaluateFilters(index, { ...DEFAULT_FILTERS, compare: [a, b] }).masks;
  return comparisonCounts(
    compareHomes(
      { links: index.links, homeOf: index.homeOf, institutionCount: index.dataset.institutions.length },
      homeNo(a),
      homeNo(b),
      masks,
      filterBit('homes'),
    ),
  );
};

/** A comparison's agreements per class over every year (the timeline's bars summed): [none, only A, only B, both]. */
const barsByClass = (a: string, b: string) => {
  const masks = evaluateFilters(index, { ...DEFAULT_FILTERS, compare: [a, b] }).masks;
  const input = { links: index.links, homeOf: index.homeOf, institutionCount: index.dataset.institutions.length };
  const classes = compareYearClasses(
    index.links,
    compareHomes(input, homeNo(a), homeNo(b), masks, filterBit('homes')),
    masks,
    filterBit('yearRange'),
    index.yearExtent,
    'signed',
  );
  const out = [0, 0, 0, 0];
  classes.forEach((n, k) => {
    out[k % 4]! += n;
  });
  return out;
};

test.describe('many homes', () => {
  test.describe.configure({ timeout: 180_000 });
  // The checks without the map on one page, each at its own URL; the three-homes dataset served through the DevTools
  // protocol (atlas-page.ts), so the HTTP cache stays on (page.route turned it off for every navigation).
  const atlasPage = reusedPage();

  test('the numbers: homes count, home=, compare= in both languages, also-partners, garbage dropped', async () => {
    const atlas = atlasPage();
    const { page } = atlas;
    await atlas.serveDataset(body);
    await atlas.openWithoutMap('lang=en');
    await expect(page.getByTestId('count-homes')).toHaveText('3');
    await atlas.expectCounts(counts({}));

    await atlas.openWithoutMap(`lang=en&home=${KYOTO}`);
    await expect(page.getByTestId('count-homes')).toHaveText('1');
    await atlas.expectCounts(counts({ homes: [KYOTO] }));

    const expected = comparison(TOHOKU, KYOTO);
    expect(expected.shared).toBeGreaterThan(0);
    expect(expected.onlyA).toBeGreaterThan(0);
    for (const lang of ['en', 'ja'] as const) {
      await atlas.openWithoutMap(`lang=${lang}&compare=${TOHOKU},${KYOTO}`);
      const summary = page.getByTestId('compare-summary');
      await expect(summary).toHaveAttribute('data-shared', String(expected.shared));
      await expect(summary).toHaveAttribute('data-only-a', String(expected.onlyA));
      await expect(summary).toHaveAttribute('data-only-b', String(expected.onlyB));
      await expect(summary).toContainText(lang === 'en' ? 'Kyoto University' : '京都大学');
      await expect(summary).toContainText(lang === 'en' ? `${expected.shared} partners in common` : `共通の協定校 ${expected.shared} 機関`);
      await atlas.expectCounts(counts({ compare: [TOHOKU, KYOTO] }));
      // The list in three parts: both, only A, only B.
      await expect(page.getByTestId('results-compare-3')).toBeVisible();
      await expect(page.getByTestId('results-compare-1')).toBeVisible();
    }

    // A partner all three homes have: the card names them, with level and date.
    const shared = index.dataset.institutions.find((i) => alsoPartners(index, i.id).length === 3)!;
    await atlas.openWithoutMap(`lang=en&selected=${shared.id}`);
    const also = page.getByTestId('also-partners');
    await expect(also).toHaveAttribute('data-count', '3');
    for (const name of ['Tohoku University', 'Kyoto University', 'Osaka University']) await expect(also).toContainText(name);
    await expect(also).toContainText('University-wide agreement');

    // Ids the dataset does not know are dropped: the whole network, no comparison.
    await atlas.openWithoutMap(`lang=en&home=nowhere-university&compare=nowhere-university,${KYOTO}`);
    await expect(page.getByTestId('count-homes')).toHaveText('3');
    await expect(page.getByTestId('compare-summary')).toHaveCount(0);
    await atlas.expectCounts(counts({}));
    atlas.expectClean();
  });

  test('picking two homes in the filter panel starts a comparison, and search finds a home', async () => {
    const atlas = atlasPage();
    const { page } = atlas;
    await atlas.serveDataset(body);
    await atlas.openWithoutMap('lang=ja');
    await page.getByText('大学(一覧の持ち主)').first().click();
    await page.getByTestId('compare-a').fill('京都大学');
    await page.getByTestId('compare-b').fill('大阪大学');
    await page.getByTestId('compare-start').click();
    const expected = comparison(KYOTO, OSAKA);
    await expect(page.getByTestId('compare-summary')).toHaveAttribute('data-shared', String(expected.shared));
    await expect(page.getByTestId('compare-summary')).toContainText('京都大学と大阪大学');
    await atlas.expectUrl(new RegExp(`compare=${KYOTO}%2C${OSAKA}`));
    await page.getByTestId('compare-end').click();
    await expect(page.getByTestId('compare-summary')).toHaveCount(0);

    await page.getByTestId('search').fill('大阪');
    await page.getByTestId(`home-suggestion-${OSAKA}`).click();
    await expect(page.getByTestId('search')).toHaveValue('');
    await atlas.expectUrl(new RegExp(`home=${OSAKA}`));
    await atlas.expectCounts(counts({ homes: [OSAKA] }));
    atlas.expectClean();
  });

  test('the one-home atlas shows no homes count, no comparison picker, no also-partners', async () => {
    const atlas = atlasPage();
    const { page } = atlas;
    // The build's own dataset again.
    await atlas.serveDataset(null);
    await atlas.openWithoutMap('lang=en&selected=seoul-national-university');
    await expect(page.getByTestId('count-agreements')).toBeVisible();
    await expect(page.getByTestId('count-homes')).toHaveCount(0);
    await expect(page.getByTestId('compare-a')).toHaveCount(0);
    await expect(page.getByTestId('institution-card')).toBeVisible();
    await expect(page.getByTestId('also-partners')).toHaveCount(0);
  });

  // The two map checks on one WebGL map page (issue 25: were four map starts, at three URLs and a fourth page): the
  // lines switched on and the comparison started in the page, the camera put on Europe by the map's own API. Reading
  // `flows=`, `compare=` and `cam=` from the URL is the numbers test's (compare=), flows.spec's and the offsite and
  // present specs' (cam=).
  test.describe('on one map page', () => {
    const mapPage = sharedPage('lang=en', { map: true, dataset: body });
    const layers = (page: Page) => page.evaluate(() => window.__partnerAtlasMap!.getLayersOrder());
    /** How often the arcs layer counted its arcs in full, added a playback year's, and composited them (arcs-layer.ts). */
    const arcPasses = (page: Page) =>
      page.evaluate(() => {
        const layer = window.__partnerAtlasMap!.getLayer('home-arcs') as unknown as {
          implementation: { passes: Record<'full' | 'added' | 'composites', number> };
        };
        return { ...layer.implementation.passes };
      });
    /** The camera on Europe (as `cam=12,50,<zoom>`), and the map done drawing there. */
    const europe = async (atlas: AtlasPage, zoom: number) => {
      await atlas.page.evaluate((z) => window.__partnerAtlasMap!.jumpTo({ center: [12, 50], zoom: z }), zoom);
      await atlas.mapIdle();
    };

    test('the map: arcs from every home, coloured in a comparison (screenshots: world, Europe)', async () => {
      const testInfo = test.info();
      const atlas = mapPage();
      const { page } = atlas;
      await expect(page.getByTestId('count-homes')).toHaveText('3');
      // The arcs follow the "Lines from 3 universities" control: none while it is off…
      await atlas.mapIdle();
      expect(await layers(page)).not.toContain('home-arcs');
      const lines = page.getByRole('checkbox', { name: 'Lines from 3 universities' });
      await expect(lines).not.toBeChecked();
      // …and from every home when it is on.
      await lines.check();
      await expect(lines).toBeChecked();
      await atlas.expectUrl(/flows=1/);
      await expect.poll(() => layers(page)).toContain('home-arcs');
      await atlas.mapIdle();
      // The arcs are counted into their texture once and reused: another drawing with the same camera composites them
      // without counting them again (issue 29: each arc's pixels are CPU work with software GL).
      const counted = await arcPasses(page);
      expect(counted.full).toBeGreaterThan(0);
      await page.evaluate(() => window.__partnerAtlasMap!.triggerRepaint());
      await expect.poll(async () => (await arcPasses(page)).composites).toBeGreaterThan(counted.composites);
      expect((await arcPasses(page)).full).toBe(counted.full);
      await page.screenshot({ path: testInfo.outputPath('many-homes-world.png') });
      // A comparison of Tohoku and Kyoto, started in the filter panel.
      await page.getByText('Home universities').first().click();
      await page.getByTestId('compare-a').fill('Tohoku University');
      await page.getByTestId('compare-b').fill('Kyoto University');
      await page.getByTestId('compare-start').click();
      await atlas.expectUrl(new RegExp(`compare=${TOHOKU}%2C${KYOTO}`));
      await expect(page.getByTestId('compare-summary')).toHaveAttribute('data-shared', String(comparison(TOHOKU, KYOTO).shared));
      // The lines control and the legend name the two homes compared, not the whole network of three.
      await expect(page.getByRole('checkbox', { name: 'Lines from Tohoku University and Kyoto University' })).toBeChecked();
      await expect(page.getByTestId('legend-home')).toHaveText('Tohoku University and Kyoto University');
      await europe(atlas, 3.2);
      // A comparison and another camera: counted again.
      expect((await arcPasses(page)).full).toBeGreaterThan(counted.full);
      await page.screenshot({ path: testInfo.outputPath('many-homes-compare-europe.png') });
      // The arcs layer is on the map, under the markers.
      // (getStyle() leaves custom layers out: the map's own order has them.)
      const order = await layers(page);
      expect(order).toContain('home-arcs');
      expect(order.indexOf('home-arcs')).toBeLessThan(order.indexOf('country-markers'));
      atlas.expectClean();
    });

    test('a comparison in three colours: the points on the map, the bars of the timeline and both legends agree with the summary', async () => {
      const testInfo = test.info();
      const atlas = mapPage();
      const { page } = atlas;
      // The comparison (Tohoku, Kyoto) and the lines of the test before (set here if that test failed: a new worker's
      // page). Zoomed on Europe, past the institution level: the partner points are drawn (and their source filled).
      // (Its name is the homes on the map: "Lines from 3 universities", or the two compared.)
      const lines = page.getByRole('checkbox', { name: /^Lines from / });
      if (!(await lines.isChecked())) await lines.check();
      if ((await page.getByTestId('compare-summary').count()) === 0) {
        if (!(await page.getByTestId('compare-a').isVisible())) await page.getByText('Home universities').first().click();
        await page.getByTestId('compare-a').fill('Tohoku University');
        await page.getByTestId('compare-b').fill('Kyoto University');
        await page.getByTestId('compare-start').click();
      }
      await atlas.expectUrl(new RegExp(`flows=1.*compare=${TOHOKU}%2C${KYOTO}|compare=${TOHOKU}%2C${KYOTO}.*flows=1`));
      await europe(atlas, 3.6);
      const expected = comparison(TOHOKU, KYOTO);
      const summary = page.getByTestId('compare-summary');
      await expect(summary).toHaveAttribute('data-shared', String(expected.shared));
      await expect(summary).toHaveAttribute('data-only-a', String(expected.onlyA));
      await expect(summary).toHaveAttribute('data-only-b', String(expected.onlyB));
      // The map's partner points by their class (1 only A, 2 only B, 3 both): as many as the summary says, none unclassed.
      const points = await page.evaluate(async () => {
        const source = window.__partnerAtlasMap!.getSource('institutions') as unknown as {
          getData(): Promise<{ features: { properties: { compare?: number } }[] }>;
        };
        const by = [0, 0, 0, 0];
        for (const f of (await source.getData()).features) by[f.properties.compare ?? 0]! += 1;
        return by;
      });
      expect(points).toEqual([0, expected.onlyA, expected.onlyB, expected.shared]);
      // Clusters of partners count their points of each class (a, b, s), which colour them as most of their partners.
      const clusters = await page.evaluate(() =>
        window.__partnerAtlasMap!.queryRenderedFeatures(undefined, { layers: ['institution-clusters'] }).map((f) => f.properties as Record<string, number>),
      );
      expect(clusters.length).toBeGreaterThan(0);
      for (const c of clusters) expect(c.a! + c.b! + c.s!).toBe(c.point_count);
      await expect(page.getByTestId('legend-compare-clusters')).toContainText('A cluster takes the colour most of its partners have');
      // The timeline's bars, split by the same classes: their parts add up to the agreements of each class.
      const bars = await page.locator('[data-testid=year-bar] rect[data-class]').evaluateAll((rects) => {
        const by = [0, 0, 0, 0];
        for (const r of rects) by[Number(r.getAttribute('data-class'))]! += Number(r.getAttribute('data-count'));
        return by;
      });
      const expectedBars = barsByClass(TOHOKU, KYOTO);
      expect(bars).toEqual(expectedBars);
      for (const [c, partners] of [
        [1, expected.onlyA],
        [2, expected.onlyB],
        [3, expected.shared],
      ] as const)
        expect(bars[c]! > 0).toBe(partners > 0);
      // Both keys name the three colours with the homes' names.
      for (const key of ['legend-compare', 'timeline-compare-legend'])
        for (const text of ['Only Tohoku University', 'Both', 'Only Kyoto University']) await expect(page.getByTestId(key)).toContainText(text);
      await expect(page.getByTestId('legend-flows')).toContainText('One line per home and partner');
      await page.screenshot({ path: testInfo.outputPath('many-homes-compare-colours-en.png') });
      atlas.expectClean();
    });
  });
});
