// Before rows become agreements: heading rows inside the table are set aside (アジア州(6), 【アジア】, footnotes), and
// cells a merged range left blank are filled from above: country (checked against the partner's name and the
// group's count), area, level, a department where the level says 部局間, and a partner's name over its agreements'
// rows where the row has no country either. One pass, each row looked at once.
import { countryCellParts, headingOf, nameParts } from './cells';
import { countriesNamedIn } from './countries';
import { fieldOfHeader, type ImportField } from './headers';
import type { InstitutionLookup } from './institution-lookup';
import type { Inferred, SkippedRow } from './types';

/** `<name>, <country>`: the last comma's part, tried as a country. */
const COUNTRY_AFTER_NAME = /^(.*?)\s*,\s*([^,]+)$/;

export interface PreparedRow {
  number: number;
  /** The cells as text, with filled cells written in. */
  texts: string[];
  /** The country's code when a blank country cell was resolved (filled or by the name); null: unresolved. */
  country?: { code: string | null; how: 'filled' | 'by-name' | 'unresolved' };
}

export interface Prepared {
  rows: PreparedRow[];
  skipped: SkippedRow[];
  filled: Inferred['filled'];
  countryByName: number;
}

interface Group {
  text: string;
  code: string | null;
  /** A heading row over its group (`亞洲 Asia / 中國 China`), not a country cell: each row's own name may differ. */
  heading?: boolean;
  /** The rows its cell said it holds (`CHINA (14)`), or null; and the rows given to it so far. */
  count: number | null;
  used: number;
}

/**
 * Headings skipped and blanks filled. `codeOf` reads a country text; `lookup` (optional) is the institution
 * gazetteer, asked for a blank-country row's name in every country.
 */
export function prepareRows(
  rows: readonly { number: number; texts: string[] }[],
  column: Partial<Record<ImportField, number>>,
  codeOf: (text: string) => string | null,
  lookup: InstitutionLookup | undefined,
): Prepared {
  const out: PreparedRow[] = [];
  const skipped: SkippedRow[] = [];
  const filled: Inferred['filled'] = {};
  let countryByName = 0;
  const nameColumns = (['name', 'nameJa', 'nameEn'] as const).map((f) => column[f]).filter((i): i is number => i !== undefined);
  const isCountry = (text: string) => codeOf(text) !== null;
  const countryColumn = column.country;
  const last: Partial<Record<'area' | 'level' | 'department', string>> = {};
  let group: Group | null = null;
  let lastNames: (readonly [number, string])[] | null = null;
  /** The blank-country rows since the last country cell, resolved together when the run ends. */
  let run: { row: PreparedRow; evidence: string | null }[] = [];

  const evidenceOf = (texts: readonly string[]): string | null => {
    for (const i of nameColumns) {
      const raw = texts[i];
      if (!raw) continue;
      const parts = nameParts(raw);
      for (const name of [parts.en, parts.ja]) {
        if (!name) continue;
        const found = lookup?.(name, null)?.match?.country;
        if (found) return found;
        const named = countriesNamedIn(name);
        if (named.length === 1) return named[0]!;
      }
    }
    return null;
  };

  /**
   * A name ending in its country (`Edith Cowan University, Australia`, `University College West Flanders, (HOWEST)
   * Belgium`): the country apart. The name cell keeps the rest; a row whose cell held only `, Australia` has no name.
   */
  const countryAfterName = (texts: string[]): string | null => {
    let found: string | null = null;
    for (const i of nameColumns) {
      const m = COUNTRY_AFTER_NAME.exec(texts[i] ?? '');
      const code = m ? codeOf(m[2]!) : null;
      if (!m || !code) continue;
      texts[i] = m[1]!.trim();
      found ??= code;
    }
    return found;
  };
  /** The table's header written again (each group of a web page under its own header): every cell names its field. */
  const mapped = Object.entries(column) as [ImportField, number][];
  const isHeaderAgain = (texts: readonly string[]) => {
    const named = mapped.filter(([, i]) => texts[i]);
    return named.length >= 2 && named.every(([field, i]) => fieldOfHeader(texts[i]!) === field);
  };

  const endRun = () => {
    if (run.length === 0) return;
    const g = group;
    const against = new Set(run.filter((r) => r.evidence !== null && r.evidence !== g?.code).map((r) => r.evidence));
    const agreeing = new Set(run.map((r) => r.evidence).filter((e): e is string => e !== null));
    const other = agreeing.size === 1 ? [...agreeing][0]! : null;
    run.forEach(({ row, evidence }, i) => {
      // Within the group's stated count, the row is the group's; beyond it (or against a name that says
      // otherwise), its name decides, or the block's names when they agree; else the person must say.
      const withinCount = g !== null && g.count !== null && g.used + i < g.count;
      const uncounted = g !== null && g.count === null && against.size === 0;
      // Under a heading, each row is the heading's unless its own name says otherwise.
      const headed = g?.heading === true && g.count === null && (evidence === null || evidence === g.code);
      if (g && (withinCount || uncounted || headed)) row.country = { code: g.code, how: 'filled' };
      else if (evidence) row.country = { code: evidence, how: evidence === g?.code ? 'filled' : 'by-name' };
      else if (other && other !== g?.code) row.country = { code: other, how: 'by-name' };
      else row.country = { code: null, how: 'unresolved' };
      if (row.country.how === 'filled') {
        filled.country = (filled.country ?? 0) + 1;
        if (countryColumn !== undefined && g) row.texts[countryColumn] = g.text;
      } else if (row.country.how === 'by-name') countryByName += 1;
    });
    run = [];
  };

  for (const row of rows) {
    const texts = row.texts;
    if (texts.every((t) => t === '')) continue;
    const heading = isHeaderAgain(texts) ? { kind: 'header' as const, text: texts.filter(Boolean).join(' | ') } : headingOf(texts, nameColumns, isCountry);
    if (heading) {
      endRun();
      skipped.push({ row: row.number, kind: heading.kind, text: heading.text });
      if (heading.kind === 'country') {
        const { text, count } = countryCellParts(heading.text);
        group = { text, code: codeOf(text), count, used: 0, heading: true };
      } else if (heading.kind === 'region') {
        group = null;
        lastNames = null;
        delete last.area;
      }
      continue;
    }
    const prepared: PreparedRow = { number: row.number, texts };
    const countryText = countryColumn === undefined ? '' : (texts[countryColumn] ?? '');
    // A partner's name merged over several rows (its agreements, one per row): a row with no name and no country,
    // below a named row, is that partner's. A row with a country but no name stays a row without a name.
    if (nameColumns.length > 0 && nameColumns.every((i) => !texts[i]) && countryText === '' && lastNames) {
      for (const [i, name] of lastNames) texts[i] = name;
      filled.name = (filled.name ?? 0) + 1;
    }
    if (nameColumns.some((i) => texts[i])) lastNames = nameColumns.map((i) => [i, texts[i] ?? ''] as const);
    const named = countryAfterName(texts);
    if (countryText !== '') {
      endRun();
      const { text, count } = countryCellParts(countryText);
      group = { text, code: codeOf(text), count, used: 1 };
    } else if (named) {
      // The name's own country decides a row whose country cell is blank (no fill-down across it), and ends the
      // run of blank rows before it: a block's agreeing names do not reach across it.
      endRun();
      prepared.country = { code: named, how: 'by-name' };
      countryByName += 1;
    } else if (nameColumns.some((i) => texts[i])) run.push({ row: prepared, evidence: evidenceOf(texts) });
    for (const field of ['area', 'level'] as const) {
      const i = column[field];
      if (i === undefined) continue;
      if (texts[i]) last[field] = texts[i];
      else if (last[field]) {
        texts[i] = last[field];
        filled[field] = (filled[field] ?? 0) + 1;
      }
    }
    // A department is filled down only where a level column says the row is a department's (部局間) and names none:
    // elsewhere a blank department means a university-wide agreement.
    const dept = column.department;
    const level = column.level === undefined ? '' : texts[column.level];
    if (dept !== undefined) {
      if (texts[dept]) last.department = texts[dept];
      else if (level && /部局|department|faculty|school/i.test(level) && last.department) {
        texts[dept] = last.department;
        filled.department = (filled.department ?? 0) + 1;
      }
    }
    out.push(prepared);
  }
  endRun();
  return { rows: out, skipped, filled, countryByName };
}
