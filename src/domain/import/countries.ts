// Country cells to ISO 3166-1 alpha-2: Japanese and English names (i18n-iso-countries, with its variants: "UK",
// "South Korea", "Korea, Republic of"), alpha-2 and alpha-3 codes, the short and formal names lists use (米国, 英国,
// ベトナム社会主義共和国) from data/curation/country-names.csv, formal forms by their state words (〜共和国, 〜王国,
// Republic of 〜, `(Islamic Republic of)`), and bilingual cells (`オーストリア Austria`). Folded as search folds
// names (width, case, punctuation), so "ＵＳＡ", "U.S.A." and "CHINA" match.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import { foldForSearch } from '../search';
import variants from './country-names.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(ja);

/** Names the package does not give (short, older and formal forms): data/curation/country-names.csv, one per line. */
const VARIANTS = variants as Record<string, string>;

/** A table built once from constants, by one expression: the first value given for a key stays. */
function firstWins<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  const table = new Map<string, V>();
  for (const [key, value] of entries) if (!table.has(key)) table.set(key, value);
  return table;
}

const BY_NAME = firstWins(
  [
    ...['ja', 'en'].flatMap((lang) =>
      Object.entries(countries.getNames(lang, { select: 'all' })).flatMap(([code, names]) => names.map((name) => [name, code] as const)),
    ),
    ...Object.entries(VARIANTS),
  ]
    .map(([name, code]) => [foldForSearch(name), code] as const)
    .filter(([key]) => key),
);

/**
 * Country names as they appear inside institution names, for evidence when a country cell is blank: the Japanese
 * short names (3+ characters, or 中国/韓国/台湾/香港 …) and English names and adjectives as whole words.
 */
const IN_NAME: Record<string, string> = {
  中国: 'CN',
  韓国: 'KR',
  台湾: 'TW',
  香港: 'HK',
  China: 'CN',
  Chinese: 'CN',
  Korea: 'KR',
  Korean: 'KR',
  Taiwan: 'TW',
  'Hong Kong': 'HK',
  Japan: 'JP',
  Thai: 'TH',
  Vietnamese: 'VN',
  Indonesian: 'ID',
  Mongolian: 'MN',
  Russian: 'RU',
  German: 'DE',
  French: 'FR',
  Australian: 'AU',
  American: 'US',
  British: 'GB',
  Indian: 'IN',
  Bhutanese: 'BT',
};
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_CODE = firstWins([
  ...Object.entries(IN_NAME),
  ...Object.entries(countries.getNames('ja'))
    .filter(([, name]) => name.length >= 3)
    .map(([code, name]) => [name, code] as const),
  ...Object.entries(countries.getNames('en'))
    .filter(([, name]) => /^[A-Za-z ]{4,}$/.test(name))
    .map(([code, name]) => [name, code] as const),
  // The curated English names of several words (`Lao People Democratic Republic`, `Viet Nam`, `South Korea`).
  ...Object.entries(VARIANTS).filter(([name]) => /^[A-Za-z]+(?: [A-Za-z]+)+$/.test(name)),
]);
const JA_WORDS = [...WORD_CODE.keys()].filter((w) => !/[A-Za-z]/.test(w));
const EN_WORDS = new RegExp(
  `\\b(?:${[...WORD_CODE.keys()]
    .filter((w) => /[A-Za-z]/.test(w))
    .map(escapeRegExp)
    .join('|')})\\b`,
  'g',
);

/** Words that make a country's short name its formal one, in Japanese (after it) and English (before or after). */
const JA_STATE_WORDS = /(?:社会主義共和国|人民民主共和国|民主共和国|イスラム共和国|連邦共和国|共和国|連合王国|王国|大公国|公国|首長国|合衆国|連邦|国)$/;
const EN_STATE_WORDS =
  /^(?:the\s+)?(?:(?:federal|democratic|socialist|islamic|people's|united)\s+)*(?:republic|kingdom|state|commonwealth|federation|sultanate|principality)\s+of\s+(?:the\s+)?/i;
const PARENTHESES = /\s*[(（][^)）]*[)）]\s*/g;

const lookup = (name: string) => (name ? (BY_NAME.get(foldForSearch(name)) ?? null) : null);

function byName(text: string): string | null {
  const direct = lookup(text);
  if (direct) return direct;
  const bare = text.replace(PARENTHESES, ' ').trim();
  if (bare !== text) {
    const found = lookup(bare);
    if (found) return found;
  }
  const jaShort = bare.replace(JA_STATE_WORDS, '');
  if (jaShort !== bare && jaShort.length >= 2) {
    const found = lookup(jaShort);
    if (found) return found;
  }
  const enShort = bare.replace(EN_STATE_WORDS, '').replace(/,\s*(?:the\s+)?(?:republic|kingdom|state)\s+of$/i, '');
  return enShort !== bare ? lookup(enShort) : null;
}

/**
 * Erasmus+ institution codes (`A  WIEN01`, `BG SOFIA06`, `UK LONDON029`): the European Commission's country prefix,
 * a city and a number. The prefixes that are not the ISO code (A, B, D, E, F, G, I, …) are the old vehicle letters.
 */
const ERASMUS_CODE = /^([A-Z]{1,3})\s+[A-Z][A-Z-]*\d{2,3}$/;
const ERASMUS_PREFIX: Readonly<Record<string, string>> = {
  A: 'AT',
  B: 'BE',
  D: 'DE',
  E: 'ES',
  F: 'FR',
  G: 'GR',
  I: 'IT',
  M: 'MT',
  N: 'NO',
  P: 'PT',
  S: 'SE',
  SF: 'FI',
  IRL: 'IE',
  LUX: 'LU',
  UK: 'GB',
};

/** The alpha-2 code of a country cell, or null when nothing matches. */
export function countryCode(cell: string): string | null {
  const trimmed = cell.normalize('NFKC').trim();
  if (!trimmed) return null;
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return upper;
  const erasmus = ERASMUS_CODE.exec(trimmed);
  if (erasmus) {
    const prefix = erasmus[1]!;
    const code = ERASMUS_PREFIX[prefix] ?? prefix;
    if (countries.isValid(code)) return code;
  }
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = countries.alpha3ToAlpha2(upper);
    if (alpha2) return alpha2;
  }
  const found = byName(trimmed);
  if (found) return found;
  // A Japanese and an English name in one cell: either names it (the Japanese first).
  const halves =
    /^(.*[\u3040-\u30ff\u3400-\u9fff].*?)\s+([A-Za-z][A-Za-z .,'()&-]*)$/.exec(trimmed) ??
    /^([A-Za-z][A-Za-z .,'()&-]*?)\s+(.*[\u3040-\u30ff\u3400-\u9fff].*)$/.exec(trimmed);
  return halves ? (byName(halves[1]!) ?? byName(halves[2]!)) : null;
}

/** Countries whose names (Japanese, and English as words) a partner's name contains: 中国科学院 → CN. */
export function countriesNamedIn(name: string): string[] {
  const words = JA_WORDS.filter((w) => name.includes(w));
  if (/[A-Za-z]/.test(name)) for (const m of name.matchAll(EN_WORDS)) words.push(m[0]);
  // インド inside インドネシア is not India.
  const kept = words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
  return [...new Set(kept.map((w) => WORD_CODE.get(w)!))];
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
