// Intl formatters for numbers, plurals and dates, built once per language: formatting runs on hot paths.
import type { Lang } from '../domain/schema';

/** en-GB: day-month-year dates ("5 Aug 1983"), the order a Japanese university's English pages use. */
const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' };

/** One formatter per language, built on first use: building all twelve at start-up took ~0.1 s of the first view. */
const perLang = <T>(make: (locale: string) => T): ((lang: Lang) => T) => {
  const built: Partial<Record<Lang, T>> = {};
  return (lang) => (built[lang] ??= make(LOCALES[lang]));
};

// A filter change formats hundreds of dates and counts; building a formatter costs far more than using one.
const NUMBERS = perLang((l) => new Intl.NumberFormat(l));
const YEARS = perLang((l) => new Intl.NumberFormat(l, { useGrouping: false, maximumFractionDigits: 0 }));
const CARDINALS = perLang((l) => new Intl.PluralRules(l));
const ORDINALS = perLang((l) => new Intl.PluralRules(l, { type: 'ordinal' }));
const DAYS = perLang((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const MONTHS = perLang((l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** A count or any quantity: "12,345" in both languages. */
export const formatNumber = (lang: Lang, n: number): string => NUMBERS(lang).format(n);

/** A calendar year: digits without a grouping separator ("2012", never "2,012"). */
export const formatYear = (lang: Lang, year: number): string => YEARS(lang).format(year);

/** The plural category of a count ("one"/"other" in English; always "other" in Japanese). */
export const pluralCategory = (lang: Lang, n: number, ordinal = false): Intl.LDMLPluralRule => (ordinal ? ORDINALS : CARDINALS)(lang).select(n);

/** Splits an ISO date ("1983-08-05" or "2012-05") into UTC milliseconds, or throws: a bad date is a bug upstream. */
function isoToUtc(iso: string): number {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: "${iso}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1);
}

/** A signing date: "5 Aug 1983" / "1983年8月5日". */
export const formatDate = (lang: Lang, iso: string): string => DAYS(lang).format(isoToUtc(iso));

/** A year and month, such as the dataset's as-of date "2012-05": "May 2012" / "2012年5月". */
export const formatYearMonth = (lang: Lang, iso: string): string => MONTHS(lang).format(isoToUtc(iso));
