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

  it('puts the best match first: the name itself, then names starting with it, then a word starting with it, then the rest', () => {
    const kyoto = [
      home('tokyo-metropolitan-university', 'Tokyo Metropolitan University', '東京都立大学'),
      home('kyoto-university-of-foreign-studies', 'Kyoto University of Foreign Studies', '京都外国語大学'),
      home('kyoto-university', 'Kyoto University', '京都大学'),
      home('university-of-kyoto-arts', 'University of Kyoto Arts', '京都芸術大学'),
      home('east-kyoto-college', 'Eastkyoto College', '東京都市大学'),
    ];
    const sizes = new Map([
      ['kyoto-university', 500],
      ['kyoto-university-of-foreign-studies', 100],
    ]);
    const size = (h: Home) => sizes.get(h.id) ?? 0;
    // 京都: three names start with it (the larger first), two contain it inside (home order).
    expect(findHomes(kyoto, '京都', 10, size).map((h) => h.id)).toEqual([
      'kyoto-university',
      'kyoto-university-of-foreign-studies',
      'university-of-kyoto-arts',
      'tokyo-metropolitan-university',
      'east-kyoto-college',
    ]);
    // kyoto university: the equal name before the longer one, whatever their sizes.
    sizes.set('kyoto-university', 1);
    expect(findHomes(kyoto, 'kyoto university', 10, size).map((h) => h.id)).toEqual(['kyoto-university', 'kyoto-university-of-foreign-studies']);
    // kyoto: a word starting with it ("University of Kyoto Arts") before one containing it ("Eastkyoto").
    expect(
      findHomes(kyoto, 'kyoto', 10, size)
        .map((h) => h.id)
        .slice(-2),
    ).toEqual(['university-of-kyoto-arts', 'east-kyoto-college']);
    // at most `limit`, the best ones
    expect(findHomes(kyoto, '京都', 2, size).map((h) => h.id)).toEqual(['kyoto-university-of-foreign-studies', 'kyoto-university']);
  });
});
