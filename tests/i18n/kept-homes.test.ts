// The map's legend and its lines control name the homes on the map: in a comparison of two homes of a national list,
// "Lines from 770 universities" would name homes that are not drawn.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { parseDataset, type Dataset, type Home } from '../../src/domain/schema';
import { keptHomesName } from '../../src/i18n/dataset-texts';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8')));
const tohoku = base.homes[0]!;
const home = (id: string, en: string, ja: string): Home => ({ ...tohoku, id, name: { en, ja } });
const network: Pick<Dataset, 'homes'> = {
  homes: [
    tohoku,
    home('kyoto-university', 'Kyoto University', '京都大学'),
    home('osaka-university', 'Osaka University', '大阪大学'),
    home('hokkaido-university', 'Hokkaido University', '北海道大学'),
    home('kyushu-university', 'Kyushu University', '九州大学'),
  ],
};
const filters = (homes: string[], compare: [string, string] | null = null) => ({ ...DEFAULT_FILTERS, homes, compare });

describe('keptHomesName', () => {
  it('names the one home of a one-home list, whatever the filters say', () => {
    expect(keptHomesName('en', base, filters([]))).toBe('Tohoku University');
    expect(keptHomesName('ja', base, filters([tohoku.id]))).toBe('東北大学');
  });

  it('names the whole network when no home is chosen', () => {
    expect(keptHomesName('en', network, filters([]))).toBe('5 universities');
    expect(keptHomesName('ja', network, filters([]))).toBe('5大学');
  });

  it("names a comparison's two homes, in each language", () => {
    const compare = filters([], ['kyoto-university', 'osaka-university']);
    expect(keptHomesName('en', network, compare)).toBe('Kyoto University and Osaka University');
    expect(keptHomesName('ja', network, compare)).toBe('京都大学、大阪大学');
  });

  it("names home='s homes when few, and counts them when many", () => {
    expect(keptHomesName('en', network, filters(['kyushu-university']))).toBe('Kyushu University');
    expect(keptHomesName('en', network, filters(['kyoto-university', 'osaka-university', 'kyushu-university']))).toBe(
      'Kyoto University, Osaka University, and Kyushu University',
    );
    expect(keptHomesName('en', network, filters(['kyoto-university', 'osaka-university', 'kyushu-university', 'hokkaido-university']))).toBe('4 universities');
  });

  it('falls back to the network when the chosen homes are not in the list (a stale link)', () => {
    expect(keptHomesName('en', network, filters(['no-such-university']))).toBe('5 universities');
  });
});
