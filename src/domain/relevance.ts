// Search results in order of relevance, and why each matched (an alias, a city, a country, a near spelling), as data
// for the results list; the wording belongs to the messages module.
import type { FilterEvaluation } from './filters';
import type { Lang } from './schema';
import { foldWords, TIER, TIER_NAMES, matchTier, type MatchTier, type QueryTerm } from './search';
import { bestField, fieldNo, institutionTexts, scoreOf, type MatchField, type QueryMatch, type TermMatch } from './search-index';

/** Why an institution matched one term of the query. */
export interface MatchReason {
  /** The query term, as typed. */
  term: string;
  field: MatchField;
  /** Which language's text matched (names, cities, units, countries, regions); aliases have none. */
  lang?: Lang;
  /** Aliases: an acronym (LSE, UPMC) or another name (a former, later or native name: the data does not say which). */
  aliasKind?: 'acronym' | 'other-name';
  /** The matched text as written in the dataset: "Sorbonne", "Germany", "Tsinghua University". */
  text: string;
  tier: MatchTier;
  /** Fuzzy matches: the word of `text` the term is close to ("Tsinghua" for "Tsinghau"). */
  closeTo?: string;
}

export interface Relevance {
  /** Per institution (institutionNo): its rank key, higher first; 0 for institutions that do not pass. */
  key: Int32Array;
  /** Why the institution matched, one reason per query term (empty for one that does not pass). */
  reasons(institutionNo: number): MatchReason[];
  /**
   * The one reason worth showing next to a row whose name is displayed in `lang`: the best match of the first term
   * that the displayed name does not show (an alias, a city, a country, a unit, the other language's name), or
   * that matched only as a near spelling. Null when the displayed name shows every term.
   */
  reasonToShow(institutionNo: number, lang: Lang): MatchReason | null;
}

const ACRONYM = /^[\p{Lu}\d]{2,}(?:[ &.\-•][\p{Lu}\d]+)*$/u;
export const aliasKindOf = (alias: string): 'acronym' | 'other-name' => (ACRONYM.test(alias) && /\p{Lu}.*\p{Lu}/u.test(alias) ? 'acronym' : 'other-name');

/** Room for the sum of the terms' scores under the weakest term's score in a rank key. */
const SUM_RANGE = 1024;

/**
 * Ranks the institutions that pass every filter. Per term, an institution's score is its best match over its own
 * texts, its country and region, and the units of its passing agreements (scoreOf: tier first — exact, prefix,
 * word-start, substring, fuzzy — then the field, a name before an alias before a unit or a place). The key is the
 * weakest term's score (a result is as good as its worst-matched term), raised to the whole query's score when the
 * query, read as one phrase, starts or is a name ("london school of economics"); ties go to the sum of the terms'
 * scores. Passing and ranked are the same set: every passing link matched every term.
 */
export function rankPassing(evaluation: FilterEvaluation, passing: readonly number[]): Relevance | null {
  const match = evaluation.query;
  if (!match) return null;
  const { masks, index } = evaluation;
  const institutionCount = index.dataset.institutions.length;
  const { terms } = match;
  const passes = new Uint8Array(institutionCount);
  for (const i of passing) passes[i] = 1;
  // Only when a term matched a partner unit does an institution's score depend on its passing agreements.
  const best = match.unitsMatter ? terms.map((t) => Uint8Array.from(t.institutions)) : terms.map((t) => t.institutions);
  const bestUnit = terms.map(() => new Int32Array(institutionCount).fill(-1));
  if (match.unitsMatter) {
    const links = index.links;
    const unitOfAgreement = match.index.unitOfAgreement;
    for (let n = 0; n < links.length; n += 1) {
      if (masks[n] !== 0) continue;
      const link = links[n]!;
      const unit = unitOfAgreement[link.agreementNo]!;
      if (unit < 0) continue;
      const i = link.institutionNo;
      for (let k = 0; k < terms.length; k += 1) {
        const s = terms[k]!.units[unit]!;
        if (s > best[k]![i]!) (best[k]![i] = s), (bestUnit[k]![i] = unit);
      }
    }
  }
  const phrase = phraseTerm(terms.map((t) => t.term));
  const key = new Int32Array(institutionCount);
  for (const i of passing) {
    let weakest = Infinity;
    let sum = 0;
    for (let k = 0; k < terms.length; k += 1) {
      const s = best[k]![i]!;
      weakest = Math.min(weakest, s);
      sum += s;
    }
    if (phrase) weakest = Math.max(weakest, phraseScore(match, i, phrase));
    key[i] = weakest * SUM_RANGE + Math.min(sum, SUM_RANGE - 1);
  }
  const reasons = (i: number) => (passes[i] ? terms.map((t, k) => reasonFor(evaluation, match, t, i, bestUnit[k]![i]!)) : []);
  const reasonToShow = (i: number, lang: Lang): MatchReason | null => {
    if (!passes[i]) return null;
    // Names are the first two texts of an institution (institutionTexts): English, then Japanese.
    const displayed = match.index.institutions[i]!.fields[lang === 'en' ? 0 : 1]!;
    const k = terms.findIndex((t) => t.closeTo.length > 0 || matchTier(displayed, t.term, true) === TIER.none);
    return k < 0 ? null : reasonFor(evaluation, match, terms[k]!, i, bestUnit[k]![i]!);
  };
  return { key, reasons, reasonToShow };
}

/** The whole query as one term, when it has several terms in spaced scripts ("london school of economics"). */
function phraseTerm(terms: readonly QueryTerm[]): QueryTerm | null {
  if (terms.length < 2 || terms.some((t) => !t.spaced)) return null;
  const words = terms.map((t) => t.words).join(' ');
  return { raw: words, words, compact: words.replaceAll(' ', ''), wordStart: ' ' + words, spaced: true, short: false };
}

const NAME = fieldNo('name');
const ALIAS = fieldNo('alias');

/** The phrase's score against the institution's names and aliases, counted from word-start up. */
function phraseScore(match: QueryMatch, institutionNo: number, phrase: QueryTerm): number {
  const record = match.index.institutions[institutionNo]!;
  let score = 0;
  for (let j = 0; j < record.fields.length; j += 1) {
    const kind = record.kinds[j]!;
    if (kind !== NAME && kind !== ALIAS) continue;
    const tier = matchTier(record.fields[j]!, phrase, false);
    if (tier >= TIER.wordStart) score = Math.max(score, scoreOf(tier, kind));
  }
  return score;
}

function reasonFor(evaluation: FilterEvaluation, match: QueryMatch, t: TermMatch, institutionNo: number, unit: number): MatchReason {
  const search = match.index;
  const dataset = evaluation.index.dataset;
  const raw = t.term.raw;
  if (unit >= 0) {
    const { field, word } = bestField(search.units[unit]!, t.term, t.closeTo);
    const lang: Lang = field === 0 ? 'en' : 'ja';
    return reason(raw, 'unit', search.units[unit]!.fields[field]!, t, word, { lang, text: search.unitTexts[unit]![lang] });
  }
  const own = bestField(search.institutions[institutionNo]!, t.term, t.closeTo);
  const countryNo = search.institutionCountry[institutionNo]!;
  const regionNo = search.institutionRegion[institutionNo]!;
  const country = countryNo >= 0 ? bestField(search.countries[countryNo]!, t.term, t.closeTo) : null;
  const region = regionNo >= 0 ? bestField(search.regions[regionNo]!, t.term, t.closeTo) : null;
  if (country && country.score > own.score && country.score >= (region?.score ?? 0)) {
    const lang: Lang = country.field === 0 ? 'en' : 'ja';
    return reason(raw, 'country', search.countries[countryNo]!.fields[country.field]!, t, country.word, { lang, text: dataset.countries[countryNo]!.name[lang] });
  }
  if (region && region.score > own.score) {
    const lang: Lang = region.field === 0 ? 'en' : 'ja';
    return reason(raw, 'region', search.regions[regionNo]!.fields[region.field]!, t, region.word, { lang, text: dataset.regions[regionNo]!.name[lang] });
  }
  const text = institutionTexts(dataset.institutions[institutionNo]!)[own.field]!;
  const extra = text.field === 'alias' ? { text: text.text, aliasKind: aliasKindOf(text.text) } : { text: text.text, lang: text.lang! };
  return reason(raw, text.field, search.institutions[institutionNo]!.fields[own.field]!, t, own.word, extra);
}

function reason(term: string, field: MatchField, folded: string, t: TermMatch, nearWord: string | null, extra: { text: string; lang?: Lang; aliasKind?: MatchReason['aliasKind'] }): MatchReason {
  const tier = nearWord ? TIER.fuzzy : matchTier(folded, t.term, true);
  const out: MatchReason = { term, field, ...extra, tier: TIER_NAMES[tier] ?? 'substring' };
  if (nearWord) out.closeTo = originalWord(extra.text, nearWord) ?? nearWord;
  return out;
}

/** The word of `text` as written ("Tsinghua") whose folded form is `folded` ("tsinghua"). */
function originalWord(text: string, folded: string): string | null {
  for (const piece of text.normalize('NFKC').split(/[\s\p{P}\p{S}]+/u)) if (foldWords(piece) === folded) return piece;
  return null;
}
