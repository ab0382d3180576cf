// How the institution lookup (institutions.ts) reads a name: a fold for exact comparison, a normalised signature
// (articles, prepositions and "and" dropped; "University"/"Universität"/"Université"/"Universidad"… as one word;
// common abbreviations spelt out; word order ignored, so "University of X" = "X University" = "Universidad de X"),
// the kinds of institution the name says (university, technology, medicine…: categories), its core (the words that
// are not generic), and a Japanese name's reading (katakana) with the categories its kanji say. Pure.
import { asciiLetters, KATAKANA_RUN, kanaKey, romanise, spelling } from './kana';

/** Case, width (NFKC), accents, punctuation and spaces do not matter: "Universität  Wien" = "universitat wien". */
export function basicFold(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text))
    return text
      .toLowerCase()
      .replaceAll('&', 'and')
      .replace(/[^a-z0-9]/g, '');
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', 'and')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A fold of Chinese characters: each of a group of variants (学 學, 华 華, 薬 药 藥) as its group's first. */
export function hanFolder(groups: readonly string[]): (text: string) => string {
  const to = new Map<string, string>();
  for (const group of groups) {
    const [first, ...rest] = [...group];
    if (first) for (const c of rest) if (!to.has(c)) to.set(c, first);
  }
  return (text) => {
    let out = '';
    for (const c of text) out += to.get(c) ?? c;
    return out;
  };
}

const GENERIC_WORDS: [string, string][] = [
  [
    'U',
    'university universitat universitaet universite universidad universidade universita universiteit universitet universitetet uniwersytet univerzita univerzitet universiti universitas universitatea universitesi egyetem yliopisto daigaku univ',
  ],
  [
    'T',
    'technology technological technical technische technischen technisch tecnologia tecnologica tecnologico technologie technologique technologies tekniske teknik teknologi tech',
  ],
  ['O', 'polytechnic politecnico politecnica polytechnique politechnika polytechnical'],
  ['M', 'medical medicine medizinische medizin medicale medicina medica medico medecine med'],
  ['I', 'institute institut instituto istituto instytut institutet inst'],
  ['G', 'agriculture agricultural agricola agronomique agraria agrarian'],
  ['E', 'education educational normal pedagogical padagogische teachers'],
  ['H', 'hospital hopital klinikum clinic hosp'],
  ['P', 'state estadual'],
  ['N', 'national nacional nationale nazionale natl'],
  ['S', 'college school hochschule ecole escuela escola scuola academy akademie academia academie coll'],
  ['C', 'science sciences scientific wissenschaften ciencias scienze sci'],
  ['R', 'research recherche forschung investigacion'],
  ['K', 'economics economic business commerce management'],
  ['L', 'foreign languages language studies'],
  ['A', 'arts art music'],
  ['Y', 'city'],
  ['Q', 'catholic katholieke catolica cattolica catholique katolicki katholische'],
];
/** A category letter for each generic word (after accents are dropped). */
const GENERIC: ReadonlyMap<string, string> = new Map(GENERIC_WORDS.flatMap(([letter, words]) => words.split(' ').map((w) => [w, letter] as const)));

const STOP = new Set(
  'the of de del della delle dello degli di da do dos das du des la le les l el los las il lo der die den dem van von zu zur and und et y e in at for fur en au aux im am d'.split(
    ' ',
  ),
);
const ABBREVIATIONS = new Map(Object.entries({ st: 'saint', ste: 'sainte', sankt: 'saint', mt: 'mount', ft: 'fort', intl: 'international' }));

/** A word that says a kind of institution or joins others ("univ", "of"): never taken for a typo. */
export const isGenericWord = (word: string) => GENERIC.has(word) || STOP.has(word);

/** Words of a Latin-script name, lower case without accents, abbreviations spelt out. */
export function words(text: string): string[] {
  const out: string[] = [];
  if (/^[\x20-\x7e]*$/.test(text)) {
    for (const w of text
      .toLowerCase()
      .replace(/'s\b/g, 's')
      .replaceAll('&', ' and ')
      .split(/[^a-z0-9]+/))
      if (w) out.push(ABBREVIATIONS.get(w) ?? w);
    return out;
  }
  for (const w of text
    .normalize('NFKC')
    .replace(/['’]s\b/g, 's')
    .replaceAll('&', ' and ')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const word = asciiLetters(w) || w.toLowerCase();
    out.push(ABBREVIATIONS.get(word) ?? word);
  }
  return out;
}

export interface NameForm {
  /** The signature: generic words as their category, other words as they are, stop words dropped, sorted. */
  signature: string;
  /** The categories the name's generic words say, sorted ("TU" for a university of technology). */
  categories: string;
  /** The words that are not generic, in order ("khartoum"; "california berkeley"). */
  core: string[];
}

export function nameForm(text: string): NameForm {
  const tokens: string[] = [];
  let categories = '';
  const core: string[] = [];
  for (const w of words(text)) {
    if (STOP.has(w)) continue;
    const category = GENERIC.get(w);
    if (category) {
      if (!categories.includes(category)) categories += category;
      tokens.push(category);
    } else {
      core.push(w);
      tokens.push(w);
    }
  }
  return { signature: tokens.sort().join(' '), categories: [...categories].sort().join(''), core };
}

/** Kanji (and katakana) generic words of Japanese institution names, longest first, and their categories. */
const JA_GENERIC: [string, string][] = [
  ['研究センター', 'R'],
  ['インスティテュート', 'I'],
  ['ユニバーシティ', 'U'],
  ['ポリテクニック', 'O'],
  ['カトリック', 'Q'],
  ['カレッジ', 'S'],
  ['スクール', 'S'],
  ['センター', ''],
  ['科学技術', 'CT'],
  ['外国語', 'L'],
  ['研究所', 'I'],
  ['研究院', 'I'],
  ['大学院', 'U'],
  ['大学校', 'U'],
  ['大学', 'U'],
  ['大學', 'U'],
  ['工科', 'T'],
  ['工業', 'T'],
  ['理工', 'CT'],
  ['技術', 'T'],
  ['医科', 'M'],
  ['医学', 'M'],
  ['医療', 'M'],
  ['農業', 'G'],
  ['病院', 'H'],
  ['州立', 'P'],
  ['国立', 'N'],
  ['市立', 'Y'],
  ['師範', 'E'],
  ['教育', 'E'],
  ['芸術', 'A'],
  ['美術', 'A'],
  ['音楽', 'A'],
  ['経済', 'K'],
  ['商科', 'K'],
  ['科学', 'C'],
  ['学院', 'S'],
  ['総合', ''],
  ['私立', ''],
  ['公立', ''],
  ['校', ''],
  ['農', 'G'],
  ['医', 'M'],
  ['工', 'T'],
];

export interface Reading {
  /** The phonetic key of its katakana (kana.ts), words joined; compared with names only with 2 consonants or more. */
  key: string;
  /** The categories its generic words say. */
  categories: string;
  /** Its katakana in romaji, as kana.ts spelling(): to choose between names of the same key by their spelling. */
  romaji: string;
}

/**
 * A Japanese name's reading: its katakana words (ライデン, カリフォルニア・バークレー) and the categories of the rest,
 * which must be generic words only (大学, 工科大学, 校): null for a name with other kanji, or without katakana.
 */
export function japaneseReading(name: string): Reading | null {
  let rest = name.normalize('NFKC').replace(/[\s・･()（）]/g, '');
  const categories = new Set<string>();
  for (const [word, letters] of JA_GENERIC)
    if (rest.includes(word)) {
      rest = rest.replaceAll(word, '\u0000');
      for (const c of letters) categories.add(c);
    }
  const runs = rest.split('\u0000').filter(Boolean);
  if (runs.length === 0 || runs.some((run) => run.replace(KATAKANA_RUN, '') !== '')) return null;
  const kana = runs.join('');
  return { key: kanaKey(kana), categories: [...categories].sort().join(''), romaji: spelling(romanise(kana)) };
}

/** How far apart two category sets are: 1 per category in one only, ½ for a university against a college. */
export function categoryDistance(a: string, b: string): number {
  let d = 0;
  for (const c of a) if (!b.includes(c)) d += 1;
  for (const c of b) if (!a.includes(c)) d += 1;
  if (a.includes('U') !== b.includes('U') && a.includes('S') !== b.includes('S') && a.includes('U') === b.includes('S')) d -= 1;
  return d;
}

/** A CJK name's signature: folded variants, without a leading 国立 (national) or a trailing 校 of 大学校. */
export function cjkSignature(text: string, fold: (text: string) => string): string {
  return fold(basicFold(text))
    .replace(/^(国立|國立|国立)/u, '')
    .replace(/大学校$/u, '大学');
}

/** Whether a name is written in Chinese characters or kana (compared by cjkSignature, not word by word). */
export const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
