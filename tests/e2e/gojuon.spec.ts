// Japanese lists in gojūon (あいうえお) order: kanji names placed by their reading, not after every kana name.
import { expect, test, type Page } from '@playwright/test';
import { AtlasPage } from './atlas-page';

/** The country codes of the country filter, in the order shown. */
async function countryOrder(page: Page): Promise<string[]> {
  const ids = await page.locator('input[data-testid^="country-"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-testid')!));
  return ids.map((id) => id.slice('country-'.length));
}

test.describe('gojūon order in Japanese', () => {
  test('the country filter puts 韓国, 台湾 and 中国 at their readings', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.openWithoutMap('lang=ja');
    await expect(page.locator('input[data-testid^="country-"]')).not.toHaveCount(0);
    const order = await countryOrder(page);
    const at = (code: string) => order.indexOf(code);
    // カナダ, 韓国 (かんこく), キューバ
    expect(at('KR')).toBe(at('CA') + 1);
    expect(at('CU')).toBe(at('KR') + 1);
    // タイ, 台湾 (たいわん), チェコ, 中国 (ちゅうごく), チリ, … ドイツ
    expect(at('TW')).toBe(at('TH') + 1);
    expect(at('CZ')).toBe(at('TW') + 1);
    expect(at('CN')).toBe(at('CZ') + 1);
    expect(at('CL')).toBe(at('CN') + 1);
    expect(at('CN')).toBeLessThan(at('DE'));
    // Not at the end any more; English keeps its own order.
    expect(order.at(-1)).toBe('RU');
    await page.goto('/?lang=en');
    await atlas.waitFirstView();
    const en = await countryOrder(page);
    expect(en.indexOf('CN')).toBe(en.indexOf('CL') + 1);
    expect(en.at(-1)).toBe('VN');
  });

  test('the results list, sorted by name, orders Korean partners by reading', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.openWithoutMap('lang=ja&country=KR');
    await page.getByTestId('sort').selectOption('name');
    const rows = page.getByTestId('result-row');
    await expect(rows.first()).toHaveAttribute('data-id', 'yonsei-university'); // 延世 えんせい
    const ids = await rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-id')));
    const at = (id: string) => ids.indexOf(id);
    // 全北 ぜんほく < ソウル < 中央 ちゅうおう; 高麗 こうらい < 国民 こくみん; 嶺南 れいなん last.
    expect(at('chonbuk-national-university')).toBeLessThan(at('seoul-national-university'));
    expect(at('seoul-national-university')).toBeLessThan(at('chung-ang-university'));
    expect(at('korea-university')).toBeLessThan(at('kookmin-university'));
    expect(ids.at(-1)).toBe('yeungnam-university');
  });
});
