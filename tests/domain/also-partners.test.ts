import { describe, expect, it } from 'vitest';
import { alsoPartners, findHomes } from '../../src/domain/also-partners';
import type { Agreement, Home } from '../../src/domain/schema';

const home = (id: string, en: string, ja: string, extra: Partial<Home> = {}): Home =>
  ({ id, name: { en, ja }, city: { en: 'x' }, country: 'JP', lat: 35, lng: 135, departmentIds: [], ...extra }) as Home;
const homes = [
  home('tohoku-university', 'Tohoku University', '東北大学', { yomi: 'とうほくだいがく' }),
  home('kyoto-university', 'Kyoto University', '京都大学', { aliases: ['Kyodai'] }),
  home('osaka-university', 'Osaka University', '大阪大学'),
];
const agreement = (homeId: string, level: 'university' | 'department', signed: string | null) => ({ homeId, level, signed }) as Agreement;

describe('alsoPartners', () => {
  const index = {
    homes,
    agreementsByInstitution: new Map([
      [
        'tsinghua-university',
        [
          agreement('kyoto-university', 'department', '2010-04-01'),
          agreement('tohoku-university', 'department', null),
          agreement('kyoto-university', 'university', '2015-01-01'),
          agreement('tohoku-university', 'department', '2001-02-03'),
        ],
      ],
    ]),
  };

  it('names every home with an agreement, its closest tie and its first date, earliest first', () => {
    const ties = alsoPartners(index, 'tsinghua-university');
    expect(ties.map((t) => [t.home.id, t.level, t.signed, t.agreements])).toEqual([
      ['tohoku-university', 'department', '2001-02-03', 2],
      ['kyoto-university', 'university', '2010-04-01', 2],
    ]);
  });

  it('is empty for a partner no home has', () => {
    expect(alsoPartners(index, 'nowhere')).toEqual([]);
  });
});

describe('findHomes', () => {
  it('finds homes by either name, reading or alias, folded as search folds', () => {
    expect(findHomes(homes, 'kyoto').map((h) => h.id)).toEqual(['kyoto-university']);
    expect(findHomes(homes, '東北').map((h) => h.id)).toEqual(['tohoku-university']);
    expect(findHomes(homes, 'トウホク').map((h) => h.id)).toEqual(['tohoku-university']);
    expect(findHomes(homes, 'KYODAI').map((h) => h.id)).toEqual(['kyoto-university']);
    expect(findHomes(homes, 'university').length).toBe(3);
    expect(findHomes(homes, 'university', 2).length).toBe(2);
    expect(findHomes(homes, '  ')).toEqual([]);
  });
});
