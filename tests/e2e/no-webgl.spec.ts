// Without WebGL: our own explanation in the page's language, nothing leading off the site, picture and video
// export switched off with the reason shown, and a static map that assistive technology can use.
import { expect, test } from '@playwright/test';
import { AtlasPage, withoutWebGL } from './atlas-page';
import { seriousViolations } from './axe';

const TEXTS = {
  en: {
    message: 'This browser cannot draw the interactive map (WebGL is off or unavailable). The static map below shows the same counts',
    exportReason: 'Picture and video export need the interactive map, which this browser cannot draw (no WebGL).',
    marker: /^South Korea: \d+ agreements$/,
  },
  ja: {
    message: 'このブラウザでは操作できる地図を描けません(WebGLがオフか使えません)。下の静的な地図に同じ件数を示しています。',
    exportReason: '画像と動画の書き出しには操作できる地図が必要ですが、このブラウザでは描けません(WebGLが使えません)。',
    marker: /^韓国: 協定 \d+ 件$/,
  },
} as const;

// One page, checked in Japanese, then in English after the language switch: the checks of two fresh pages, for one
// page load (issue 25). axe runs once per language: in Japanese on the page, in English with the About dialog open
// (it scans the whole page, the dialog and its scrolling table of corrections included); a11y.spec.ts runs it in both
// languages on the page with the WebGL map.
test('without WebGL the page explains in its own words, turns picture export off with the reason, and passes axe (ja, then en with About open)', async ({
  page,
}) => {
  test.slow();
  await withoutWebGL(page);
  const atlas = new AtlasPage(page);
  await atlas.open('lang=ja');
  for (const lang of ['ja', 'en'] as const) {
    if (lang === 'en') {
      await page.keyboard.press('Escape');
      await page.getByTestId('lang-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    const unavailable = page.getByTestId('map-unavailable');
    await expect(page.getByTestId('map-unavailable-message')).toContainText(TEXTS[lang].message);
    // MapLibre's English message and its link to openstreetmap.org are not shown.
    await expect(unavailable).not.toContainText('openstreetmap');
    await expect(unavailable.locator('a')).toHaveCount(0);
    // The static map's markers are buttons named with the country and the count with its unit.
    const marker = page.getByTestId('static-marker-KR');
    await expect(marker).toHaveAttribute('role', 'button');
    await expect(marker).toHaveAttribute('aria-label', TEXTS[lang].marker);
    await expect(page.getByTestId('static-map')).not.toHaveAttribute('role', 'img');
    // Export: CSV works; the picture buttons are off before any click, and say why.
    await page.getByTestId('export-menu').click();
    await expect(page.getByTestId('export-csv')).toBeEnabled();
    for (const id of ['export-png-1x', 'export-png-2x']) {
      await expect(page.getByTestId(id)).toBeDisabled();
      await expect(page.getByTestId(id)).toHaveAccessibleDescription(TEXTS[lang].exportReason + (lang === 'en' ? ' CSV export works.' : 'CSVは書き出せます。'));
    }
    await expect(page.getByTestId('export-needs-map')).toBeVisible();
    if (lang === 'ja') expect(await seriousViolations(page), lang).toEqual([]);
  }
  expect(atlas.foreignRequests).toEqual([]);

  // The About dialog, with its scrolling table of corrections (was its own test on a fresh page).
  const errorsBefore = atlas.consoleErrors.length;
  await page.keyboard.press('Escape');
  await page.getByTestId('about-open').click();
  await expect(page.getByTestId('about')).toBeVisible();
  const scroller = page.getByTestId('corrections-scroll');
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await expect(scroller).toHaveAccessibleName('Corrections');
  expect(await seriousViolations(page), 'en, About open').toEqual([]);
  expect(atlas.consoleErrors.slice(errorsBefore), 'console errors after opening About').toEqual([]);
  expect(atlas.foreignRequests).toEqual([]);
});
