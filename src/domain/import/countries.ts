// Country cells to ISO 3166-1 alpha-2: Japanese and English names (i18n-iso-countries, with its variants: "UK",
// "South Korea", "Korea, Republic of"), alpha-2 and alpha-3 codes, and the short names Japanese lists use (米国, 英国,
// 韓国) from the table below. Folded as search folds names (width, case, punctuation), so "ＵＳＡ" and "U.S.A." match.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import { foldForSearch } from '../search';

countries.registerLocale(en);
countries.registerLocale(ja);

/**
 * Names the package does not give: short and older forms in Japanese office lists, and English forms in use.
 * One name per entry; add a line when a real list uses a name this misses.
 */
const VARIANTS: Record<string, string> = {
  米国: 'US',
  米: 'US',
  アメリカ: 'US',
  アメリカ合衆国: 'US',
  英国: 'GB',
  イギリス: 'GB',
  連合王国: 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  Britain: 'GB',
  韓国: 'KR',
  大韓民国: 'KR',
  Korea: 'KR',
  'Republic of Korea': 'KR',
  北朝鮮: 'KP',
  中国: 'CN',
  中華人民共和国: 'CN',
  "People's Republic of China": 'CN',
  PRC: 'CN',
  台湾: 'TW',
  中華民国: 'TW',
  'Taiwan, ROC': 'TW',
  香港: 'HK',
  澳門: 'MO',
  マカオ: 'MO',
  ロシア: 'RU',
  ロシア連邦: 'RU',
  独: 'DE',
  ドイツ連邦共和国: 'DE',
  仏: 'FR',
  フランス共和国: 'FR',
  豪州: 'AU',
  豪: 'AU',
  NZ: 'NZ',
  NZL: 'NZ',
  ニュージーランド: 'NZ',
  チェコ共和国: 'CZ',
  'Czech Republic': 'CZ',
  ベトナム: 'VN',
  ヴェトナム: 'VN',
  'Viet Nam': 'VN',
  オランダ王国: 'NL',
  Holland: 'NL',
  スイス連邦: 'CH',
  タイ王国: 'TH',
  'イラン・イスラム共和国': 'IR',
  Iran: 'IR',
  トルコ共和国: 'TR',
  Turkey: 'TR',
  Türkiye: 'TR',
  メキシコ合衆国: 'MX',
  'Russian Federation': 'RU',
  UAE: 'AE',
  アラブ首長国連邦: 'AE',
};

const BY_NAME = new Map<string, string>();
const add = (name: string, code: string) => {
  const key = foldForSearch(name);
  if (key && !BY_NAME.has(key)) BY_NAME.set(key, code);
};
for (const lang of ['ja', 'en']) {
  for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) for (const name of names) add(name, code);
}
for (const [name, code] of Object.entries(VARIANTS)) add(name, code);

/** The alpha-2 code of a country cell, or null when nothing matches. */
export function countryCode(cell: string): string | null {
  const trimmed = cell.normalize('NFKC').trim();
  if (!trimmed) return null;
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = countries.alpha3ToAlpha2(upper);
    if (alpha2) return alpha2;
  }
  return BY_NAME.get(foldForSearch(trimmed)) ?? null;
}

/** The country's names from the package (English short name; Japanese name), for countries the atlas lacks. */
export function countryNames(code: string): { ja: string; en: string } | null {
  const enName = countries.getName(code, 'en', { select: 'official' });
  const jaName = countries.getName(code, 'ja', { select: 'official' });
  return enName && jaName ? { en: enName, ja: jaName } : null;
}

/** The ISO 3166-1 numeric code (world-atlas polygon id), 3 digits. */
export function numericCode(code: string): string | null {
  return countries.alpha2ToNumeric(code) ?? null;
}
