// Readings of katakana names, to compare ライデン with Leiden: katakana (or hiragana) → Hepburn-ish romaji, and a
// phonetic key that both the romaji and a Latin-script name reduce to. The key keeps consonants only (the vowels
// Japanese adds after a consonant, long vowels and doubled consonants do not count), folds what Japanese cannot tell
// apart or writes alike (l/r, v/b, voiced and voiceless pairs, ツ/ts/tz → t, ク/k/c/q, sh/th/s/z), drops h, w
// and y, and marks a name that starts with a vowel. Pure.

const ROWS: [string, string][] = [
  ['アイウエオ', ''],
  ['カキクケコ', 'k'],
  ['ガギグゲゴ', 'g'],
  ['サシスセソ', 's'],
  ['ザジズゼゾ', 'z'],
  ['タチツテト', 't'],
  ['ダヂヅデド', 'd'],
  ['ナニヌネノ', 'n'],
  ['ハヒフヘホ', 'h'],
  ['バビブベボ', 'b'],
  ['パピプペポ', 'p'],
  ['マミムメモ', 'm'],
  ['ラリルレロ', 'r'],
];
const BASE: Record<string, string> = {
  ...Object.fromEntries(ROWS.flatMap(([kana, consonant]) => [...kana].map((k, i) => [k, `${consonant}${'aiueo'[i]}`]))),
  シ: 'shi',
  チ: 'chi',
  ツ: 'tsu',
  フ: 'fu',
  ジ: 'ji',
  ヂ: 'ji',
  ヅ: 'zu',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ワ: 'wa',
  ヰ: 'i',
  ヱ: 'e',
  ヲ: 'o',
  ン: 'n',
  ヴ: 'vu',
  ヵ: 'ka',
  ヶ: 'ke',
};
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };
const SMALL_V: Record<string, string> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ヮ: 'a' };

/** Hiragana to katakana; other characters unchanged. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Katakana (or hiragana) → romaji, Hepburn-ish: ハルツーム → harutsuumu, ヴェネツィア → venetsia. Other characters become spaces. */
export function romanise(kana: string): string {
  let out = '';
  let double = false;
  let last = '';
  for (const c of toKatakana(kana.normalize('NFKC'))) {
    const previous = last;
    last = c;
    const small = SMALL_Y[c] ?? SMALL_V[c];
    if (small !== undefined && /[aiueo]$/.test(out)) {
      const last = out.at(-1);
      const stem = out.slice(0, -1);
      if (SMALL_Y[c] !== undefined) out = /(sh|ch|j)$/.test(stem) ? `${stem}${small}` : `${stem}y${small}`;
      // ファ fa, ティ ti, ヴァ va; after a vowel alone: ウィ wi, イェ ye.
      else if (/[a-z]$/.test(stem)) out = `${stem}${small}`;
      else out = `${stem}${last === 'i' ? 'y' : 'w'}${small}`;
      continue;
    }
    if (c === 'ッ') {
      double = true;
      continue;
    }
    if (c === 'ー') {
      out += /[aiueo]$/.exec(out)?.[0] ?? '';
      continue;
    }
    // ン before b, p or m is m (Hepburn): ハンブルク hamburuku.
    if (c !== 'ン' && /^[bpm]/.test(BASE[c] ?? '') && out.endsWith('n') && previous === 'ン') out = `${out.slice(0, -1)}m`;
    const syllable = BASE[c] ?? ' ';
    out += double && /^[a-z]/.test(syllable) && !/^[aiueo]/.test(syllable) ? `${syllable[0]}${syllable}` : syllable;
    double = false;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Latin letters only, lower case, without accents (ü → u, ß → ss, ø → o, æ → ae). */
export function asciiLetters(text: string): string {
  const lower = text.toLowerCase();
  if (/^[a-z]*$/.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .replaceAll('œ', 'oe')
    .replaceAll('đ', 'd')
    .replaceAll('ł', 'l')
    .replace(/[^a-z]/g, '');
}

const RULES: [RegExp, string][] = [
  [/tsch|tch/g, 'c'],
  [/sch/g, 's'],
  [/dg|dj/g, 'j'],
  [/ch/g, 'c'],
  [/sh|th|z/g, 's'],
  [/ph/g, 'f'],
  [/gh/g, ''],
  [/kh/g, 'h'],
  [/ck|cq|qu|q/g, 'k'],
  [/x/g, 'ks'],
  [/ts|tz/g, 't'],
  [/ng(?![aiueoy])/g, 'n'],
  [/c(?=[eiy])/g, 's'],
  [/n(?=[bp])/g, 'm'],
];

/** Letters → classes: voiced and voiceless alike, l as r, v as b; vowels and h, w, y dropped. */
const CLASS: Record<string, string> = {
  b: 'b',
  p: 'b',
  v: 'b',
  d: 't',
  t: 't',
  g: 'k',
  k: 'k',
  c: 'k',
  s: 's',
  j: 'j',
  f: 'f',
  l: 'r',
  r: 'r',
  m: 'm',
  n: 'n',
};

function spelled(letters: string): string {
  let s = letters;
  for (const [from, to] of RULES) s = s.replace(from, to);
  return s;
}

function classes(spelt: string, dropR: boolean): string {
  let s = spelt;
  // Many languages sound an r before a consonant that English does not, and Japanese writes it when it is sounded:
  // ハーバード (Harvard) has none, ハンブルク (Hamburg) has one. The variant without it is the second key.
  if (dropR) s = s.replace(/r(?![aiueoy])/g, '');
  let key = /^[aiueoyhw]/.test(s) ? '_' : '';
  // A consonant doubled (ッ, "nn", "ck" → k) counts once; the same consonant again after a vowel counts again.
  let last = '';
  for (const c of s) {
    const k = CLASS[c];
    if (k) {
      if (k !== last) key += k;
      last = k;
    } else if ('aiueoy'.includes(c)) last = '';
  }
  return key;
}

/**
 * A spelling to compare a romaji reading with a Latin name letter by letter (after their keys agree): the same
 * digraph rules, l as r, v as b, h and w dropped; vowels and voicing kept.
 */
export function spelling(text: string): string {
  return spelled(asciiLetters(text)).replace(/[hw]/g, '').replaceAll('l', 'r').replaceAll('v', 'b');
}

/** The phonetic keys of a name of several words: each word's keys, joined (at most `limit` combinations). */
export function phraseKeys(words: readonly string[], limit = 16, keysOf: (word: string) => string[] = latinKeys): string[] {
  let keys = [''];
  for (const [i, word] of words.entries()) {
    const own = keysOf(word).map((k) => (i > 0 ? k.replace('_', '') : k));
    keys = keys.flatMap((k) => own.map((o) => k + o)).slice(0, limit);
  }
  return keys;
}

/**
 * The phonetic keys of a Latin-script word or phrase: with and without the r sounded before a consonant, and with a
 * g before e, i or y hard (Göttingen ゲッティンゲン) or soft (George ジョージ).
 */
export function latinKeys(text: string): string[] {
  const letters = asciiLetters(text);
  const hard = spelled(letters);
  const keys = new Set([classes(hard, false), classes(hard, true)]);
  if (/g[eiy]/.test(letters)) {
    const soft = spelled(letters.replace(/g(?=[eiy])/g, 'j'));
    keys.add(classes(soft, false)).add(classes(soft, true));
  }
  return [...keys];
}

/** Countries where names are read the French way, with their final consonants silent. */
export const FRENCH_READING = new Set('FR BE CH LU MC CA SN CI CM MA TN DZ MG BF ML NE TG BJ CD CG GA HT'.split(' '));

/**
 * The keys of a French word: as written, and without the silent ending a Japanese reading leaves out (Bordeaux ボルドー,
 * Rennes レンヌ, Nantes ナント, Montpellier モンペリエ, Paris パリ).
 */
export function frenchKeys(word: string): string[] {
  const letters = asciiLetters(word);
  const silent = letters.replace(/(?:aux|eaux|ent|es|er|ts|ds|s|x|t|d|z)$/, (end) => (end === 'aux' || end === 'eaux' ? 'o' : end === 'er' ? 'e' : ''));
  return silent === letters || silent.length < 2 ? latinKeys(word) : [...new Set([...latinKeys(word), ...latinKeys(silent)])];
}

/** The phonetic key of a katakana reading (ハルツーム → _rtn, as Khartoum). */
export function kanaKey(kana: string): string {
  return classes(spelled(asciiLetters(romanise(kana))), false);
}

/** Katakana (with ー, ・ and spaces): a run of it in a name is a reading. */
export const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc\u30fb\uff65-\uff9f]+/gu;
