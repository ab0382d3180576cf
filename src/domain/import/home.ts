// Whose list it is: the home institution, the title and the as-of month of an imported list. `guessWhose` reads
// them off the rows above the header and the file name ("名古屋大学 学術交流協定校一覧 平成16年5月1日現在": 名古屋大学,
// 2004-05); `resolveHome` turns a name (guessed, typed or picked) into the dataset's home: a built-in institution,
// else the institution gazetteer (the contract in institution-lookup.ts), else a city named in it (the city
// gazetteer), else a reason the caller shows. Pure: the page's import worker and `npm run import` share it.
import { foldForSearch } from '../search';
import { slugify } from './identity';
import { SLUG_PATTERN, type Bilingual, type Dataset, type HomePlace, MAX_NAME_LENGTH } from '../schema';
import type { CityLookup } from './cities';
import { countryNames } from './countries';
import { parseDate } from './dates';
import type { InstitutionLookup } from './institution-lookup';

/** What the file says of itself, where it says it: each null when it does not. */
export interface WhoseGuess {
  /** The home institution's name as written ("名古屋大学", "University of Leeds"). */
  home: string | null;
  /** The list's title row, without its as-of phrase. */
  title: string | null;
  /** The month the list is as of (YYYY-MM), from "…現在" or "as of …". */
  asOf: string | null;
}

export type HomeFailure = 'empty' | 'not-found' | 'ambiguous';

/** How a home was found: a built-in institution, the institution gazetteer, or a city named in it. */
export type HomeHow = 'built-in' | 'institution' | 'city';

export type HomeResolution = { ok: true; home: HomePlace; how: HomeHow } | { ok: false; name: string; reason: HomeFailure; candidates: string[] };

export interface ResolveHomeOptions {
  /** The built-in dataset: its home and institutions are matched by name or alias, in either language. */
  base: Pick<Dataset, 'homes' | 'institutions'>;
  institutions?: InstitutionLookup;
  cities?: CityLookup;
  /** ISO 3166-1 alpha-2, when the home's country is known. */
  country?: string | null;
  /** Countries tried for a city named in an English name when no country is given; the first wins ties. */
  countries?: readonly string[];
  /** builtInNames(base), when the caller resolves many names. */
  builtIn?: (name: string) => HomePlace | null;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
/** Words of an institution's name that are not its city. */
const GENERIC = new Set(
  'university universite universitat universita universidad universidade college institute institut school of the and for de del della di du des la le les technology science sciences national state royal imperial medical polytechnic'.split(
    ' ',
  ),
);

function slugOf(text: string, fallback: string): string {
  const slug = slugify(text);
  return slug && SLUG_PATTERN.test(slug) ? slug : fallback;
}

/** The words of a name that may be its city, with each adjacent pair ("Hong Kong", "New York"), longest first. */
function cityWords(name: string): string[] {
  if (JAPANESE.test(name)) {
    // 名古屋大学 → 名古屋; 東京工業大学 → 東京工業, 東京.
    const stem = name.replace(/(国立|公立|私立)?大学法人|学校法人/g, '').replace(/(大学校|大学|高等専門学校|学院|研究所).*$/, '');
    const out: string[] = [];
    for (let n = stem.length; n >= 2; n--) out.push(stem.slice(0, n));
    return out;
  }
  const words = name
    .normalize('NFKC')
    .split(/[^\p{L}\p{M}'.-]+/u)
    .filter((w) => w && !GENERIC.has(foldForSearch(w)));
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...pairs, ...words];
}

const fold = (text: string) => foldForSearch(text);

/** The home and the built-in institutions by their names, in either language or as an alias (folded): built once. */
export function builtInNames(base: ResolveHomeOptions['base']): (name: string) => HomePlace | null {
  const byName = new Map<string, HomePlace>();
  const put = (names: readonly string[], place: HomePlace) => {
    for (const n of names) {
      const key = fold(n);
      if (!byName.has(key)) byName.set(key, place);
    }
  };
  for (const home of base.homes) {
    const { departmentIds: _, yomi: __, aliases: ___, ...place } = home;
    put([home.name.ja, home.name.en, ...(home.aliases ?? [])], place);
  }
  // A home's name wins over an institution's (the first put wins).
  for (const inst of base.institutions) {
    const place: HomePlace = {
      id: inst.id,
      name: inst.name,
      city: inst.city,
      country: inst.country,
      lat: inst.lat,
      lng: inst.lng,
      ...(inst.geonameId ? { geonameId: inst.geonameId } : {}),
    };
    put([inst.name.ja, inst.name.en, ...inst.aliases], place);
  }
  return (name) => byName.get(fold(name)) ?? null;
}

/** Both languages of a typed name: the other language's is the same text until something better is known. */
function bilingualOf(typed: string, known: { en?: string; ja?: string } = {}): Bilingual {
  const cut = (s: string) => s.slice(0, MAX_NAME_LENGTH);
  const ja = known.ja ?? (JAPANESE.test(typed) ? typed : (known.en ?? typed));
  const en = known.en ?? (JAPANESE.test(typed) ? (known.ja ?? typed) : typed);
  return { ja: cut(ja), en: cut(en) };
}

/** The home institution a name denotes: see the file's first comment. */
export function resolveHome(name: string, options: ResolveHomeOptions): HomeResolution {
  const typed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!typed) return { ok: false, name: typed, reason: 'empty', candidates: [] };
  const known = (options.builtIn ?? builtInNames(options.base))(typed);
  if (known) return { ok: true, home: known, how: 'built-in' };
  const country = options.country ?? (JAPANESE.test(typed) ? 'JP' : null);

  // Without a country, the built-in home's own (the first of `countries`) first, as for a city: "Nagoya University"
  // is found without indexing every country's institutions, and "Tokai University" is Tokai, not Taiwan's Tunghai.
  const own = country ? undefined : options.countries?.[0];
  const inOwn = own ? options.institutions?.(typed, own) : undefined;
  const found = inOwn?.match ? inOwn : options.institutions?.(typed, country);
  if (found?.match) {
    const m = found.match;
    const names = bilingualOf(typed, m.name);
    return {
      ok: true,
      how: 'institution',
      home: {
        id: slugOf(m.name.en, slugOf(m.id, 'home')),
        name: names,
        city: m.city ?? countryNames(m.country) ?? { en: m.country },
        country: m.country,
        lat: m.lat,
        lng: m.lng,
        ...(m.geonameId ? { geonameId: m.geonameId } : {}),
      },
    };
  }
  if (found && found.candidates.length > 1) return { ok: false, name: typed, reason: 'ambiguous', candidates: found.candidates.map((c) => c.name.en) };

  const { cities } = options;
  if (cities) {
    const tried = country ? [country] : (options.countries ?? []);
    for (const word of cityWords(typed)) {
      const hits = tried.flatMap((code) => {
        const place = cities(code, word);
        return place ? [{ code, place }] : [];
      });
      if (hits.length === 0) continue;
      // A city several countries have ("Cambridge"): the first country tried wins only when it is the home's own.
      if (hits.length > 1 && hits[0]!.code !== tried[0])
        return { ok: false, name: typed, reason: 'ambiguous', candidates: hits.map((h) => `${h.place.name} (${h.code})`) };
      const { code, place } = hits[0]!;
      return {
        ok: true,
        how: 'city',
        home: {
          id: slugOf(typed, 'home'),
          name: bilingualOf(typed),
          city: { en: place.name, ...(JAPANESE.test(word) ? { ja: word } : {}) },
          country: code,
          lat: place.lat,
          lng: place.lng,
        },
      };
    }
  }
  return { ok: false, name: typed, reason: 'not-found', candidates: [] };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "1 April 2020", "April 1, 2020", "April 2020", "2020-04-01", "2020/4" → 2020-04; a year alone gives no month. */
function englishMonth(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})/.exec(t);
  if (m && monthOf(m[2]!)) return `${m[3]}-${pad2(monthOf(m[2]!)!)}`;
  m = /^([A-Za-z]{3,})\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(\d{4})/.exec(t);
  if (m && monthOf(m[1]!)) return `${m[2]}-${pad2(monthOf(m[1]!)!)}`;
  m = /^(\d{4})[-/.](\d{1,2})/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad2(Number(m[2]))}`;
  return null;
}

/** A Japanese date before 現在/時点 (平成16年5月1日現在, 2020年4月1日現在, 令和2.4.1現在), or an English "as of …". */
const JA_AS_OF =
  /((?:明治|大正|昭和|平成|令和|[HSR])\s*(?:\d{1,2}|元)\s*[年.]\s*\d{1,2}\s*[月.]?(?:\s*\d{1,2}\s*日?)?|\d{4}\s*[年./-]\s*\d{1,2}\s*月?(?:\s*[./-]?\s*\d{1,2}\s*日?)?)\s*(?:現在|時点)/;
const EN_AS_OF = /\b(?:as\s+(?:of|at)|updated(?:\s+on)?:?|current\s+as\s+of)\s+([^()[\]]+)/i;

function asOfIn(text: string): { asOf: string; phrase: string } | null {
  const t = text.normalize('NFKC');
  const ja = JA_AS_OF.exec(t);
  if (ja) {
    const reading = parseDate(ja[1]!.replace(/\s+/g, ''));
    if (reading.ok && reading.date.precision !== 'year') return { asOf: reading.date.iso.slice(0, 7), phrase: ja[0] };
  }
  const en = EN_AS_OF.exec(t);
  if (en) {
    const month = englishMonth(en[1]!);
    if (month) return { asOf: month, phrase: en[0] };
  }
  return null;
}

/** An institution's name at the start of a title: 名古屋大学 …, University of X —, X University: …. */
function homeIn(text: string, fromFileName: boolean): string | null {
  const t = text.normalize('NFKC').trim();
  const ja = /^(?:(?:国立|公立|私立)?大学法人|学校法人)?\s*([^\s\d]+?(?:大学校|大学(?!院)|高等専門学校))/.exec(t);
  if (ja && ja[1]!.length > 2) return ja[1]!;
  if (fromFileName) {
    const m = /\b(university of [a-z]+|[a-z]+ university|[a-z]+ institute of technology)\b/i.exec(t);
    return m ? m[1]!.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bOf\b/, 'of') : null;
  }
  // The part before a dash, colon or bar, when it names an institution.
  const head = t.split(/\s+[—–\-|:]\s+|[—–|:：]/)[0]!.trim();
  return /universit|institut|college|school|école|ecole|hochschule|polytechn/i.test(head) && head.length <= 120 ? head : null;
}

/** What the rows above the header and the file name say of whose list this is (see WhoseGuess). */
export function guessWhose(rowsAboveHeader: readonly (readonly string[])[], fileName: string): WhoseGuess {
  const lines = rowsAboveHeader
    .map((cells) =>
      cells
        .filter((c) => c.trim() !== '')
        .join(' ')
        .trim(),
    )
    .filter(Boolean);
  const file = fileName
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[_+]+/g, ' ')
    .replace(/(?<=[a-z])-(?=[a-z])/gi, ' ');
  let asOf: WhoseGuess['asOf'] = null;
  let title: string | null = null;
  let home: string | null = null;
  for (const line of lines) {
    const found = asOfIn(line);
    asOf ??= found?.asOf ?? null;
    const rest = (found ? line.replace(found.phrase, '') : line)
      .replace(/[\s(（[【]+[)）\]】]?\s*$/, '')
      .replace(/\(\s*\)|（\s*）/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    // A row that is only a date (or only punctuation) is not the title.
    if (title === null && /[\p{L}]/u.test(rest)) title = rest.slice(0, MAX_NAME_LENGTH);
    home ??= homeIn(line, false);
  }
  asOf ??= asOfIn(file)?.asOf ?? null;
  home ??= homeIn(file, true);
  return { home, title, asOf };
}

/** Whose list, as the importer settles it: what the file says, what the person gave, and what the dataset gets. */
export interface Whose {
  guess: WhoseGuess;
  /** The home resolved from the person's home (options.home or homeName) or else the guess; null when none is named. */
  home: HomeResolution | null;
  homeFrom: 'given' | 'file' | null;
  asOf: string;
  /** Given by the person (--as-of, the dialog), read in the file, or the caller's default (today's month): say so. */
  asOfFrom: 'given' | 'file' | 'default';
  title: Bilingual;
  titleFrom: 'given' | 'file' | 'default';
}

export interface WhoseOptions extends Omit<ResolveHomeOptions, 'countries' | 'country'> {
  /** A home given whole (the command line's --config): used as it is. */
  home?: HomePlace;
  /** A home named by the person (--home, the dialog's field): resolved as resolveHome does. */
  homeName?: string;
  title?: Bilingual;
  /** The as-of month the person gave; else the file's; else `asOf`. */
  asOfStated?: string;
  asOf: string;
}

export const DEFAULT_TITLE: Bilingual = { ja: '読み込んだ協定一覧', en: 'Imported agreements' };

/** Whose list this is: the person's answers first, then the file's own words (see Whose). */
export function settleWhose(
  rowsAboveHeader: readonly (readonly string[])[],
  fileName: string,
  options: WhoseOptions,
  countries: readonly string[],
  /** The one university a home column names on every row (大学名 beside 相手方大学名), if any. */
  columnHome: string | null = null,
): Whose {
  const read = guessWhose(rowsAboveHeader, fileName);
  const guess = read.home === null && columnHome ? { ...read, home: columnHome } : read;
  const named = options.homeName?.trim() || null;
  const home: HomeResolution | null = options.home
    ? { ok: true, home: options.home, how: 'built-in' }
    : named || guess.home
      ? resolveHome((named ?? guess.home)!, { ...options, countries: [...new Set([...options.base.homes.map((h) => h.country), ...countries])] })
      : null;
  const homeFrom = options.home || named ? 'given' : guess.home ? 'file' : null;
  const asOf = options.asOfStated ?? guess.asOf ?? options.asOf;
  const asOfFrom = options.asOfStated ? 'given' : guess.asOf ? 'file' : 'default';
  const title = options.title ?? (guess.title ? { ja: guess.title, en: guess.title } : null);
  return {
    guess,
    home,
    homeFrom,
    asOf,
    asOfFrom,
    title: title ?? DEFAULT_TITLE,
    titleFrom: options.title ? 'given' : guess.title ? 'file' : 'default',
  };
}

/** The About dialog's notes for an imported list: how it is counted, and that nothing was corrected. */
export function importedAbout(fileName: string, rejected: number): { counting: Bilingual; corrections: Bilingual } {
  return {
    counting: {
      ja: `数え方: ${fileName} の1行を1件の協定として数えます。同じ機関名の行は1機関にまとめます。`,
      en: `Counting: each row of ${fileName} read is one agreement; rows naming the same institution are one institution.`,
    },
    corrections: {
      ja: `修正: なし。一覧を読み込んだままに表示しています${rejected > 0 ? `(読めなかった ${rejected} 行は含みません)` : ''}。`,
      en: `Corrections: none. The list is shown as read${rejected > 0 ? ` (the ${rejected} rows that could not be read are left out)` : ''}.`,
    },
  };
}
