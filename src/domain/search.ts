// Search text: folding ("sorbonne", "ソルボンヌ", "ｿﾙﾎﾞﾝﾇ", "そるぼんぬ" fold alike), query terms, and how well one term
// matches one field (exact, prefix, word-start, substring, or close to a word).

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Apostrophes join a word rather than split it (Xi'an, King Mongkut's, Hawaiʻi), as in the seed's spellings. */
const JOINERS = /['\u2019\u02b9-\u02bf]/g;
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/**
 * Folds text into words separated by single spaces: NFKC (full/half width, half-width katakana), lower case,
 * hiragana → katakana, Latin diacritics removed (é → e), apostrophes dropped, every other run of spaces,
 * punctuation and symbols (・, -, ., ", 「」) one space. Word boundaries are kept, so a term cannot match across two
 * words by accident ("lse" is not in "materials engineering").
 */
export function foldWords(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase();
  folded = folded.replace(/[\u3041-\u3096]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCharCode(code + KATAKANA_OFFSET) : ch;
  });
  // Only Latin combining marks: stripping all marks would also merge ボ with ホ.
  folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  return folded.replace(JOINERS, '').replace(SEPARATORS, ' ').trim();
}

/** foldWords without the spaces: "インペリアルカレッジ" is in the folded "インペリアル・カレッジ・ロンドン". */
export function foldForSearch(text: string): string {
  return foldWords(text).replaceAll(' ', '');
}

/** How well a term matched; higher is better (0: no match). */
export const TIER = { none: 0, fuzzy: 1, substring: 2, wordStart: 3, prefix: 4, exact: 5 } as const;
export type MatchTier = Exclude<keyof typeof TIER, 'none'>;
export const TIER_NAMES: readonly (MatchTier | null)[] = [null, 'fuzzy', 'substring', 'wordStart', 'prefix', 'exact'];

/** Terms this short (after folding) match only from a word start: "mit" is not in "Smith". */
export const SHORT_TERM = 3;
/** Scripts written with spaces between words; other terms (Japanese, Chinese, Korean, Thai) match as substrings. */
const WORD_SCRIPT = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{Nd} ]+$/u;

export interface QueryTerm {
  /** As typed. */
  raw: string;
  /** foldWords of it: a hyphenated term ("aix-marseille") keeps its inner space and matches those words in order. */
  words: string;
  /** Without spaces. */
  compact: string;
  /** ' ' + words: matches at a word start after the first. */
  wordStart: string;
  /** Word matching for spaced scripts; substring matching otherwise. */
  spaced: boolean;
  short: boolean;
}

/** The query's terms, folded once per query (split on spaces, including the ideographic space). */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const raw of query.split(/\s+/)) {
    const words = foldWords(raw);
    if (!words) continue;
    const compact = words.replaceAll(' ', '');
    terms.push({ raw, words, compact, wordStart: ' ' + words, spaced: WORD_SCRIPT.test(words), short: compact.length <= SHORT_TERM });
  }
  return terms;
}

/**
 * The tier at which a term matches one folded field (foldWords form). The rules:
 * - exact: the field is the term; prefix: the field starts with it; word-start: a later word starts with it;
 * - words run together count from a word start ("hongkong" → "Hong Kong", "newyork" → "New York"), but only for
 *   terms longer than SHORT_TERM, and never from inside a word (so "lse" never joins "materials engineering");
 * - substring inside one word ("sorbonn" in "parissorbonne"): only for terms longer than SHORT_TERM and only where
 *   `inWords` (names, aliases and units; a place must match from a word start);
 * - Japanese/Chinese/Korean terms: substring of the field with its spaces removed (the ・ of Japanese names).
 */
export function matchTier(field: string, term: QueryTerm, inWords: boolean): number {
  if (!term.spaced) {
    const compact = field.includes(' ') ? field.replaceAll(' ', '') : field;
    const at = compact.indexOf(term.compact);
    if (at < 0) return TIER.none;
    if (at === 0) return compact.length === term.compact.length ? TIER.exact : TIER.prefix;
    return field.includes(' ' + term.compact) ? TIER.wordStart : TIER.substring;
  }
  const words = term.words;
  if (field.startsWith(words)) return field.length === words.length ? TIER.exact : TIER.prefix;
  if (field.includes(term.wordStart)) return TIER.wordStart;
  if (term.short) return TIER.none;
  const joined = joinedAt(field, term.compact);
  if (joined === 0) return TIER.prefix;
  if (joined > 0) return TIER.wordStart;
  if (inWords && !words.includes(' ') && field.includes(words)) return TIER.substring;
  return TIER.none;
}

/** Where `compact` matches `field` from a word start across at least one space, or -1. */
function joinedAt(field: string, compact: string): number {
  for (let start = 0; start < field.length; start = field.indexOf(' ', start) + 1) {
    let f = start;
    let crossed = false;
    let c = 0;
    for (; c < compact.length && f < field.length; f += 1) {
      const ch = field.charCodeAt(f);
      if (ch === 32) {
        crossed = true;
        continue;
      }
      if (ch !== compact.charCodeAt(c)) break;
      c += 1;
    }
    if (c === compact.length && crossed) return start;
    if (field.indexOf(' ', start) < 0) break;
  }
  return -1;
}

/** Shortest terms that may match a word with a typo in it, and the typos allowed by length. */
export const FUZZY_MIN = 5;
export const fuzzyBudget = (length: number): number => (length >= 8 ? 2 : length >= FUZZY_MIN ? 1 : 0);

/** True when the folded field has `word` as one of its words (a fuzzy term's near word). */
export function hasWord(field: string, word: string): boolean {
  let at = field.indexOf(word);
  while (at >= 0) {
    const end = at + word.length;
    if ((at === 0 || field.charCodeAt(at - 1) === 32) && (end === field.length || field.charCodeAt(end) === 32)) return true;
    at = field.indexOf(word, at + 1);
  }
  return false;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours), or
 * max + 1 as soon as it must exceed `max`. "tsinghau" → "tsinghua" is 1 (one swap). No dependency: the npm
 * packages that are small (fastest-levenshtein) do not count a swap as one edit, and this is 30 lines.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Uint16Array(width);
  let previous = new Uint16Array(width);
  let current = new Uint16Array(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}
