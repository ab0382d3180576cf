// The messages API: t(lang, key, params) renders a catalogue message with plurals, numbers and dates through Intl.
import type { Lang } from '../domain/schema';
import { CATALOG } from './catalog';
import type { IMPORT_CATALOG } from './import-catalog';
import type { WHOSE_CATALOG } from './whose-catalog';
import { formatParts, parseMessage, type MessageParams, type Part } from './message-format';

export { formatDate, formatNumber, formatYear, formatYearMonth } from './intl';

/** Every message: the page's own, and those that load with the code that uses them (see addMessages). */
type Catalog = typeof CATALOG & typeof IMPORT_CATALOG & typeof WHOSE_CATALOG;
export type MessageKey = keyof Catalog;

/** The parameters of a message, from its text in both languages: `{ n: number }` for "{n, plural, …}". */
export type ParamsOf<K extends MessageKey> = MessageParams<Catalog[K]['en']> & MessageParams<Catalog[K]['ja']>;
/** No third argument for a message without parameters; a required one, with every parameter, otherwise. */
type ParamsArg<K extends MessageKey> = keyof ParamsOf<K> extends never ? [] : [params: ParamsOf<K>];

// Parsed on first use, once per message and language.
const parsed = new Map<string, Part[]>();

type Messages = Readonly<Record<string, Readonly<Record<Lang, string>>>>;
const loaded: Messages[] = [CATALOG];

/**
 * Adds messages that load with the code that uses them (the import dialog's, import-catalog.ts): they stay out of
 * the page's first download. Adding the same catalogue again does nothing.
 */
export function addMessages(messages: Messages): void {
  if (!loaded.includes(messages)) loaded.push(messages);
}

function textOf(key: string, lang: Lang): string {
  for (const messages of loaded) {
    const entry = messages[key];
    if (entry) return entry[lang];
  }
  throw new Error(`message "${key}" is not loaded: its catalogue loads with the code that shows it (addMessages)`);
}
const NO_PARAMS = {};

export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  const id = `${lang}:${key}`;
  let parts = parsed.get(id);
  if (!parts) {
    parts = parseMessage(textOf(key, lang));
    parsed.set(id, parts);
  }
  // A message without arguments is one string part: no formatting work.
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  return formatParts(lang, parts, (params[0] as Record<string, string | number> | undefined) ?? NO_PARAMS);
}

/** The browser's preferred language, if it is one the atlas speaks. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (l.toLowerCase().startsWith('ja')) return 'ja';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}
