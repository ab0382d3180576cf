// A small subset of ICU MessageFormat: parsed once per message, formatted with the Intl caches, typed per message.
import type { Lang } from '../domain/schema';
import { formatDate, formatNumber, formatYear, formatYearMonth, pluralCategory } from './intl';

/*
 * Syntax (a subset of ICU, so the catalogue could move to FormatJS unchanged but for `year`):
 *   {name}                          text, inserted as given (names from the dataset)
 *   {n, number}                     a quantity: "12,345"
 *   {y, year}                       a calendar year: "2012" (no grouping)
 *   {d, date}                       an ISO day "1983-08-05": "5 Aug 1983" / "1983年8月5日"
 *   {d, date, yearMonth}            an ISO month "2012-05": "May 2012" / "2012年5月"
 *   {n, plural, one {# item} other {# items}}        Intl.PluralRules; `#` is the formatted n; `=0 {…}` matches exactly
 *   {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}
 * A plural's branches hold text and `#` only (no nested arguments), and the argument closes right after its last
 * branch (`…}}`): the TypeScript types below rely on that. There is no quoting: messages contain no literal braces.
 */

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type ArgType<Kind extends string> = Kind extends `${'number' | 'year' | 'plural' | 'selectordinal'}${string}` ? number : string;
type Arg<Body extends string> = Body extends `${infer Name},${infer Kind}` ? [Trim<Name>, ArgType<Trim<Kind>>] : [Trim<Body>, string];
/** After the first branch of a plural: skip to the brace that closes the argument. */
type SkipBranches<Rest extends string> = Rest extends `}${infer After}` ? After : Rest extends `${string}}}${infer After}` ? After : '';
type ArgList<S extends string> = S extends `${string}{${infer Body}}${infer Rest}`
  ? Body extends `${infer Head}{${string}`
    ? [Arg<Head>, ...ArgList<SkipBranches<Rest>>]
    : [Arg<Body>, ...ArgList<Rest>]
  : [];

/** The parameters a message text takes: `{ n: number; country: string }` for "{country}: {n, plural, …}". */
export type MessageParams<S extends string> = { [A in ArgList<S>[number] as A[0]]: A[1] };

export type ParamValue = string | number;

type Branch = (string | { count: true })[];
export type Part =
  | string
  | { arg: string; kind: 'text' | 'number' | 'year' | 'date' | 'yearMonth' }
  | { arg: string; kind: 'plural' | 'selectordinal'; branches: Map<string, Branch> };

const SIMPLE_KINDS: Record<string, Exclude<Part, string | { branches: unknown }>['kind']> = {
  '': 'text',
  number: 'number',
  year: 'year',
  date: 'date',
  'date,yearMonth': 'yearMonth',
};

/** Parses a message text, or throws with the message and the position (the catalogue test renders every message). */
export function parseMessage(text: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in "${text}"`);
  };
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const close = text.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      i = close;
      fail('unmatched "}"');
    }
    if (open === -1) {
      parts.push(text.slice(i));
      break;
    }
    if (open > i) parts.push(text.slice(i, open));
    i = open + 1;
    const end = text.slice(i).search(/[{}]/);
    if (end === -1) fail('unclosed "{"');
    const head = text.slice(i, i + end);
    const [name = '', ...rest] = head.split(',').map((s) => s.trim());
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) fail(`bad argument name "${name}"`);
    if (rest[0] === 'plural' || rest[0] === 'selectordinal') {
      // Branches: `selector {text}` pairs, then the closing brace.
      // Past the name, the keyword and the comma after it.
      i += head.indexOf(',') + 1;
      i += head.slice(head.indexOf(',') + 1).indexOf(rest[0]) + rest[0].length;
      if (text[i] !== ',') fail(`expected "," after "${rest[0]}"`);
      i += 1;
      const branches = new Map<string, Branch>();
      for (;;) {
        while (text[i] === ' ') i += 1;
        if (text[i] === '}') {
          i += 1;
          break;
        }
        const selector = /^(=\d+|zero|one|two|few|many|other) ?\{/.exec(text.slice(i));
        if (!selector) fail('expected a plural branch such as "one {…}"');
        i += selector![0].length;
        const stop = text.slice(i).search(/[{}]/);
        if (stop === -1 || text[i + stop] === '{') fail('a plural branch holds only text and "#"');
        const body = text.slice(i, i + stop);
        branches.set(
          selector![1]!,
          body
            .split('#')
            .flatMap((piece, k) => (k === 0 ? [piece] : [{ count: true as const }, piece]))
            .filter((p) => p !== ''),
        );
        i += stop + 1;
      }
      if (!branches.has('other')) fail('a plural needs an "other" branch');
      parts.push({ arg: name, kind: rest[0], branches });
      continue;
    }
    if (text[i + end] !== '}') fail('a "{" inside a simple argument');
    const kind = SIMPLE_KINDS[rest.join(',')];
    if (!kind) fail(`unknown argument type "${rest.join(', ')}"`);
    parts.push({ arg: name, kind: kind! });
    i += end + 1;
  }
  return parts;
}

/** The arguments a parsed message uses, with their kinds: the test compares the two languages of each message. */
export const argumentsOf = (parts: readonly Part[]): Map<string, string> =>
  new Map(parts.flatMap((p) => (typeof p === 'string' ? [] : [[p.arg, p.kind === 'plural' || p.kind === 'selectordinal' ? 'number' : p.kind] as const])));

function value(params: Readonly<Record<string, ParamValue>>, arg: string, type: 'number' | 'string'): ParamValue {
  const v = params[arg];
  // The types make this unreachable from TypeScript; it guards the catalogue test and any untyped caller.
  if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) throw new Error(`message argument "${arg}" must be a ${type}, got ${String(v)}`);
  return v!;
}

export function formatParts(lang: Lang, parts: readonly Part[], params: Readonly<Record<string, ParamValue>>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    switch (part.kind) {
      case 'text':
        out += value(params, part.arg, 'string');
        break;
      case 'number':
        out += formatNumber(lang, value(params, part.arg, 'number') as number);
        break;
      case 'year':
        out += formatYear(lang, value(params, part.arg, 'number') as number);
        break;
      case 'date':
        out += formatDate(lang, value(params, part.arg, 'string') as string);
        break;
      case 'yearMonth':
        out += formatYearMonth(lang, value(params, part.arg, 'string') as string);
        break;
      default: {
        const n = value(params, part.arg, 'number') as number;
        const branch = part.branches.get(`=${n}`) ?? part.branches.get(pluralCategory(lang, n, part.kind === 'selectordinal')) ?? part.branches.get('other')!;
        for (const piece of branch) out += typeof piece === 'string' ? piece : formatNumber(lang, n);
      }
    }
  }
  return out;
}
