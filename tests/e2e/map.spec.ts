// The map as a student reads it: tooltips that go when clicked, no repeated world, regions framed, a legend of
// what is drawn, and names on the map.
import { expect, test } from '@playwright/test';
import { markerRadius } from '../../src/adapters/maplibre/marker-layout';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { viewAtYear } from '../../src/domain/view';
import { AtlasPage, datasetIndex, sharedPage } from './atlas-page';

/**
 * At the opening view, country markers overlap neither each other nor Tohoku's point and the start of its label, and
 * the names are drawn beside them.
 */
async function expectMarkersApart(atlas: AtlasPage, viewport: { width: number }) {
  const { page } = atlas;
  await atlas.mapIdle();
  const { lng: homeLng, lat: homeLat } = datasetIndex().dataset.homes[0]!;
  const drawn = await page.evaluate(
    ([homeLng, homeLat]) => {
      const map = window.__partnerAtlasMap!;
      const markers = map.queryRenderedFeatures({ layers: ['country-markers'] }).map((f) => {
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { code: String(f.properties.code), count: Number(f.properties.count), x: p.x, y: p.y };
      });
      const home = map.project([homeLng!, homeLat!]);
      // The markers' source also holds their leader lines, drawn by their own layer: each layer only its geometry.
      const leaders = map.queryRenderedFeatures({ layers: ['country-marker-leaders'] }).map((f) => {
        const line = f.geometry.type === 'LineString' ? f.geometry.coordinates : [];
        const end = line.length ? map.project(line[line.length - 1] as [number, number]) : { x: NaN, y: NaN };
        return { code: String(f.properties.code), type: f.geometry.type, x: end.x, y: end.y };
      });
      const types = [...new Set(map.queryRenderedFeatures({ layers: ['country-markers', 'country-names'] }).map((f) => f.geometry.type))];
      return { markers, leaders, types, home: { x: home.x, y: home.y }, zoom: map.getZoom() };
    },
    [homeLng, homeLat],
  );
  const radius = (count: number) => markerRadius(count, drawn.zoom);
  expect(drawn.markers.length).toBeGreaterThan(viewport.width > 1000 ? 30 : 10);
  const overlaps: string[] = [];
  for (const [i, a] of drawn.markers.entries()) {
    for (const b of drawn.markers.slice(i + 1)) {
      const gap = Math.hypot(a.x - b.x, a.y - b.y) - radius(a.count) - radius(b.count);
      if (gap < -0.5) overlaps.push(`${a.code}/${b.code} ${gap.toFixed(1)} px`);
    }
    // Tohoku's point (7 px and its 2 px ring) and the first letters of its label, east of it.
    for (let dx = 0; dx <= 40; dx += 10) {
      const gap = Math.hypot(a.x - drawn.home.x - dx, a.y - drawn.home.y) - radius(a.count) - 8;
      if (gap < -0.5) overlaps.push(`${a.code}/home+${dx} ${gap.toFixed(1)} px`);
    }
  }
  expect(overlaps).toEqual([]);
  expect(drawn.types).toEqual(['Point']);
  // Europe's crowd moved some markers: a leader line ends where each such marker is drawn.
  expect(drawn.leaders.length).toBeGreaterThan(0);
  for (const line of drawn.leaders) {
    expect(line.type).toBe('LineString');
    expect(
      drawn.markers.some((m) => m.code === line.code && Math.hypot(m.x - line.x, m.y - line.y) < 1.5),
      line.code,
    ).toBe(true);
  }
  // The names never sit on a marker: China's name is drawn, and so is Tohoku University's.
  const names = await page.evaluate(() =>
    window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-names', 'home-label'] }).map((f) => f.properties.name ?? f.properties.label),
  );
  expect(names).toContain('Tohoku University');
}

// One page with the WebGL map (lang=en) for the checks of the map's behaviour: each puts the camera and the filters
// back as it found them, and the one that changes most (filters, search, playback) comes last.
test.describe('the map', () => {
  // Eight checks on one page; at a load of ~50 the legend's and the zoom-out's tile loads ran past 60 s (main's copy too).
  test.describe.configure({ timeout: 120_000 });
  const onePage = sharedPage('lang=en', { map: true });
  /** The opening camera, to put back after a test moved it. */
  const opening = (atlas: AtlasPage) =>
    atlas.page.evaluate(() => {
      const map = window.__partnerAtlasMap!;
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    });
  const restore = async (atlas: AtlasPage, camera: Awaited<ReturnType<typeof opening>>) => {
    await atlas.page.evaluate((c) => window.__partnerAtlasMap!.jumpTo(c), camera);
    await atlas.mapIdle();
  };

  test(`country markers do not overlap each other or Tohoku's point and label at the opening view (desktop)`, async () => {
    const atlas = onePage();
    await expectMarkersApart(atlas, atlas.page.viewportSize()!);
    atlas.expectClean();
  });

  test('the legend shows the symbols on screen: markers at world level, points and clusters when zoomed in', async () => {
    const atlas = onePage();
    const { page } = atlas;
    const camera = await opening(atlas);
    const legend = page.getByTestId('map-legend');
    await expect(legend).toHaveAttribute('data-level', 'country');
    await expect(legend).toContainText('Circle area and number = agreements');
    await expect(legend).toContainText('Tohoku University');
    await page.evaluate(() => window.__partnerAtlasMap!.jumpTo({ center: [2.35, 48.85], zoom: 5 }));
    await expect(legend).toHaveAttribute('data-level', 'institution');
    await expect(legend).toContainText('Partner institution');
    await expect(legend).not.toContainText('Circle area');
    await restore(atlas, camera);
    await expect(legend).toHaveAttribute('data-level', 'country');
  });

  test('zooming out never shows the world twice', async () => {
    const atlas = onePage();
    const { page } = atlas;
    const camera = await opening(atlas);
    await page.evaluate(() => window.__partnerAtlasMap!.zoomTo(0, { duration: 0 }));
    await atlas.mapIdle();
    const span = await page.evaluate(() => {
      const bounds = window.__partnerAtlasMap!.getBounds();
      return bounds.getEast() - bounds.getWest();
    });
    expect(span).toBeLessThanOrEqual(360.5);
    await restore(atlas, camera);
  });

  test('a click on a marker closes its tooltip', async () => {
    const atlas = onePage();
    const { page } = atlas;
    await atlas.mapIdle();
    const china = await atlas.markerOnMap('CN');
    await page.mouse.move(china.x, china.y);
    await expect(page.getByTestId('map-tooltip')).toContainText('China');
    await page.mouse.click(china.x, china.y);
    await atlas.expectUrl(/country=CN/);
    await expect(page.getByTestId('map-tooltip')).toHaveCount(0);
    // Back to every country (the camera returns to the opening view).
    await page.getByTestId('reset-all').click();
    await atlas.expectUrl(/^\?lang=en$/);
    atlas.expectClean();
  });

  test('country names are drawn on the map in the page language, once the data is drawn', async () => {
    const atlas = onePage();
    const { page } = atlas;
    await page.getByTestId('lang-ja').click();
    const names = () =>
      page.evaluate(() => window.__partnerAtlasMap!.queryRenderedFeatures({ layers: ['country-names'] }).map((f) => String(f.properties?.name)));
    // Names are placed once the data is drawn, and again when the marker layout settles.
    await expect.poll(names).toEqual(expect.arrayContaining(['中国', 'アメリカ']));
    await page.getByTestId('lang-en').click();
    await expect.poll(names).toContain('China');
    atlas.expectClean();
  });

  // On the shared page (issue 25: was a page of its own at region=europe): Europe chosen in the filter panel, and
  // back to every region (the opening view) after.
  test('choosing a region frames its institutions, as a country does', async () => {
    const atlas = onePage();
    const { page } = atlas;
    const index = datasetIndex();
    const european = new Set(index.dataset.countries.filter((c) => c.region === 'europe').map((c) => c.code));
    const points = index.dataset.institutions.filter((i) => european.has(i.country)).map((i) => [i.lng, i.lat] as [number, number]);
    // The source counts Russia (Novosibirsk, Vladivostok…) in Europe: the region reaches far east.
    const dataSpan = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
    const framed = async () => {
      await atlas.mapIdle();
      return page.evaluate((pts) => {
        const map = window.__partnerAtlasMap!;
        const bounds = map.getBounds();
        return { span: bounds.getEast() - bounds.getWest(), outside: pts.filter((p) => !bounds.contains(p)).length };
      }, points);
    };
    // The opening view holds them too, but spans the whole Pacific-centred world (~310° of longitude).
    expect((await framed()).span).toBeGreaterThan(Math.min(dataSpan + 40, 250));
    // The group opens (a summary click toggles it: an earlier choice may have left it open).
    const group = page.locator('[data-testid="facet-group"][data-facet="region"]');
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await page.getByTestId('region-europe').check();
    await atlas.expectUrl(/^\?lang=en&region=europe$/);
    // The region with a margin, not the opening view, and every institution of it inside.
    await expect.poll(async () => (await framed()).span).toBeLessThan(Math.min(dataSpan + 40, 250));
    expect((await framed()).outside).toBe(0);
    await page.getByTestId('reset-all').click();
    await atlas.expectUrl(/^\?lang=en$/);
    atlas.expectClean();
  });

  // Moved from search.spec.ts (issue 25: was a map page of its own, at lang=ja): the search reads both languages'
  // names whatever the page's language.
  test('a country name in either language finds its partners, and the map frames them', async () => {
    const atlas = onePage();
    const { page } = atlas;
    const rows = page.getByTestId('result-row');
    const german = datasetIndex().dataset.institutions.filter((i) => i.country === 'DE');
    await page.getByTestId('search').fill('ドイツ');
    await expect(rows).toHaveCount(german.length);
    const framed = async () => {
      await atlas.mapIdle();
      return page.evaluate(
        (pts) => {
          const bounds = window.__partnerAtlasMap!.getBounds();
          return { outside: pts.filter((p) => !bounds.contains(p)).length, span: bounds.getEast() - bounds.getWest() };
        },
        german.map((i) => [i.lng, i.lat] as [number, number]),
      );
    };
    await expect.poll(async () => (await framed()).span).toBeLessThan(60);
    expect((await framed()).outside).toBe(0);
    await page.getByTestId('search').fill('Germany');
    await expect(rows).toHaveCount(german.length);
    await page.getByTestId('search').fill('');
    await atlas.expectUrl(/^\?lang=en$/);
    atlas.expectClean();
  });

  test('is created once: filter changes and playback update it, never re-create it', async () => {
    const atlas = onePage();
    const { page } = atlas;
    await page.evaluate(() => Object.assign(window.__partnerAtlasMap!, { probe: 'first map' }));
    await page.getByTestId('level-university').check();
    await page.getByTestId('search').fill('seoul');
    await page.locator('body').press('ArrowRight');
    await page.getByTestId('play').click();
    await page.getByTestId('play').click();
    await atlas.mapIdle();
    expect(await page.evaluate(() => (window.__partnerAtlasMap as unknown as { probe?: string }).probe)).toBe('first map');
  });
});

test.describe('country markers', () => {
  // The desktop case (1366×800, lang=en) runs first on the map page above, at its opening view.
  test(`do not overlap each other or Tohoku's point and label at the opening view (phone)`, async ({ browser }) => {
    const viewport = { width: 375, height: 667 };
    const context = await browser.newContext({ viewport });
    const atlas = new AtlasPage(await context.newPage());
    await atlas.open('lang=en');
    await expectMarkersApart(atlas, viewport);
    atlas.expectClean();
    await context.close();
  });
});

// Two checks of the map in playback on one map page at `play=2001` (issue 25: were two map starts; the second was in
// playback.spec.ts): the rings of 2001 and 2002, then the markers' counts stepping on from 2002 to 2005 and back.
test.describe('the map in playback', () => {
  const playPage = sharedPage('lang=en&play=2001', { map: true });

  test('at world zoom the "new this year" rings sit on the markers of the countries that gained partners', async () => {
    const atlas = playPage();
    const { page } = atlas;
    const index = datasetIndex();
    const firstYear = new Map<string, number>();
    for (const l of index.links) if (l.year !== null) firstYear.set(l.institution.id, Math.min(firstYear.get(l.institution.id) ?? 9999, l.year));
    // 2001, then a step to 2002: the rings of the year before are reused, moved onto the new year's countries.
    for (const [key, year] of [
      [null, 2001],
      ['ArrowRight', 2002],
    ] as const) {
      if (key) await page.locator('body').press(key);
      await expect(page.getByTestId('playback-year')).toHaveText(String(year));
      await atlas.mapIdle();
      const countries = new Set([...firstYear].filter(([, first]) => first === year).map(([id]) => index.institutionsById.get(id)!.country));
      const rings = page.locator('.pulse-marker');
      // One ring per country, not one per institution (several new partners in China pulse once, on China's marker).
      await expect(rings).toHaveCount(countries.size);
      const mapBox = (await page.getByTestId('map').boundingBox())!;
      const markers = await page.evaluate(() => {
        const map = window.__partnerAtlasMap!;
        return map.queryRenderedFeatures({ layers: ['country-markers'] }).map((f) => {
          const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
          return { code: String(f.properties.code), x: p.x, y: p.y, radius: Number(f.properties.radius) };
        });
      });
      for (const box of await rings.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
        const x = box.x + box.width / 2 - mapBox.x;
        const y = box.y + box.height / 2 - mapBox.y;
        const on = markers.find((m) => Math.hypot(m.x - x, m.y - y) <= m.radius + 1);
        expect(on, `${year}: ring at ${x.toFixed(0)},${y.toFixed(0)}`).toBeDefined();
        expect(countries.has(on!.code)).toBe(true);
      }
    }
    atlas.expectClean();
  });

  // Playback by year deltas (issue 29): whatever the map skips or reuses between years, at a paused year its country
  // markers carry the numbers the view counts for that year, stepping forward and back. Moved from playback.spec.ts;
  // the test before left the page paused at 2002.
  test("at a paused year the map draws each country marker with the view's count for that year, stepping both ways", async () => {
    const atlas = playPage();
    const { page } = atlas;
    await expect(page.getByTestId('playback-year')).toHaveText('2002');
    const drawn = () =>
      page.evaluate(async () => {
        const source = window.__partnerAtlasMap!.getSource('country-markers') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
        const counts: Record<string, number> = {};
        for (const f of (await source.getData()).features)
          if (f.geometry.type === 'Point' && (f.properties?.count as number) > 0) counts[f.properties!.code as string] = f.properties!.count as number;
        return counts;
      });
    const expected = (year: number) => {
      const counts: Record<string, number> = {};
      for (const [code, c] of viewAtYear(datasetIndex(), DEFAULT_FILTERS, year, DEFAULT_SETTINGS).view.countryCounts)
        if (c.agreements > 0) counts[code] = c.agreements;
      return counts;
    };
    for (const [key, year] of [
      ['ArrowRight', 2003],
      ['ArrowRight', 2004],
      ['ArrowRight', 2005],
      ['ArrowLeft', 2004],
      ['ArrowLeft', 2003],
    ] as const) {
      await page.locator('body').press(key);
      await expect(page.getByTestId('playback-year')).toHaveText(String(year));
      await expect.poll(drawn).toEqual(expected(year));
    }
    expect(expected(2003)).not.toEqual(expected(2005));
    atlas.expectClean();
  });

  // Issue 29 (stop 37): while a ring animates, the compositor redraws the whole page every frame (~25 ms of the GPU
  // process's CPU each without a GPU), so a ring changes in steps 50 ms apart, each the smooth ease-out ring's state
  // at the step's start (src/adapters/maplibre/pulse-ring.ts). The test before left the page paused at 2003.
  test("a new year's rings grow and fade in steps 50 ms apart, and stand still with reduced motion", async () => {
    const atlas = playPage();
    const { page } = atlas;
    const rings = page.locator('.pulse-ring');
    // The project's reduced motion: a still ring.
    await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText('2004');
    await expect(rings.first()).toBeAttached();
    expect(await rings.evaluateAll((els) => els.map((e) => [e.getAnimations().length, getComputedStyle(e).opacity]))).toEqual(
      Array.from({ length: await rings.count() }, () => [0, '0.9']),
    );
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    try {
      await page.locator('body').press('ArrowRight');
      await expect(page.getByTestId('playback-year')).toHaveText('2005');
      await expect(rings.first()).toBeAttached();
      // Each ring's one animation, paused and sampled at every 60 Hz frame of its 900 ms.
      const samples = await rings.evaluateAll((els) =>
        els.map((ring) => {
          const animations = ring.getAnimations();
          const [animation] = animations;
          if (animations.length !== 1 || !animation) return { animations: animations.length, opacity: [], scale: [] };
          animation.pause();
          const opacity: number[] = [];
          const scale: number[] = [];
          for (let frame = 0; frame <= 54; frame += 1) {
            animation.currentTime = (frame * 1000) / 60;
            const style = getComputedStyle(ring);
            opacity.push(Number(style.opacity));
            scale.push(new DOMMatrix(style.transform).a);
          }
          return { animations: 1, opacity, scale };
        }),
      );
      expect(samples.length).toBeGreaterThan(0);
      for (const { animations, opacity, scale } of samples) {
        expect(animations).toBe(1);
        // Starts small and opaque, ends full size and invisible, as the smooth ring.
        expect([opacity[0], scale[0]]).toEqual([1, 0.25]);
        expect(opacity[54]).toBe(0);
        expect(scale[54]).toBeCloseTo(1, 3);
        // Fades and grows without going back, in 18 steps: the value held over 3 frames, then a change.
        const changes = opacity.filter((o, n) => n > 0 && o !== opacity[n - 1]).length;
        expect(changes).toBeGreaterThanOrEqual(15);
        expect(changes).toBeLessThanOrEqual(18);
        for (let n = 1; n < opacity.length; n += 1) {
          expect(opacity[n]!).toBeLessThanOrEqual(opacity[n - 1]!);
          expect(scale[n]!).toBeGreaterThanOrEqual(scale[n - 1]!);
        }
        // Eased out: the first step (50 ms) takes off half as much again as a linear ring would (1/18 of the fade).
        expect(1 - opacity[3]!).toBeGreaterThan(1.5 / 18);
      }
    } finally {
      await page.emulateMedia({ reducedMotion: 'reduce' });
    }
    atlas.expectClean();
  });

  // Issue 29 (stop 38): each drawing of the map cost playback ~3 animation frames with software GL, and a step drew it
  // 3 times: while the new data was parsed (the year before again), then with it, then the same settled placement of
  // its numbers once more (src/adapters/maplibre/quiet-frames.ts). A drawing: a 'render' that cleared the canvas.
  test('a step to the next year draws the map once, with its new numbers placed', async () => {
    const atlas = playPage();
    const { page } = atlas;
    await atlas.mapIdle();
    const year = Number(await page.getByTestId('playback-year').innerText());
    await page.evaluate(() => {
      const map = window.__partnerAtlasMap!;
      const canvas = map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const counted = { drawings: 0, renders: 0, idle: false, cleared: false };
      const clear = gl.clear.bind(gl);
      gl.clear = (mask: number) => {
        if (gl.getParameter(gl.FRAMEBUFFER_BINDING) === null) counted.cleared = true;
        clear(mask);
      };
      map.on('render', () => {
        counted.renders += 1;
        if (counted.cleared) counted.drawings += 1;
        counted.cleared = false;
      });
      // 'idle' comes after the last drawing that something asked for (a follow-up drawing included).
      map.on('idle', () => (counted.idle = counted.renders > 0));
      (window as unknown as { __counted: typeof counted }).__counted = counted;
    });
    await page.locator('body').press('ArrowRight');
    await expect(page.getByTestId('playback-year')).toHaveText(String(year + 1));
    await page.waitForFunction(() => (window as unknown as { __counted: { idle: boolean } }).__counted.idle);
    // Nothing drawn after that either.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const { drawings, numbers, markers } = await page.evaluate(() => {
      const map = window.__partnerAtlasMap!;
      const codes = (layer: string) => [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.code)))].sort();
      const counted = (window as unknown as { __counted: { drawings: number } }).__counted;
      return { drawings: counted.drawings, numbers: codes('country-marker-labels'), markers: codes('country-markers') };
    });
    expect(drawings).toBe(1);
    // Every marker drawn carries its number, and the markers are the new year's (map.spec's paused-year test checks
    // their counts).
    expect(markers.length).toBeGreaterThan(5);
    expect(numbers).toEqual(markers);
    atlas.expectClean();
  });
});
