// Name order of institutions and countries: gojūon (あいうえお) order in Japanese, by each name's reading.
import type { Bilingual, Lang } from './schema';

/** A record with a bilingual name and, where its Japanese name has kanji, the reading (yomi) of that name. */
export interface Named {
  name: Bilingual;
  yomi?: string | undefined;
}

/**
 * What a name sorts by: in Japanese the reading where the data gives one (韓国 → かんこく), else the name itself
 * (kana names read as written); in English the English name. Collation alone would put every kanji name after the
 * kana ones (韓国, 台湾 and 中国 at the end of the country list).
 */
export const sortKey = (record: Named, lang: Lang): string => (lang === 'ja' ? (record.yomi ?? record.name.ja) : record.name.en);

/** Compares records by sortKey with the language's collation (Intl.Collator('ja'): gojūon, kana of both scripts together). */
export function nameComparator(lang: Lang): (a: Named, b: Named) => number {
  const collator = new Intl.Collator(lang);
  return (a, b) => collator.compare(sortKey(a, lang), sortKey(b, lang));
}
