// The parts of mapTable (map-table.ts) that read no row: the built-in institutions by name, and the counts a mapped
// list states (partners per level, the summary of row results).
import { homeOf } from '../homes';
import { parseLevel } from './cells';
import { type DayOrder, parseExpiry } from './dates';
import type { Cell } from './table';
import type { RejectCode } from './types';
import { NO_END_WORDS, uniqueId } from './values';
import type { Agreement, Dataset, Department, Expiry, Home, HomePlace, Institution } from '../schema';
import type { ImportSummary, RowResult } from './types';
import { countryNames, numericCode } from './countries';
import { REGION_OF } from './regions';
import type { Country } from '../schema';

/** A country the built-in dataset does not have, from its code; null for a code without names or a numeric code. */
export function newCountry(code: string): Country | null {
  const names = countryNames(code);
  const numeric = numericCode(code);
  return names && numeric ? { code, name: names, region: REGION_OF.get(code) ?? 'asia', borderIds: [numeric] } : null;
}

/** The built-in institutions by country and folded name (Japanese, English and aliases): the first one wins. */
export function institutionsByName(base: Dataset, fold: (text: string) => string): Map<string, Institution> {
  const byName = new Map<string, Institution>();
  for (const inst of base.institutions) {
    for (const name of [inst.name.ja, inst.name.en, ...inst.aliases]) {
      const key = `${inst.country}:${fold(name)}`;
      if (!byName.has(key)) byName.set(key, inst);
    }
  }
  return byName;
}

/** Partner institutions and their countries per level, as the dataset's meta states them. */
export function statedCounts(agreements: readonly Agreement[], institutions: ReadonlyMap<string, Institution>) {
  const partners = (level: Agreement['level']) => {
    const inst = new Set<string>();
    for (const a of agreements) if (a.level === level) for (const id of a.institutionIds) inst.add(id);
    return { institutions: inst.size, countries: new Set([...inst].map((id) => institutions.get(id)!.country)).size };
  };
  return { university: partners('university'), department: partners('department') };
}

/** How many rows were placed, approximate or rejected (adding up to `rows`), and the headings skipped beside them. */
export function summarise(results: readonly RowResult[], skipped: number): ImportSummary {
  const summary: ImportSummary = { rows: results.length, placed: 0, approximate: 0, rejected: 0, byCity: 0, ambiguous: 0, skipped };
  for (const r of results) {
    summary[r.status] += 1;
    if (r.status === 'placed' && r.place === 'city') summary.byCity += 1;
    if (r.status === 'placed' && r.ambiguousCity) summary.ambiguous += 1;
  }
  return summary;
}

/** The homes a list's agreements belong to, in order of first use, each with the departments its rows name. */
export class RowHomes {
  private readonly used = new Map<string, { place: HomePlace; departments: Set<string> }>();
  /** By the department's text, or its home's id and text (`perHome`). */
  private readonly byText = new Map<string, Department>();

  /** `fallback`: the list's home, which the dataset keeps even when no row is read (the page shows an empty atlas of it). */
  constructor(private readonly fallback: HomePlace) {}

  private entry(place: HomePlace) {
    let entry = this.used.get(place.id);
    if (!entry) this.used.set(place.id, (entry = { place, departments: new Set() }));
    return entry;
  }

  /** Marks the home as having an agreement; returns its id (the agreement's homeId). */
  use(place: HomePlace): string {
    return this.entry(place).place.id;
  }

  /** The department a row names, made on its first mention; one per home and text when `perHome` (a home column). */
  department(place: HomePlace, text: string, perHome: boolean, taken: Set<string>): Department {
    const key = perHome ? `${place.id}\u0000${text}` : text;
    let record = this.byText.get(key);
    if (!record) {
      record = { id: uniqueId(text, `department-${this.byText.size + 1}`, taken), ja: text, en: text, statedCount: null, source: null };
      this.byText.set(key, record);
    }
    this.entry(place).departments.add(record.id);
    return record;
  }

  departments(): Department[] {
    return [...this.byText.values()];
  }

  homes(): Home[] {
    if (this.used.size === 0) this.entry(this.fallback);
    return [...this.used.values()].map(({ place, departments }) => homeOf(place, [...departments]));
  }
}

/**
 * A row's department ('' for a university-wide agreement): a level column (区分: 大学間, 部局間), or a department
 * column holding a level word; else a named department makes it a department's agreement. `fromColumn`: the level
 * was read from a column (the preview counts these).
 */
export function departmentOfRow(departmentCell: string, levelCell: string): { department: string; fromColumn: boolean } {
  const levelInDepartment = departmentCell ? parseLevel(departmentCell) : null;
  const level = levelInDepartment ?? parseLevel(levelCell);
  if (level) {
    if (level.level === 'university') return { department: '', fromColumn: true };
    const department = levelInDepartment ? level.department : departmentCell;
    return { department: department || level.department || levelCell, fromColumn: true };
  }
  // A level column naming a school (`School of Agro-Industry`): the department whose agreement it is.
  if (levelCell && !departmentCell) return { department: levelCell, fromColumn: true };
  return { department: departmentCell, fromColumn: false };
}

/** An end-date cell saying the term renews itself (`2006.4.5 -自動延長`): no end. */
const AUTO_RENEWAL = /自動(?:延長|更新)|auto(?:matic(?:ally)?)?[- ]?(?:renew|extens|extend)|(?:renew|extend)(?:s|ed)? automatically|自動續約|自动续约/i;

/** A row's end date (有効期限): none (blank, 無期限, renews itself), a date not before `signed`, or why the row is rejected. */
export function expiryOfRow(
  text: string,
  cell: Cell | undefined,
  dayOrder: DayOrder | undefined,
  signed: string | null,
  fold: (text: string) => string,
): { expires?: Expiry } | { reject: RejectCode } {
  const expiry = text === '' ? null : parseExpiry(cell as string | number | Date, dayOrder);
  if (!expiry || (!expiry.ok && (NO_END_WORDS.has(fold(text)) || AUTO_RENEWAL.test(text)))) return {};
  if (!expiry.ok) return { reject: expiry.reason === 'impossible' ? 'impossible-expiry' : 'unreadable-expiry' };
  if (signed !== null && expiry.date.iso.slice(0, 4) < signed.slice(0, 4)) return { reject: 'expires-before-signed' };
  return { expires: { date: expiry.date.iso, precision: expiry.date.precision } };
}
