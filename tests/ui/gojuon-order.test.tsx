// @vitest-environment jsdom
// Japanese lists in gojūon (あいうえお) order on the real dataset: kanji names placed by their reading, not after
// every kana name. Moved here from the browser suite (gojuon.spec.ts): the order is what the filter panel and the
// results list render, with no browser layout in it.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import type { Lang } from '../../src/domain/schema';
import { computeView, listGroups } from '../../src/domain/view';
import { FilterPanel } from '../../src/ui/panels/FilterPanel';
import { ResultsList } from '../../src/ui/panels/ResultsList';
import { realIndex } from './real-index';
import { createTestRuntime, openFacetGroup, render } from './render';

const index = realIndex();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The country codes of the country filter, in the order shown. */
async function countryOrder(lang: Lang): Promise<string[]> {
  const { runtime } = createTestRuntime(index.yearExtent, { lang });
  const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
  const page = await render(<FilterPanel lang={lang} index={index} facets={view} />, runtime);
  cleanups.push(page.unmount);
  await openFacetGroup(page.host, 'country');
  return [...page.host.querySelectorAll('input[data-testid^="country-"]')].map((i) => i.getAttribute('data-testid')!.slice('country-'.length));
}

describe('gojūon order in Japanese', () => {
  it('the country filter puts 韓国, 台湾 and 中国 at their readings', async () => {
    const order = await countryOrder('ja');
    expect(order.length).toBeGreaterThan(0);
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
    const en = await countryOrder('en');
    expect(en.indexOf('CN')).toBe(en.indexOf('CL') + 1);
    expect(en.at(-1)).toBe('VN');
  });

  it('the results list, sorted by name, orders Korean partners by reading', async () => {
    const filters = { ...DEFAULT_FILTERS, countries: ['KR'] };
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'ja', countries: ['KR'] });
    const groups = listGroups(index, computeView(evaluateFilters(index, filters)), 'ja', 'name', 500);
    const page = await render(<ResultsList lang="ja" groups={groups} sort="name" onSort={() => undefined} limit={500} onShowMore={() => undefined} />, runtime);
    cleanups.push(page.unmount);
    const ids = [...page.host.querySelectorAll('[data-testid="result-row"]')].map((b) => b.getAttribute('data-id'));
    // 延世 えんせい first.
    expect(ids[0]).toBe('yonsei-university');
    const at = (id: string) => ids.indexOf(id);
    // 全北 ぜんほく < ソウル < 中央 ちゅうおう; 高麗 こうらい < 国民 こくみん; 嶺南 れいなん last.
    expect(at('chonbuk-national-university')).toBeLessThan(at('seoul-national-university'));
    expect(at('seoul-national-university')).toBeLessThan(at('chung-ang-university'));
    expect(at('korea-university')).toBeLessThan(at('kookmin-university'));
    expect(ids.at(-1)).toBe('yeungnam-university');
  });
});
