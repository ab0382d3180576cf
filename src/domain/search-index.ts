// The dataset's search text, folded once (in idle slices), and a query matched against it: per term, how well each
// institution, country, region and partner unit matches. The filter's query bit and the ranking both read this.
import type { Bilingual, Dataset, Institution, Lang } from './schema';
import { editDistance, foldWords, FUZZY_MIN, fuzzyBudget, hasWord, matchTier, parseQuery, TIER, type QueryTerm } from './search';

/** Which text matched. */
export type MatchField = 'name' | 'alias' | 'city' | 'unit' | 'country' | 'region';

/**
 * Fields by ranking weight at equal tier (the position): a name before an alias, an alias before a partner unit or
 * a place. Numbers, not names, in the records: the scan over every institution looks them up per field.
 */
const FIELD_ORDER: readonly MatchField[] = ['region', 'country', 'city', 'unit', 'alias', 'name'];
export const fieldNo = (field: MatchField): number => FIELD_ORDER.indexOf(field);
/** Places and units describe where or what part, not who: they never rank above a word-start match of a name. */
const CAPPED_AT_WORD_START = Uint8Array.of(1, 1, 1, 1, 0, 0);
/** Substring-inside-a-word matches are allowed in names, aliases and units; places match from a word start. */
const MATCHES_IN_WORDS = Uint8Array.of(0, 0, 0, 1, 1, 1);
const BEST_SCORE = TIER.exact * 8 + FIELD_ORDER.length - 1;

export interface FieldText {
  field: MatchField;
  /** The language of a bilingual field; aliases have none (any script). */
  lang?: Lang;
  text: string;
}

/** An institution's searchable texts, in a fixed order: the prepared index and the match reasons both use it. */
export function institutionTexts(i: Institution): FieldText[] {
  const texts: FieldText[] = [
    { field: 'name', lang: 'en', text: i.name.en },
    { field: 'name', lang: 'ja', text: i.name.ja },
  ];
  for (const alias of i.aliases) texts.push({ field: 'alias', text: alias });
  texts.push({ field: 'city', lang: 'en', text: i.city.en });
  if (i.city.ja) texts.push({ field: 'city', lang: 'ja', text: i.city.ja });
  return texts;
}

const bilingualTexts = (field: MatchField, b: Bilingual): FieldText[] => [
  { field, lang: 'en', text: b.en },
  { field, lang: 'ja', text: b.ja },
];

/** A score: tier × 8 + field weight (fieldNo), 0 for no match; places and units are capped at word-start. */
export function scoreOf(tier: number, field: number): number {
  if (tier === TIER.none) return 0;
  return (CAPPED_AT_WORD_START[field] ? Math.min(tier, TIER.wordStart) : tier) * 8 + field;
}

/** Folded fields of one record, their kinds (fieldNo), and all of them without spaces for a quick "cannot match". */
interface Folded {
  fields: string[];
  kinds: Uint8Array;
  compact: string;
}

const foldTexts = (texts: readonly FieldText[]): Folded => {
  const fields = texts.map((t) => foldWords(t.text));
  return { fields, kinds: Uint8Array.from(texts, (t) => fieldNo(t.field)), compact: fields.join('\n').replaceAll(' ', '') };
};

export interface SearchIndex {
  institutions: Folded[];
  countries: Folded[];
  /** By position in the dataset's regions. */
  regions: Folded[];
  /** Distinct partner units (many agreements name the same one). */
  units: Folded[];
  unitTexts: Bilingual[];
  /** Distinct unit per agreement (position in `units`), -1 for none. */
  unitOfAgreement: Int32Array;
  institutionCountry: Int32Array;
  institutionRegion: Int32Array;
  /** Distinct Latin words of ≥ FUZZY_MIN − 1 letters (a typo may drop one): where a misspelt term looks for its word. */
  vocabulary: string[];
}

/** Builds the search index in slices (advance, while the caller's idle deadline allows) or at once (complete). */
export function searchIndexBuilder(dataset: Dataset) {
  const { institutions, agreements, countries, regions } = dataset;
  const folded: Folded[] = new Array(institutions.length);
  const unitOfAgreement = new Int32Array(agreements.length);
  const unitNo = new Map<string, number>();
  const units: Folded[] = [];
  const unitTexts: Bilingual[] = [];
  const vocabulary = new Set<string>();
  const addWords = (f: Folded) => {
    for (const field of f.fields) for (const word of field.split(' ')) if (word.length >= FUZZY_MIN - 1 && /^[a-z]+$/.test(word)) vocabulary.add(word);
  };
  let nextInstitution = 0;
  let nextAgreement = 0;
  let index: SearchIndex | null = null;
  /** Records folded between two checks of the clock (~1 ms). */
  const SLICE = 128;
  const advance = (hasTime: () => boolean): boolean => {
    while (!index && hasTime()) {
      if (nextInstitution < institutions.length) {
        const end = Math.min(institutions.length, nextInstitution + SLICE);
        for (; nextInstitution < end; nextInstitution += 1) addWords((folded[nextInstitution] = foldTexts(institutionTexts(institutions[nextInstitution]!))));
      } else if (nextAgreement < agreements.length) {
        const end = Math.min(agreements.length, nextAgreement + SLICE * 4);
        for (; nextAgreement < end; nextAgreement += 1) {
          const unit = agreements[nextAgreement]!.unit;
          if (!unit) {
            unitOfAgreement[nextAgreement] = -1;
            continue;
          }
          const key = `${unit.ja}\n${unit.en}`;
          let n = unitNo.get(key);
          if (n === undefined) {
            unitNo.set(key, (n = units.length));
            const f = foldTexts(bilingualTexts('unit', unit));
            units.push(f);
            unitTexts.push(unit);
            addWords(f);
          }
          unitOfAgreement[nextAgreement] = n;
        }
      } else {
        const countryNo = new Map(countries.map((c, n) => [c.code, n]));
        const regionNo = new Map(regions.map((r, n) => [r.id, n]));
        const countryFolded = countries.map((c) => foldTexts(bilingualTexts('country', c.name)));
        const regionFolded = regions.map((r) => foldTexts(bilingualTexts('region', r.name)));
        for (const f of [...countryFolded, ...regionFolded]) addWords(f);
        index = {
          institutions: folded,
          countries: countryFolded,
          regions: regionFolded,
          units,
          unitTexts,
          unitOfAgreement,
          institutionCountry: Int32Array.from(institutions, (i) => countryNo.get(i.country) ?? -1),
          institutionRegion: Int32Array.from(institutions, (i) => {
            const country = countries[countryNo.get(i.country) ?? -1];
            return country ? (regionNo.get(country.region) ?? -1) : -1;
          }),
          vocabulary: [...vocabulary],
        };
      }
    }
    return index !== null;
  };
  return { advance, complete: (): SearchIndex => (advance(() => true), index!) };
}

/** Per term: the best score of each record (0: no match), and the near words when the term matched only as a typo. */
export interface TermMatch {
  term: QueryTerm;
  /** Words the term is close to, when it matched nothing as typed (else empty). */
  closeTo: string[];
  /** Per institution: best over its own texts, its country and its region. */
  institutions: Uint8Array;
  /** Per distinct unit. */
  units: Uint8Array;
  anyUnit: boolean;
}

export interface QueryMatch {
  index: SearchIndex;
  query: string;
  terms: TermMatch[];
  /** Per institution, 1 when every term matched the institution itself (its texts, country or region). */
  institutionPasses: Uint8Array;
  /** Some term matched some partner unit: a link may then pass through its agreement's unit. */
  unitsMatter: boolean;
}

/** One field's score for a term (fuzzy: when one of the near words is a whole word of it). */
function fieldScore(record: Folded, j: number, term: QueryTerm, closeTo: readonly string[]): number {
  const kind = record.kinds[j]!;
  const field = record.fields[j]!;
  if (!closeTo.length) return scoreOf(matchTier(field, term, MATCHES_IN_WORDS[kind] === 1), kind);
  for (const near of closeTo) if (hasWord(field, near)) return scoreOf(TIER.fuzzy, kind);
  return 0;
}

/** Best score of one term over a record's fields; `field` is the position of the best one (-1: none). */
export function bestField(record: Folded, term: QueryTerm, closeTo: readonly string[]): { score: number; field: number; word: string | null } {
  let score = 0;
  let field = -1;
  for (let j = 0; j < record.fields.length; j += 1) {
    const s = fieldScore(record, j, term, closeTo);
    if (s > score) (score = s), (field = j);
  }
  const word = field >= 0 ? (closeTo.find((near) => hasWord(record.fields[field]!, near)) ?? null) : null;
  return { score, field, word };
}

/** bestField's score alone, without allocating: this runs for every candidate record of every term. */
function bestScore(record: Folded, term: QueryTerm, closeTo: readonly string[]): number {
  let score = 0;
  for (let j = 0; j < record.fields.length && score < BEST_SCORE; j += 1) {
    const s = fieldScore(record, j, term, closeTo);
    if (s > score) score = s;
  }
  return score;
}

const mayMatch = (record: Folded, term: QueryTerm, closeTo: readonly string[]) =>
  closeTo.length ? closeTo.some((w) => record.compact.includes(w)) : record.compact.includes(term.compact);

function scoreAll(records: readonly Folded[], term: QueryTerm, closeTo: readonly string[], out: Uint8Array): boolean {
  let any = false;
  for (let n = 0; n < records.length; n += 1) {
    const record = records[n]!;
    if (!mayMatch(record, term, closeTo)) continue;
    const score = bestScore(record, term, closeTo);
    if (score) (out[n] = score), (any = true);
  }
  return any;
}

function matchTerm(index: SearchIndex, term: QueryTerm, closeTo: string[]): TermMatch & { any: boolean } {
  const institutions = new Uint8Array(index.institutions.length);
  const units = new Uint8Array(index.units.length);
  const countries = new Uint8Array(index.countries.length);
  const regions = new Uint8Array(index.regions.length);
  let any = scoreAll(index.institutions, term, closeTo, institutions);
  const anyUnit = scoreAll(index.units, term, closeTo, units);
  const anyCountry = scoreAll(index.countries, term, closeTo, countries);
  const anyPlace = scoreAll(index.regions, term, closeTo, regions) || anyCountry;
  if (anyPlace) {
    for (let n = 0; n < institutions.length; n += 1) {
      const place = Math.max(countries[index.institutionCountry[n]!] ?? 0, regions[index.institutionRegion[n]!] ?? 0);
      if (place > institutions[n]!) institutions[n] = place;
    }
  }
  any ||= anyUnit || anyPlace;
  return { term, closeTo, institutions, units, anyUnit, any };
}

/** Words of the dataset within the term's typo budget, nearest first. */
export function nearWords(index: SearchIndex, term: QueryTerm): string[] {
  const budget = fuzzyBudget(term.compact.length);
  if (!budget || !term.spaced || term.words.includes(' ')) return [];
  const found: [string, number][] = [];
  for (const word of index.vocabulary) {
    const d = editDistance(term.compact, word, budget);
    if (d <= budget) found.push([word, d]);
  }
  return found.sort((a, b) => a[1] - b[1]).map(([w]) => w);
}

/**
 * Matches a query against the search index: each term on its own, then, for a term of FUZZY_MIN letters or more
 * that matched nothing anywhere, its near words (so a typo never adds noise to a term that has real hits, and
 * whether a link passes depends on the query alone, not on the other filters).
 */
export function matchQuery(index: SearchIndex, query: string): QueryMatch | null {
  const parsed = parseQuery(query);
  if (!parsed.length) return null;
  const terms = parsed.map((term) => {
    const exact = matchTerm(index, term, []);
    if (exact.any || term.compact.length < FUZZY_MIN) return exact;
    const near = nearWords(index, term);
    return near.length ? matchTerm(index, term, near) : exact;
  });
  const institutionPasses = new Uint8Array(index.institutions.length);
  for (let n = 0; n < institutionPasses.length; n += 1) {
    let all = 1;
    for (const t of terms) if (!t.institutions[n]) all = 0;
    institutionPasses[n] = all;
  }
  return { index, query, terms, institutionPasses, unitsMatter: terms.some((t) => t.anyUnit) };
}

/** Whether one agreement–institution link passes the query: every term matches the institution or the unit. */
export function linkPassesQuery(match: QueryMatch, institutionNo: number, agreementNo: number): boolean {
  if (match.institutionPasses[institutionNo]) return true;
  if (!match.unitsMatter) return false;
  const unit = match.index.unitOfAgreement[agreementNo]!;
  if (unit < 0) return false;
  for (const t of match.terms) if (!t.institutions[institutionNo] && !t.units[unit]) return false;
  return true;
}
