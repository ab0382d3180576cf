// Without WebGL: our own explanation in the page's language, nothing leading off the site, picture and video
// export switched off with the reason shown, and a static map that assistive technology can use.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AtlasPage, withoutWebGL } from './atlas-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

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

for (const lang of ['en', 'ja'] as const) {
  test(`without WebGL the page explains in its own words, turns picture export off with the reason, and passes axe (${lang})`, async ({ page }) => {
    await withoutWebGL(page);
    const atlas = new AtlasPage(page);
    await atlas.open(`lang=${lang}`);
    const unavailable = page.getByTestId('map-unavailable');
    await expect(page.getByTestId('map-unavailable-message')).toContainText(TEXTS[lang].message);
    // MapLibre's English message and its link to openstreetmap.org are not shown.
    await expect(unavailable).not.toContainText('openstreetmap');
    await expect(unavailable.locator('a')).toHaveCount(0);
    // The static map's markers are buttons named with the country and the count with its unit.
    const marker = page.getByTestId('static-marker-KR');
    await expect(marker).toHaveAttribute('role', 'button');
    expect(await marker.getAttribute('aria-label')).toMatch(TEXTS[lang].marker);
    await expect(page.getByTestId('static-map')).not.toHaveAttribute('role', 'img');
    // Export: CSV works; the picture buttons are off before any click, and say why.
    await page.getByTestId('export-menu').click();
    await expect(page.getByTestId('export-csv')).toBeEnabled();
    for (const id of ['export-png-1x', 'export-png-2x']) {
      await expect(page.getByTestId(id)).toBeDisabled();
      await expect(page.getByTestId(id)).toHaveAccessibleDescription(TEXTS[lang].exportReason + (lang === 'en' ? ' CSV export works.' : 'CSVは書き出せます。'));
    }
    await expect(page.getByTestId('export-needs-map')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(atlas.foreignRequests).toEqual([]);
  });
}

test('the About dialog, with its scrolling table of corrections, passes axe', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.openWithoutMap('lang=en');
  await page.getByTestId('about-open').click();
  await expect(page.getByTestId('about')).toBeVisible();
  const scroller = page.getByTestId('corrections-scroll');
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await expect(scroller).toHaveAccessibleName('Corrections');
  expect(await seriousViolations(page)).toEqual([]);
  atlas.expectClean();
});
