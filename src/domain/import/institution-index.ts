// The institution lookup's indexes for one country (institutions.ts builds them on the country's first lookup):
// names folded (display names, then aliases, labels and acronyms), normalised signatures, readings (phonetic keys of
// the names' cores), institutions by city, and the words of the names for typo correction. Pure.
import type { CityGazetteer } from './cities';
import { basicFold, CJK, cjkSignature, type NameForm, nameForm, words } from './institution-names';
import type { InstitutionCandidate } from './institution-lookup';
import { FRENCH_READING, frenchKeys, kanaKey, latinKeys, phraseKeys, spelling } from './kana';

export interface EntryName {
  value: string;
  kind: 'display' | 'alias' | 'acronym' | 'label';
  lang?: string;
  /** nameForm(value) for a Latin-script name, kept once computed (null: a CJK name). */
  form?: NameForm | null;
}

/** A name's form, computed once per lookup. */
export function formOf(name: EntryName): NameForm | null {
  if (name.form === undefined) name.form = CJK.test(name.value) ? null : nameForm(name.value);
  return name.form;
}

export interface Entry {
  candidate: InstitutionCandidate;
  names: EntryName[];
  /** A built-in institution (its curated names and place win over ROR's). */
  builtin: boolean;
}

export interface NameIndex {
  entries: Entry[];
  exact: Map<string, Entry[]>;
  alias: Map<string, Entry[]>;
  signature: Map<string, Entry[]>;
}

export interface ReadingIndex {
  /** Phonetic key of a name's core → the institutions so named, with the categories their names of that key say (each
   * set once: "Université de Rennes" U, "Rennes" none) and the core's letters. */
  names: Map<string, { entry: Entry; categories: string[]; letters: string }[]>;
  /** Phonetic key (or folded Japanese name) of a city of the country → the city's folded names. */
  cities: Map<string, Set<string>>;
  byCity: Map<string, Entry[]>;
}

export interface TypoIndex {
  words: Set<string>;
  /** The words by their length: a token's near words are among those one letter shorter, as long, or longer. */
  byLength: Map<number, string[]>;
  /** Each token asked about → the words one edit from it (a list names the same misspelt city many times). */
  near: Map<string, readonly string[]>;
}

export function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  // An entry's names are added one after another: the last is the one most often repeated.
  else if (list[list.length - 1] !== value && !list.includes(value)) list.push(value);
}

/** The signature a name is compared by: word by word in Latin script, character by character in CJK. */
export function signatureOf(text: string, fold: (text: string) => string, form: NameForm | null = CJK.test(text) ? null : nameForm(text)): string {
  if (!form) return `cjk:${cjkSignature(text, fold)}`;
  return form.core.length > 0 ? form.signature : '';
}

export function nameIndex(entries: Entry[], fold: (text: string) => string): NameIndex {
  const index: NameIndex = { entries, exact: new Map(), alias: new Map(), signature: new Map() };
  for (const entry of entries)
    for (const name of entry.names) {
      const folded = basicFold(name.value);
      if (name.kind === 'display') add(index.exact, folded, entry);
      else add(index.alias, folded, entry);
      if (name.kind !== 'acronym') add(index.signature, signatureOf(name.value, fold, formOf(name)), entry);
    }
  return index;
}

/** The indexes of several countries as one (no name folded again): for a name looked up without a country. */
export function mergedIndex(parts: readonly NameIndex[]): NameIndex {
  const index: NameIndex = { entries: parts.flatMap((p) => p.entries), exact: new Map(), alias: new Map(), signature: new Map() };
  for (const part of parts)
    for (const map of ['exact', 'alias', 'signature'] as const)
      for (const [key, list] of part[map]) {
        const into = index[map].get(key);
        if (into) into.push(...list);
        else index[map].set(key, [...list]);
      }
  return index;
}

const cityKey = (name: string) => basicFold(name);

export function readingIndex(entries: readonly Entry[], cities: CityGazetteer | undefined, country: string): ReadingIndex {
  const index: ReadingIndex = { names: new Map(), cities: new Map(), byCity: new Map() };
  const keysOf = FRENCH_READING.has(country) ? frenchKeys : latinKeys;
  for (const entry of entries) {
    if (entry.candidate.city) add(index.byCity, cityKey(entry.candidate.city.en), entry);
    for (const name of entry.names) {
      const form = name.kind === 'acronym' ? null : formOf(name);
      if (!form || form.core.length === 0) continue;
      for (const key of phraseKeys(form.core, 16, keysOf)) {
        const list = index.names.get(key) ?? [];
        const known = list.find((x) => x.entry === entry);
        if (!known) list.push({ entry, categories: [form.categories], letters: spelling(form.core.join('')) });
        else if (!known.categories.includes(form.categories)) known.categories.push(form.categories);
        index.names.set(key, list);
      }
    }
  }
  const addCity = (key: string, city: string) => {
    if (!key || key.replace('_', '').length < 2) return;
    const set = index.cities.get(key) ?? new Set<string>();
    set.add(cityKey(city));
    index.cities.set(key, set);
  };
  const cityNames = new Map<string, string[]>();
  for (const [name, , , ...others] of cities?.countries[country] ?? []) cityNames.set(name, others);
  for (const entry of entries) if (entry.candidate.city && !cityNames.has(entry.candidate.city.en)) cityNames.set(entry.candidate.city.en, []);
  for (const [name, others] of cityNames) {
    for (const key of keysOf(name)) addCity(key, name);
    for (const other of others) {
      if (CJK.test(other)) addCity(`ja:${basicFold(other)}`, name);
      if (/^[\u30a0-\u30ff]+$/u.test(other)) addCity(kanaKey(other), name);
    }
  }
  return index;
}

export function typoIndex(entries: readonly Entry[]): TypoIndex {
  const index: TypoIndex = { words: new Set(), byLength: new Map(), near: new Map() };
  for (const entry of entries)
    for (const name of entry.names) if (name.kind !== 'acronym' && !CJK.test(name.value)) for (const w of words(name.value)) index.words.add(w);
  for (const w of index.words) {
    const list = index.byLength.get(w.length);
    if (list) list.push(w);
    else index.byLength.set(w.length, [w]);
  }
  return index;
}

/** The words of the index one edit (a letter added, dropped, changed, or two swapped) from a token, the token aside. */
export function nearWords(index: TypoIndex, token: string): readonly string[] {
  let near = index.near.get(token);
  if (!near) {
    const found: string[] = [];
    for (const length of [token.length - 1, token.length, token.length + 1])
      for (const w of index.byLength.get(length) ?? []) if (w !== token && withinOneEdit(token, w)) found.push(w);
    near = found;
    index.near.set(token, near);
  }
  return near;
}

/** Whether a and b are within one edit with adjacent transpositions (optimal string alignment distance ≤ 1). */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  const sameFrom = (ai: number, bi: number) => {
    if (la - ai !== lb - bi) return false;
    for (; ai < la; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
    return true;
  };
  if (la > lb) return sameFrom(i + 1, i);
  if (la < lb) return sameFrom(i, i + 1);
  return sameFrom(i + 1, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(i + 2, i + 2));
}

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}
