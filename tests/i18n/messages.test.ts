// Every message in both languages, rendered with 0, 1, 2 and 12,345 for each count: plurals agree, numbers are
// formatted, nothing is left unfilled; and the parameters' types are checked per message.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Lang } from '../../src/domain/schema';
import { CATALOG as PAGE_CATALOG } from '../../src/i18n/catalog';
import { IMPORT_CATALOG } from '../../src/i18n/import-catalog';
import { WHOSE_CATALOG } from '../../src/i18n/whose-catalog';
import { pluralCategory } from '../../src/i18n/intl';
import { argumentsOf, parseMessage } from '../../src/i18n/message-format';
import { addMessages, formatDate, formatNumber, formatYearMonth, t, type MessageKey, type ParamsOf } from '../../src/i18n/messages';
import { countedNouns, messageProblems } from './message-checks';

const LANGS: Lang[] = ['ja', 'en'];
/** The page's messages and those loaded with the import dialog (registered as the dialog registers them). */
const CATALOG = { ...PAGE_CATALOG, ...IMPORT_CATALOG, ...WHOSE_CATALOG };
addMessages(IMPORT_CATALOG);
addMessages(WHOSE_CATALOG);
const KEYS = Object.keys(CATALOG) as MessageKey[];
const COUNTS = [0, 1, 2, 12_345];

/** Sensible values by argument kind; counts take every value in COUNTS. */
const SAMPLES: Record<string, readonly (string | number)[]> = {
  number: COUNTS,
  year: [1983, 2012],
  date: ['1983-08-05'],
  yearMonth: ['2012-05'],
  text: ['Lyon'],
};

/** Every combination of sample values for the message's arguments. */
function paramSets(args: Map<string, string>): Record<string, string | number>[] {
  let sets: Record<string, string | number>[] = [{}];
  for (const [name, kind] of args) sets = sets.flatMap((set) => SAMPLES[kind]!.map((v) => ({ ...set, [name]: v })));
  return sets;
}

/** Whether the plural branch chosen for n words it without the number ("=0 {}", "one {Last year}"). */
const wordedWithoutNumber = (lang: Lang, text: string, arg: string, n: number) =>
  parseMessage(text).some((p) => {
    if (typeof p === 'string' || p.arg !== arg || !('branches' in p)) return false;
    const branch = p.branches.get(`=${n}`) ?? p.branches.get(pluralCategory(lang, n, p.kind === 'selectordinal')) ?? p.branches.get('other')!;
    return branch.every((piece) => typeof piece === 'string');
  });

const render = (lang: Lang, key: MessageKey, params: Record<string, string | number>) =>
  (t as (l: Lang, k: MessageKey, p: object) => string)(lang, key, params);

describe('the message catalogue', () => {
  it('has every message in both languages, with the same parameters of the same kinds', () => {
    for (const key of KEYS) {
      const { ja, en } = CATALOG[key] as { ja: string; en: string };
      expect(ja.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(argumentsOf(parseMessage(ja)), key).toEqual(argumentsOf(parseMessage(en)));
    }
  });

  it.each(KEYS)('renders %s in ja and en with counts 0, 1, 2 and 12,345: plurals agree, numbers are formatted, nothing is left over', (key) => {
    const args = argumentsOf(parseMessage(CATALOG[key].en));
    for (const params of paramSets(args)) {
      const numbers = [...args].filter(([, kind]) => kind === 'number').map(([name]) => params[name] as number);
      for (const lang of LANGS) {
        const text = render(lang, key, params);
        expect(messageProblems(lang, text, numbers), `${lang} ${key} ${JSON.stringify(params)} → "${text}"`).toEqual([]);
        // Each count appears formatted, and each year as a year.
        for (const [name, kind] of args) {
          if (kind === 'number' && !wordedWithoutNumber(lang, CATALOG[key][lang], name, params[name] as number))
            expect(text, `${lang} ${key}: ${name}`).toContain(formatNumber(lang, params[name] as number));
          if (kind === 'year') expect(text, `${lang} ${key}: ${name}`).toContain(String(params[name]));
          if (kind === 'date') expect(text).toContain(formatDate(lang, params[name] as string));
          if (kind === 'yearMonth') expect(text).toContain(formatYearMonth(lang, params[name] as string));
        }
      }
    }
  });
});

describe('the checks catch the defects this module replaced', () => {
  it.each([
    ['en', '1 agreements · 1 institutions', 2],
    ['en', '1 partner institutions', 1],
    ['en', 'Taiyuan · 1 agreements', 1],
    ['en', 'Last 1 years', 1],
    ['en', '2 agreement', 1],
    ['en', '12345 agreements', 1],
    ['ja', '協定 12345 件', 1],
    ['en', '{n} agreements', 1],
    ['en', 'undefined agreements', 1],
    ['ja', 'NaN 機関', 1],
    ['en', '', 1],
  ] as const)('%s "%s"', (lang, text, problems) => {
    // At least this many problems (a stray "{n}" is two: both braces).
    expect(messageProblems(lang, text).length).toBeGreaterThanOrEqual(problems);
  });

  it('reads the head noun of a compound and stops at the end of the phrase', () => {
    expect(countedNouns('2 partner institutions · +1 new this year')).toEqual([{ n: 2, noun: 'institutions' }]);
    expect(countedNouns('12,345 undated (department-level) agreements are hidden')).toEqual([{ n: 12345, noun: 'agreements' }]);
    expect(countedNouns('In all: 1 agreement with 2 institutions in 1 country or region')).toEqual([
      { n: 1, noun: 'agreement' },
      { n: 2, noun: 'institutions' },
      { n: 1, noun: 'country' },
    ]);
  });
});

describe('t', () => {
  it('chooses plurals with Intl.PluralRules and formats numbers with Intl.NumberFormat', () => {
    expect(t('en', 'agreementsCount', { n: 1 })).toBe('1 agreement');
    expect(t('en', 'agreementsCount', { n: 2 })).toBe('2 agreements');
    expect(t('en', 'agreementsCount', { n: 12_345 })).toBe('12,345 agreements');
    expect(t('ja', 'agreementsCount', { n: 1 })).toBe('協定 1 件');
    expect(t('ja', 'agreementsCount', { n: 12_345 })).toBe('協定 12,345 件');
    expect(t('en', 'countryTooltip', { agreements: 1, institutions: 1 })).toBe('1 agreement · 1 institution');
    expect(t('en', 'lastYears', { n: 5 })).toBe('Last 5 years');
    expect(t('ja', 'lastYears', { n: 5 })).toBe('直近5年');
  });

  it('formats ordinals, exact matches, years and dates', () => {
    expect(
      [1, 2, 3, 4, 11, 12, 13, 21, 50, 101, 112].map((n) => t('en', 'storyPartnerCount', { year: 2000, n, total: n, partners: 'X' }).split(' ')[1]),
    ).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '50th', '101st', '112th']);
    expect(t('en', 'playbackDetail', { total: 12_345, fresh: 0 })).toBe('12,345 partner institutions');
    expect(t('en', 'playbackDetail', { total: 1, fresh: 1 })).toBe('1 partner institution · +1 new this year');
    expect(t('en', 'signedYearsChip', { from: 1983, to: 2012 })).toBe('Signed 1983–2012');
    expect(t('en', 'datasetSubtitle', { asOf: '2012-05' })).toBe('International exchange agreements, as of May 2012');
    expect(t('ja', 'datasetSubtitle', { asOf: '2012-05' })).toBe('学術交流協定 (2012年5月現在)');
    expect(t('en', 'cardSigned', { signed: '1983-08-05' })).toBe('Signed: 5 Aug 1983');
    expect(t('ja', 'cardSigned', { signed: '1983-08-05' })).toBe('締結日: 1983年8月5日');
  });

  it('keeps the old two-argument form for messages without parameters', () => {
    expect(t('en', 'close')).toBe('Close');
    expect(formatDate('ja', '2011-12-20')).toBe('2011年12月20日');
    expect(formatYearMonth('en', '2012-05')).toBe('May 2012');
  });

  it('rejects a message that breaks the syntax, naming it', () => {
    expect(() => parseMessage('{n, plural, one {# x}}')).toThrow(/other/);
    expect(() => parseMessage('{n, plural, one {# {y}} other {# x}}')).toThrow(/only text/);
    expect(() => parseMessage('{n, currency}')).toThrow(/unknown argument type/);
    expect(() => parseMessage('a } b')).toThrow(/unmatched/);
  });

  it('types each message’s parameters from its text', () => {
    expectTypeOf<ParamsOf<'agreementsCount'>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<ParamsOf<'staticMarkerLabel'>>().toEqualTypeOf<{ country: string; n: number }>();
    expectTypeOf<ParamsOf<'datasetSubtitle'>>().toEqualTypeOf<{ asOf: string }>();
    expectTypeOf<ParamsOf<'playbackDetail'>>().toEqualTypeOf<{ total: number; fresh: number }>();
    expectTypeOf<keyof ParamsOf<'close'>>().toEqualTypeOf<never>();
    // Compile-time only: each line below must fail to type-check (tsc runs over tests/).
    const compileTimeOnly = () => {
      // @ts-expect-error a message that takes {n} must be given n
      t('en', 'agreementsCount');
      // @ts-expect-error n is a number
      t('en', 'agreementsCount', { n: '2' });
      // @ts-expect-error every parameter is required
      t('en', 'countryTooltip', { agreements: 2 });
      // @ts-expect-error a message without parameters takes none
      t('en', 'close', { n: 1 });
      // @ts-expect-error no such message
      t('en', 'agreementz');
    };
    expect(compileTimeOnly).toBeTypeOf('function');
  });
});
