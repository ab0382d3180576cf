import { expect, test } from '@playwright/test';
import { AtlasPage, datasetIndex, expectedCounts, sharedPage, sharedPageWithoutMap } from './atlas-page';
import { sharedHeldPage } from './held-page';

test.describe('the atlas in Chromium (production build, software WebGL)', () => {
  // Three checks on one page with the WebGL map (lang=en): the first reads the opening view, the brush puts the
  // years back, and the marker click comes last.
  test.describe('on one page with the map', () => {
    const onePage = sharedPage('lang=en', { map: true });

    test('loads until ready, and the counts match the dataset', async () => {
      const atlas = onePage();
      const { page } = atlas;
      const all = expectedCounts();
      expect(all.agreements).toBe(datasetIndex().dataset.agreements.length);
      await atlas.expectCounts(all);
      await expect(page.getByTestId('results-list').getByTestId('result-row')).toHaveCount(all.institutions);
      // The map drew the world: its canvas is not a blank single colour.
      const png = await atlas.mapPicture();
      expect(png.length).toBeGreaterThan(20_000);
      atlas.expectClean();
    });

    test('brushing the timeline with the mouse filters the counts and the map', async () => {
      const atlas = onePage();
      const { page } = atlas;
      const before = await atlas.mapPicture();
      const overlay = page.locator('[data-testid="timeline-brush"] .overlay');
      const box = (await overlay.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 8 });
      await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      const label = await page.getByTestId('timeline-range').innerText();
      const [, from, to] = /(\d{4})–(\d{4})/.exec(label)!;
      const range: [number, number] = [Number(from), Number(to)];
      expect(range[0]).toBeGreaterThan(1983);
      expect(range[1]).toBeLessThan(2013);
      await atlas.expectCounts(expectedCounts({ yearRange: range }));
      await atlas.expectUrl(new RegExp(`years=${range[0]}-${range[1]}`));
      expect(await atlas.mapPicture()).not.toEqual(before);
      // Undated department-level agreements are excluded, and the UI says how many.
      const undated = expectedCounts({ level: 'department' }).agreements;
      if (undated > 0) await expect(page.getByTestId('undated-hidden')).toContainText(String(undated));
      await page.getByTestId('timeline-reset').click();
      await atlas.expectCounts(expectedCounts());
      atlas.expectClean();
    });

    test('clicking a country marker selects it and filters the timeline', async () => {
      const atlas = onePage();
      const { page } = atlas;
      await atlas.mapIdle();
      const fullBars = await page.locator('[data-testid="timeline"] [data-count]').evaluateAll((els) => els.map((e) => e.getAttribute('data-count')).join(','));
      const point = await atlas.markerOnMap('FR');
      await page.mouse.click(point.x, point.y);
      await atlas.expectCounts(expectedCounts({ countries: ['FR'] }));
      await expect(page.getByTestId('country-details')).toContainText('France');
      await atlas.expectUrl(/country=FR/);
      const franceBars = await page
        .locator('[data-testid="timeline"] [data-count]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-count')).join(','));
      expect(franceBars).not.toEqual(fullBars);
      const franceTotal = franceBars
        .split(',')
        .slice(0, -1)
        .reduce((s, n) => s + Number(n), 0);
      expect(franceTotal).toBe(expectedCounts({ countries: ['FR'], level: 'university' }).agreements);
      atlas.expectClean();
    });

    // On the same map page (issue 25: was a page of its own at country=CH): Switzerland chosen in the country filter,
    // which frames its institutions as the link does.
    test('clicking an institution point opens its card', async () => {
      const atlas = onePage();
      const { page } = atlas;
      // Back to every country (France was chosen by the test before; a lone run starts there).
      const reset = page.getByTestId('reset-all');
      if (await reset.count()) await reset.click();
      await atlas.expectUrl(/^\?lang=en$/);
      // The group opens (a summary click toggles it: an earlier choice may have left it open).
      const group = page.locator('[data-testid="facet-group"][data-facet="country"]');
      if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
      await page.getByTestId('country-CH').check();
      await atlas.expectUrl(/^\?lang=en&country=CH$/);
      await atlas.expectCounts(expectedCounts({ countries: ['CH'] }));
      const epfl = datasetIndex().dataset.institutions.find((i) => i.country === 'CH' && /Lausanne/.test(i.name.en))!;
      // The camera framed Switzerland: its institutions are inside the map.
      const box = (await page.getByTestId('map').boundingBox())!;
      await expect
        .poll(async () => {
          await atlas.mapIdle();
          const p = await atlas.pointOnMap(epfl.lng, epfl.lat);
          return (
            p.x > box.x &&
            p.x < box.x + box.width &&
            p.y > box.y &&
            p.y < box.y + box.height &&
            (await page.evaluate(() => window.__partnerAtlasMap!.getZoom())) > 4
          );
        })
        .toBe(true);
      const point = await atlas.pointOnMap(epfl.lng, epfl.lat);
      await page.mouse.click(point.x, point.y);
      const card = page.getByTestId('institution-card');
      await expect(card).toContainText(epfl.name.en);
      await expect(card).toContainText(epfl.name.ja);
      await expect(card).toContainText('University-wide agreement');
      await atlas.expectUrl(new RegExp(`selected=${epfl.id}`));
      await expect(page.locator(`[data-testid="result-row"][data-id="${epfl.id}"]`)).toHaveAttribute('aria-current', 'true');
      atlas.expectClean();
    });
  });

  test('a link with countries frames all their institutions, also after the panels settle', async ({ page }) => {
    const atlas = new AtlasPage(page);
    // Russia and New Zealand: a tall frame, which a fit computed before the timeline took its height cut off.
    await atlas.open('lang=en&country=RU,NZ');
    await atlas.mapIdle();
    const box = (await page.getByTestId('map').boundingBox())!;
    const partners = datasetIndex().dataset.institutions.filter((i) => i.country === 'RU' || i.country === 'NZ');
    expect(partners.some((i) => i.country === 'NZ')).toBe(true);
    for (const inst of partners) {
      const p = await atlas.pointOnMap(inst.lng, inst.lat);
      expect(p.x, `${inst.name.en} inside the map horizontally`).toBeGreaterThan(box.x);
      expect(p.x, `${inst.name.en} inside the map horizontally`).toBeLessThan(box.x + box.width);
      expect(p.y, `${inst.name.en} inside the map vertically`).toBeGreaterThan(box.y);
      expect(p.y, `${inst.name.en} inside the map vertically`).toBeLessThan(box.y + box.height);
    }
    atlas.expectClean();
  });

  // Three checks without the map on one held page, each at its own URL (held-page.ts; issue 25: were three contexts).
  test.describe('on one held page, each at its own URL', () => {
    const heldAt = sharedHeldPage();

    test('the brush works from the keyboard', async () => {
      const atlas = await heldAt('years=2000-2004&lang=en');
      const { page } = atlas;
      await page.getByTestId('timeline-brush').focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('timeline-range')).toContainText('2001–2005');
      await page.keyboard.press('Shift+ArrowLeft');
      await expect(page.getByTestId('timeline-range')).toContainText('2001–2004');
      await atlas.expectCounts(expectedCounts({ yearRange: [2001, 2004] }));
      await page.keyboard.press('Escape');
      await atlas.expectCounts(expectedCounts());
    });

    test('search works in Japanese and English, across widths and scripts', async () => {
      const atlas = await heldAt('lang=ja');
      const { page } = atlas;
      const search = page.getByTestId('search');
      for (const q of ['ソウル', 'seoul', 'ＳＥＯＵＬ']) {
        await search.fill(q);
        await atlas.expectCounts(expectedCounts({ query: q }));
        await expect(page.getByTestId('result-row').filter({ hasText: 'ソウル大学校' }).first()).toBeVisible();
      }
      for (const q of ['sorbonne', 'ソルボンヌ', 'ｿﾙﾎﾞﾝﾇ']) {
        await search.fill(q);
        await atlas.expectCounts(expectedCounts({ query: q }));
        expect((await atlas.counts()).institutions).toBeGreaterThanOrEqual(1);
      }
      await page.getByTestId('lang-en').click();
      await search.fill('Tsinghua');
      await expect(page.getByTestId('result-row').filter({ hasText: 'Tsinghua University' }).first()).toBeVisible();
    });

    test('garbage in the URL falls back to defaults without errors', async () => {
      const atlas = await heldAt('years=9999-1&country=<script>,ZZ&level=%E0%A4%A&dept=../../etc&selected=nope&lang=fr');
      await atlas.expectCounts(expectedCounts());
      atlas.expectClean();
    });
  });

  // Three checks on one page (lang=en, no map), each leaving it as it found it (the last opens a second page).
  test.describe('on one page', () => {
    const onePage = sharedPageWithoutMap('lang=en');

    test('the about panel shows the source and the corrections', async () => {
      const atlas = onePage();
      const { page } = atlas;
      await page.getByTestId('about-open').click();
      const about = page.getByTestId('about');
      await expect(about).toBeVisible();
      await expect(about).toContainText('as of May 2012');
      await expect(about.locator('tbody tr')).toHaveCount(datasetIndex().dataset.corrections.length);
      await page.keyboard.press('Escape');
      await expect(about).toBeHidden();
    });

    test('the department filter keeps its agreements and the university-wide ones', async () => {
      const atlas = onePage();
      const { page } = atlas;
      const dept = datasetIndex().dataset.departments.find((d) => d.id === 'engineering');
      await page.locator('summary', { hasText: /^Department/ }).click();
      await page.getByTestId(`dept-${dept!.id}`).check();
      await atlas.expectCounts(expectedCounts({ departments: [dept!.id] }));
      await page.getByTestId('level-department').check();
      await atlas.expectCounts(expectedCounts({ departments: [dept!.id], level: 'department' }));
      await expect(page.getByTestId('filter-chips')).toContainText(dept!.en);
      await page.getByTestId('reset-all').click();
      await atlas.expectCounts(expectedCounts());
    });

    test('the URL round-trips the view', async () => {
      const atlas = onePage();
      const { page } = atlas;
      await page.getByTestId('waiver').check();
      await page.locator('summary', { hasText: /^Region$/ }).click();
      await page.getByTestId('region-europe').check();
      await page.getByTestId('search').fill('tech');
      await atlas.expectUrl(/waiver=1/);
      await atlas.expectUrl(/region=europe/);
      await atlas.expectUrl(/q=tech/);
      const counts = await atlas.counts();
      expect(counts).toEqual(expectedCounts({ tuitionWaiverOnly: true, regions: ['europe'], query: 'tech' }));
      const url = page.url();
      const fresh = await page.context().newPage();
      const reopened = new AtlasPage(fresh);
      await reopened.holdMap();
      await fresh.goto(url);
      await reopened.waitFirstView();
      await reopened.expectCounts(counts);
      await expect(fresh.getByTestId('search')).toHaveValue('tech');
      await expect(fresh.getByTestId('waiver')).toBeChecked();
      await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
});
