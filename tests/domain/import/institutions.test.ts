// The institution lookup's rules on a small gazetteer written here (the real one: institutions-asset.test.ts), and
// its parts: readings (kana.ts) and name forms (institution-names.ts).
import { describe, expect, it } from 'vitest';
import type { CityGazetteer } from '../../../src/domain/import/cities';
import type { InstitutionGazetteer } from '../../../src/domain/import/institution-asset';
import { basicFold, categoryDistance, cjkSignature, hanFolder, japaneseReading, nameForm } from '../../../src/domain/import/institution-names';
import { createInstitutionLookup, type BuiltinInstitution } from '../../../src/domain/import/institutions';
import { kanaKey, latinKeys, romanise } from '../../../src/domain/import/kana';

type Row = [id: string, type: string, names: string, city: number];

/** A gazetteer of a few institutions per country; ids padded to ROR's 9 characters. */
function gazetteer(rows: Record<string, Row[]>): InstitutionGazetteer {
  const countries: InstitutionGazetteer['countries'] = {};
  for (const [code, list] of Object.entries(rows))
    countries[code] = {
      ids: list.map((r) => r[0].padEnd(9, '0')).join(''),
      types: list.map((r) => r[1]).join(''),
      names: list.map((r) => r[2]),
      city: list.map((r) => r[3]),
    };
  return {
    version: 1,
    provenance: {},
    cities: [
      ['Auckland', -36.8485, 174.7633, 2193733],
      ['Oakland', 37.8044, -122.2712, 5378538],
      ['Leiden', 52.1583, 4.4931, 2751773],
      ['Khartoum', 15.5518, 32.5324, 379252],
      ['Dalian', 38.9122, 121.6022, 1814087],
      ['Boston', 42.3584, -71.0598, 4930956],
      ['Shenyang', 41.7922, 123.4328, 2034937],
      ['Beijing', 39.9075, 116.3972, 1816670],
      ['Hsinchu', 24.8036, 120.9686, 1675151],
      ['Seattle', 47.6062, -122.3321, 5809844],
      ['Munich', 48.1374, 11.5755, 2867714],
      ['Toronto', 43.7001, -79.4163, 6167865],
      ['Peterborough', 44.3001, -78.3162, 6100832],
      ['Santiago', -33.4569, -70.6483, 3871336],
    ],
    countries: {
      ...countries,
    },
    hanVariants: ['学學', '华華', '国國', '连連'],
  };
}

const GAZETTEER = gazetteer({
  NZ: [
    ['03b94tp07', 'e', 'University of Auckland|~mi~Waipapa Taumata Rau', 0],
    ['01zvqw119', 'e', 'Auckland University of Technology|^AUT', 0],
  ],
  US: [
    ['01ythxj32', 'e', 'Oakland University', 1],
    ['04t5xt781', 'e', 'Northeastern University|^NU', 5],
    ['00cvxb145', 'e', 'University of Washington|^UW', 9],
    ['01yc7t268', 'e', 'Washington University in St. Louis|^WashU', 5],
  ],
  NL: [
    ['027bh9e22', 'e', 'Leiden University|Universiteit Leiden|~nl~Universiteit Leiden', 2],
    ['05xvt9f17', 'h', 'Leiden University Medical Center|^LUMC', 2],
  ],
  SD: [['02jbayz55', 'e', 'University of Khartoum|~ar~جامعة الخرطوم', 3]],
  CN: [
    ['023hj5876', 'e', 'Dalian University of Technology|~zh~大连理工大学', 4],
    ['03awzbc87', 'e', 'Northeastern University|~zh~东北大学', 6],
    ['03cve4549', 'e', 'Tsinghua University|~zh~清华大学', 7],
    ['04rdtx186', 'e', 'Dalian Maritime University|~zh~大连海事大学', 4],
  ],
  TW: [['00zdnkx70', 'e', 'National Tsing Hua University|~zh~國立清華大學', 8]],
  DE: [
    ['05591te55', 'e', 'Ludwig-Maximilians-Universität München|^LMU|University of Munich', 10],
    ['02kkvpp62', 'e', 'Technical University of Munich|^TUM|~de~Technische Universität München', 10],
  ],
  CA: [
    ['03dbr7087', 'e', 'University of Toronto', 11],
    ['03ygmq230', 'e', 'Trent University', 12],
  ],
  CL: [['047gc3g35', 'e', 'University of Chile|Universidad de Chile', 13]],
});

const CITIES: CityGazetteer = { version: 1, minPopulation: 15000, countries: { DE: [['Munich', 48.14, 11.58, 'ミュンヘン']] } };

const BUILTINS: BuiltinInstitution[] = [
  {
    id: 'university-of-washington',
    name: { ja: 'ワシントン大学', en: 'University of Washington' },
    aliases: ['UW'],
    country: 'US',
    city: { en: 'Seattle', ja: 'シアトル' },
    lat: 47.6553,
    lng: -122.3035,
    geonameId: 5809844,
  },
];

const lookup = createInstitutionLookup(GAZETTEER, { cities: CITIES });
const withBuiltins = createInstitutionLookup(GAZETTEER, { cities: CITIES, builtins: BUILTINS });
const idOf = (name: string, country: string | null, l = lookup) => l(name, country)?.match?.id.slice(0, 9) ?? null;

describe('createInstitutionLookup: rules', () => {
  it.each([
    ['University of Auckland', 'NZ', '03b94tp07', 'exact'],
    ['university  of AUCKLAND', 'NZ', '03b94tp07', 'exact'],
    ['ＵＮＩＶＥＲＳＩＴＹ ＯＦ ＡＵＣＫＬＡＮＤ', 'NZ', '03b94tp07', 'exact'],
    ['Universiteit Leiden', 'NL', '027bh9e22', 'alias'],
    ['LUMC', 'NL', '05xvt9f17', 'alias'],
    ['清华大学', 'CN', '03cve4549', 'alias'],
    ['Auckland University', 'NZ', '03b94tp07', 'normalised'],
    ['The University of Leiden', 'NL', '027bh9e22', 'normalised'],
    ['Univ. of Khartoum', 'SD', '02jbayz55', 'normalised'],
    ['Universidad de Khartoum', 'SD', '02jbayz55', 'normalised'],
    ['Khartoum Universität', 'SD', '02jbayz55', 'normalised'],
    ['Université de Khartoum', 'SD', '02jbayz55', 'normalised'],
    ['清華大学', 'CN', '03cve4549', 'normalised'],
    ['清華大學', 'CN', '03cve4549', 'normalised'],
    ['大連理工大学', 'CN', '023hj5876', 'normalised'],
    ['清华大学', 'TW', '00zdnkx70', 'normalised'],
    ['ライデン大学', 'NL', '027bh9e22', 'reading'],
    ['ハルツーム大学', 'SD', '02jbayz55', 'reading'],
    ['オークランド大学', 'NZ', '03b94tp07', 'reading'],
    ['オークランド工科大学', 'NZ', '01zvqw119', 'reading'],
    ['トロント大学', 'CA', '03dbr7087', 'reading'],
    ['ミュンヘン大学', 'DE', '05591te55', 'reading'],
    ['ミュンヘン工科大学', 'DE', '02kkvpp62', 'reading'],
    ['Dailian University of Technology', 'CN', '023hj5876', 'typo'],
    ['Univeristy of Khartoum', 'SD', '02jbayz55', 'typo'],
  ])('%s (%s) → %s by %s', (name, country, id, how) => {
    const found = lookup(name, country);
    expect(found?.how).toBe(how);
    expect(found?.match?.id.slice(0, 9)).toBe(id);
  });

  it('matches within the row’s country: Northeastern University is two institutions, apart by country', () => {
    expect(idOf('Northeastern University', 'US')).toBe('04t5xt781');
    expect(idOf('Northeastern University', 'CN')).toBe('03awzbc87');
    const anywhere = lookup('Northeastern University', null);
    expect(anywhere?.match).toBeNull();
    expect(anywhere?.candidates.map((c) => c.country).sort()).toEqual(['CN', 'US']);
  });

  it('reads オークランド as Auckland in New Zealand and as Oakland in the United States', () => {
    expect(idOf('オークランド大学', 'NZ')).toBe('03b94tp07');
    expect(idOf('オークランド大学', 'US')).toBe('01ythxj32');
    expect(lookup('オークランド大学', null)).toBeNull();
  });

  it('finds nothing across countries', () => {
    expect(lookup('University of Auckland', 'US')).toBeNull();
    expect(lookup('ライデン大学', 'DE')).toBeNull();
    expect(lookup('Dailian University of Technology', 'US')).toBeNull();
    expect(lookup('清華大学', 'JP')).toBeNull();
  });

  it('calls a name several institutions fit alike ambiguous, and lists them', () => {
    const found = lookup('Dalian University', 'CN');
    // Neither "Dalian University of Technology" nor "Dalian Maritime University" is "Dalian University".
    expect(found?.match ?? null).toBeNull();
    const two = createInstitutionLookup(
      gazetteer({
        CN: [
          ['a', 'e', 'Dalian University', 4],
          ['b', 'e', 'University of Dalian', 4],
        ],
      }),
    );
    const both = two('Dalian University', 'CN');
    expect(both?.how).toBe('exact');
    expect(two('Universität Dalian', 'CN')).toMatchObject({ match: null, how: 'normalised' });
    expect(two('Universität Dalian', 'CN')?.candidates).toHaveLength(2);
  });

  it('corrects a typo only when the correction is unique and small', () => {
    expect(lookup('Dxilxan University of Technology', 'CN')).toBeNull();
    expect(lookup('Univ of Khartuom', 'SD')?.how).toBe('typo');
    expect(lookup('Khartoom Kartoum University', 'SD')).toBeNull();
  });

  it('matches acronyms exactly only', () => {
    expect(idOf('TUM', 'DE')).toBe('02kkvpp62');
    expect(lookup('TUMS', 'DE')).toBeNull();
  });

  it('reads a sub-unit after a comma and an acronym in brackets as noise', () => {
    expect(idOf('Leiden University, Faculty of Science', 'NL')).toBe('027bh9e22');
    expect(idOf('Auckland University of Technology (AUT)', 'NZ')).toBe('01zvqw119');
    expect(idOf('Some Unknown Name (AUT)', 'NZ')).toBe('01zvqw119');
  });

  it('lets the built-in institutions win, with their curated names and place', () => {
    const found = withBuiltins('ワシントン大学', 'US');
    expect(found).toMatchObject({ how: 'exact', match: { id: 'university-of-washington', name: { ja: 'ワシントン大学' }, lat: 47.6553 } });
    // The ROR record of the same name and place is folded into the built-in one: one institution, not two.
    expect(withBuiltins('University of Washington', 'US')?.match?.id).toBe('university-of-washington');
    expect(withBuiltins('UW', 'US')?.match?.id).toBe('university-of-washington');
    expect(withBuiltins('Washington University in St. Louis', 'US')?.match?.id).toBe('01yc7t268');
  });

  it('gives candidates with the contract’s fields', () => {
    expect(lookup('Leiden University', 'NL')?.match).toEqual({
      id: '027bh9e22',
      name: { en: 'Leiden University' },
      city: { en: 'Leiden' },
      country: 'NL',
      lat: 52.1583,
      lng: 4.4931,
      geonameId: 2751773,
    });
  });

  it('works without a gazetteer (the built-in institutions only) and with an unknown country', () => {
    const own = createInstitutionLookup(null, { builtins: BUILTINS });
    expect(own('University of Washington', 'US')?.match?.id).toBe('university-of-washington');
    expect(own('University of Washington', 'ZZ')).toBeNull();
    expect(lookup('', 'US')).toBeNull();
  });
});

describe('readings', () => {
  it.each([
    ['ライデン', 'raiden'],
    ['ハルツーム', 'harutsuumu'],
    ['ヴェネツィア', 'venetsia'],
    ['ハンブルク', 'hamburuku'],
    ['ケンブリッジ', 'kemburijji'],
    ['ジョージ', 'jooji'],
    ['ウィーン', 'wiin'],
    ['ふらんす', 'furansu'],
  ])('romanises %s as %s', (kana, romaji) => {
    expect(romanise(kana)).toBe(romaji);
  });

  it.each([
    ['ライデン', 'Leiden'],
    ['ハルツーム', 'Khartoum'],
    ['オークランド', 'Auckland'],
    ['ハーバード', 'Harvard'],
    ['ハンブルク', 'Hamburg'],
    ['ケンブリッジ', 'Cambridge'],
    ['オックスフォード', 'Oxford'],
    ['ルーヴェン', 'Leuven'],
    ['エディンバラ', 'Edinburgh'],
    ['ボン', 'Bonn'],
    ['ゲッティンゲン', 'Göttingen'],
    ['ジョージワシントン', 'George Washington'],
    ['チュラロンコン', 'Chulalongkorn'],
    ['クイーンズランド', 'Queensland'],
  ])('%s sounds like %s (l/r, v/b, long vowels, epenthetic vowels, ツ/ts, ク/ck)', (kana, latin) => {
    expect(latinKeys(latin)).toContain(kanaKey(kana));
  });

  it.each([
    ['トリノ', 'Teramo'],
    ['ミュンヘン', 'Mannheim'],
    ['ライデン', 'London'],
    ['オークランド', 'Portland'],
  ])('%s does not sound like %s', (kana, latin) => {
    expect(latinKeys(latin)).not.toContain(kanaKey(kana));
  });

  it('reads the katakana of a Japanese name and the kinds its kanji say', () => {
    expect(japaneseReading('ライデン大学')).toMatchObject({ key: kanaKey('ライデン'), categories: 'U' });
    expect(japaneseReading('ウィーン工科大学')?.categories).toBe('TU');
    expect(japaneseReading('カリフォルニア大学バークレー校')?.key).toBe(kanaKey('カリフォルニアバークレー'));
    expect(japaneseReading('北京大学')).toBeNull();
    expect(japaneseReading('東京ライデン大学')).toBeNull();
  });
});

describe('name forms', () => {
  it('gives "University of X", "X University", "Universidad de X" and "Universität X" one signature', () => {
    const forms = ['University of Chile', 'Chile University', 'Universidad de Chile', 'Universität Chile', 'Université du Chile', 'the University of Chile'];
    expect(new Set(forms.map((f) => nameForm(f).signature)).size).toBe(1);
    expect(nameForm('Chile University of Technology').signature).not.toBe(nameForm('University of Chile').signature);
  });

  it('folds case, width, accents, punctuation and "&"', () => {
    expect(basicFold('Texas A&M University')).toBe(basicFold('texas a and m university'));
    expect(basicFold('Ｕｎｉｖｅｒｓｉｔé')).toBe('universite');
    expect(nameForm('St. Petersburg State University').core).toEqual(['saint', 'petersburg']);
  });

  it('folds simplified, traditional and shinjitai forms, 国立 and 大学校', () => {
    const fold = hanFolder(['学學', '华華', '国國']);
    expect(cjkSignature('國立清華大學', fold)).toBe(cjkSignature('清华大学', fold));
    expect(cjkSignature('清華大学', fold)).toBe(cjkSignature('清华大学', fold));
    expect(cjkSignature('ソウル大学校', fold)).toBe(cjkSignature('ソウル大学', fold));
  });

  it('measures how far apart two kinds of institution are', () => {
    expect(categoryDistance('U', 'U')).toBe(0);
    expect(categoryDistance('TU', 'U')).toBe(1);
    expect(categoryDistance('U', 'S')).toBe(1);
  });
});
