// The importer: a file's bytes and name → rows → header mapping → one result per row (placed, approximate or
// rejected, with a reason and its row number) and a Dataset the atlas can show. Pure: no DOM, no Node APIs; the
// page and `npm run import` both call importAgreements.
import { foldForSearch } from '../search';
import {
  parseDataset,
  SLUG_PATTERN,
  type Agreement,
  type Bilingual,
  type Country,
  type Dataset,
  type Department,
  type Home,
  type Institution,
  type SignedPrecision,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
} from '../schema';
import centroids from './country-centroids.json' with { type: 'json' };
import { countryCode, countryNames, numericCode } from './countries';
import { parseDate } from './dates';
import { findHeader, mapHeaderRow, type HeaderMapping, type ImportField } from './headers';
import { REGION_OF } from './regions';
import { readTable, type Cell, type TableFormat, type TableRow } from './table';
import type { TextEncodingName } from './decode';

export type RejectCode =
  | 'no-name'
  | 'no-country'
  | 'unknown-country'
  | 'impossible-date'
  | 'unreadable-date'
  | 'after-as-of'
  | 'bad-coordinates'
  | 'no-position'
  | 'too-long';

export type RowResult =
  | { row: number; status: 'placed'; name: string; institutionId: string; agreementId: string; matched: boolean }
  | { row: number; status: 'approximate'; name: string; institutionId: string; agreementId: string }
  | { row: number; status: 'rejected'; reason: RejectCode; value: string };

export interface ImportSummary {
  rows: number;
  placed: number;
  approximate: number;
  rejected: number;
}

export interface ImportResult {
  fileName: string;
  format: TableFormat;
  encoding: TextEncodingName | null;
  mapping: HeaderMapping;
  rows: RowResult[];
  summary: ImportSummary;
  dataset: Dataset;
}

export interface ImportOptions {
  /** The built-in dataset: its institutions are matched by name, its countries and regions reused. */
  base: Dataset;
  /** The month the list is as of (YYYY-MM): later dates are rejected. */
  asOf: string;
  title?: Bilingual;
  home?: Home;
  /** A corrected mapping (field → 0-based column), replacing the one read from the header. */
  columns?: Partial<Record<ImportField, number>>;
}

/** The file's problem as a whole (no header, unreadable workbook): nothing to show row by row. */
export class ImportError extends Error {
  constructor(
    readonly code: 'no-header' | 'no-rows',
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Country → [lat, lng] of its largest polygon's centroid (scripts/country-centroids.ts). */
const CENTROIDS = centroids as unknown as Record<string, [number, number] | undefined>;

export const DEFAULT_TITLE: Bilingual = { ja: '読み込んだ協定一覧', en: 'Imported agreements' };

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const TRUE_WORDS = new Set(['○', '◯', '〇', '有', 'あり', '有り', 'yes', 'y', 'true', '1', '*', '✓', '✔', '不徴収', 'waived']);
const FALSE_WORDS = new Set(['×', '✕', '無', 'なし', '無し', 'no', 'n', 'false', '0', '-', '徴収']);

const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
};

/** English reasons, for the command line; the page words them through its catalog (importReason* keys). */
export const REJECT_REASONS: Record<RejectCode, string> = {
  'no-name': 'no institution name',
  'no-country': 'no country',
  'unknown-country': 'unknown country',
  'impossible-date': 'not a calendar date',
  'unreadable-date': 'unreadable date',
  'after-as-of': "date after the list's month",
  'bad-coordinates': 'latitude/longitude out of range or unreadable',
  'no-position': 'no position known for this country; give lat/lng',
  'too-long': 'a cell is too long',
};

export function describeReject(result: Extract<RowResult, { status: 'rejected' }>): string {
  return result.value ? `${REJECT_REASONS[result.reason]} (${result.value})` : REJECT_REASONS[result.reason];
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A slug not taken yet: from the text where it has Latin letters, else from the fallback. */
function uniqueId(text: string, fallback: string, taken: Set<string>): string {
  const base = slugify(text);
  const stem = /[a-z]/.test(base) && SLUG_PATTERN.test(base) ? base : fallback;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

function parseWaiver(text: string): boolean | null {
  const folded = text.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

function parseCoordinate(cell: Cell | undefined, limit: number): number | null | 'bad' {
  const text = cellText(cell);
  if (text === '') return null;
  const value = typeof cell === 'number' ? cell : Number(text.normalize('NFKC'));
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'bad';
}

/** Folded names (and aliases, both languages) of the built-in institutions, per country. */
function institutionsByName(base: Dataset): Map<string, Institution> {
  const byName = new Map<string, Institution>();
  for (const inst of base.institutions) {
    for (const name of [inst.name.ja, inst.name.en, ...inst.aliases]) {
      const key = `${inst.country}:${foldForSearch(name)}`;
      if (!byName.has(key)) byName.set(key, inst);
    }
  }
  return byName;
}

function mappingFor(rows: readonly TableRow[], options: ImportOptions): HeaderMapping {
  const textRows = rows.map((r) => ({ number: r.number, cells: r.cells.map(cellText) }));
  const found = findHeader(textRows);
  if (!found) throw new ImportError('no-header', 'no header row: name the columns (大学名, 国・地域, 締結日 … or name, country, signed …)');
  if (!options.columns) return found;
  const header = textRows.find((r) => r.number === found.headerRow)!;
  const columns = mapHeaderRow(header.cells).map((c) => ({ ...c, field: null as ImportField | null }));
  for (const [field, index] of Object.entries(options.columns) as [ImportField, number][]) {
    const column = columns[index];
    if (column) column.field = field;
  }
  return { headerRow: found.headerRow, columns };
}

/** Reads a list of agreements: see the file's first comment. */
export async function importAgreements(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, fileName);
  const mapping = mappingFor(table.rows, options);
  const column = new Map<ImportField, number>();
  for (const c of mapping.columns) if (c.field) column.set(c.field, c.index);
  const get = (row: TableRow, field: ImportField): Cell | undefined => {
    const i = column.get(field);
    return i === undefined ? undefined : row.cells[i];
  };

  const { base } = options;
  const known = institutionsByName(base);
  const baseCountries = new Map(base.countries.map((c) => [c.code, c]));
  const countries = new Map<string, Country>();
  const institutions = new Map<string, Institution>();
  const institutionByKey = new Map<string, string>();
  const departments = new Map<string, Department>();
  const agreements: Agreement[] = [];
  const ids = new Set<string>();
  const approximateIds = new Set<string>();
  const results: RowResult[] = [];

  const countryRecord = (code: string): Country | null => {
    const existing = countries.get(code) ?? baseCountries.get(code);
    if (existing) return existing;
    const names = countryNames(code);
    const numeric = numericCode(code);
    if (!names || !numeric) return null;
    return { code, name: names, region: REGION_OF.get(code) ?? 'asia', borderIds: [numeric] };
  };

  for (const row of table.rows) {
    if (row.number <= mapping.headerRow) continue;
    const texts = row.cells.map(cellText);
    if (texts.every((t) => t === '')) continue;
    const reject = (reason: RejectCode, value = '') => results.push({ row: row.number, status: 'rejected', reason, value });

    if (texts.some((t) => t.length > MAX_NAME_LENGTH)) {
      reject('too-long');
      continue;
    }
    const nameCell = cellText(get(row, 'name'));
    const jaCell = cellText(get(row, 'nameJa'));
    const enCell = cellText(get(row, 'nameEn'));
    const anyName = jaCell || enCell || nameCell;
    if (!anyName) {
      reject('no-name');
      continue;
    }
    const countryText = cellText(get(row, 'country'));
    if (!countryText) {
      reject('no-country');
      continue;
    }
    const code = countryCode(countryText);
    const country = code ? countryRecord(code) : null;
    if (!code || !country) {
      reject('unknown-country', countryText);
      continue;
    }
    let signed: string | null = null;
    let precision: SignedPrecision = 'unknown';
    const dateCell = get(row, 'signed');
    if (cellText(dateCell) !== '') {
      const reading = parseDate(dateCell as string | number | Date);
      if (!reading.ok) {
        reject(reading.reason === 'impossible' ? 'impossible-date' : 'unreadable-date', cellText(dateCell));
        continue;
      }
      if (reading.date.iso.slice(0, 7) > options.asOf) {
        reject('after-as-of', cellText(dateCell));
        continue;
      }
      signed = reading.date.iso;
      precision = reading.date.precision;
    }
    const lat = parseCoordinate(get(row, 'lat'), 90);
    const lng = parseCoordinate(get(row, 'lng'), 180);
    if (lat === 'bad' || lng === 'bad' || (lat === null) !== (lng === null)) {
      reject('bad-coordinates', [cellText(get(row, 'lat')), cellText(get(row, 'lng'))].filter(Boolean).join(', '));
      continue;
    }

    const ja = jaCell || (JAPANESE.test(nameCell) ? nameCell : '') || enCell || nameCell;
    const en = enCell || (!JAPANESE.test(nameCell) && nameCell ? nameCell : '') || ja;
    const match = [ja, en, nameCell].map((n) => n && known.get(`${code}:${foldForSearch(n)}`)).find((x) => x);
    const key = `${code}:${foldForSearch(en)}:${foldForSearch(ja)}`;
    let institutionId = match ? match.id : institutionByKey.get(key);
    let status: 'placed' | 'approximate' = 'placed';
    if (institutionId && institutions.has(institutionId)) {
      status = approximateIds.has(institutionId) ? 'approximate' : 'placed';
    } else if (match) {
      const source = { line: row.number, text: anyName };
      institutions.set(match.id, lat !== null && lng !== null ? { ...match, lat, lng, source } : { ...match, source });
      ids.add(match.id);
    } else {
      const centroid = CENTROIDS[code];
      if (lat === null && !centroid) {
        reject('no-position', countryText);
        continue;
      }
      status = lat === null ? 'approximate' : 'placed';
      institutionId = uniqueId(en, `partner-${row.number}`, ids);
      institutionByKey.set(key, institutionId);
      if (status === 'approximate') approximateIds.add(institutionId);
      const cityText = cellText(get(row, 'city'));
      institutions.set(institutionId, {
        id: institutionId,
        name: { ja, en },
        aliases: [],
        country: code,
        city: cityText ? { en: cityText, ...(JAPANESE.test(cityText) ? { ja: cityText } : {}) } : { en: country.name.en, ja: country.name.ja },
        lat: lat ?? centroid![0],
        lng: (lng as number | null) ?? centroid![1],
        source: { line: row.number, text: anyName },
        ...(status === 'approximate'
          ? {
              identification: {
                confidence: 'uncertain' as const,
                reason: { ja: '一覧に所在地がなく、国の中央に置いた', en: 'The list gives no place: pinned at the middle of its country' },
              },
            }
          : {}),
      });
    }
    countries.set(code, country);

    const departmentText = cellText(get(row, 'department'));
    let department: Agreement['department'] = null;
    if (departmentText) {
      let record = departments.get(departmentText);
      if (!record) {
        record = {
          id: uniqueId(departmentText, `department-${departments.size + 1}`, ids),
          ja: departmentText,
          en: departmentText,
          statedCount: null,
          source: null,
        };
        departments.set(departmentText, record);
      }
      department = { id: record.id, ja: record.ja, en: record.en };
    }
    const agreementId = uniqueId(`row-${row.number}`, `row-${row.number}`, ids);
    agreements.push({
      id: agreementId,
      level: department ? 'department' : 'university',
      institutionIds: [institutionId!],
      signed,
      signedPrecision: precision,
      tuitionWaiver: parseWaiver(cellText(get(row, 'waiver'))),
      department,
      unit: null,
      source: { line: row.number, text: texts.filter(Boolean).join(' | ').slice(0, MAX_TEXT_LENGTH) },
    });
    results.push({
      row: row.number,
      status,
      name: anyName,
      institutionId: institutionId!,
      agreementId,
      ...(status === 'placed' ? { matched: Boolean(match) } : {}),
    } as RowResult);
  }

  const usedRegions = base.regions;
  const partners = (level: Agreement['level']) => {
    const inst = new Set(agreements.filter((a) => a.level === level).flatMap((a) => a.institutionIds));
    return { institutions: inst.size, countries: new Set([...inst].map((id) => institutions.get(id)!.country)).size };
  };
  const dataset = parseDataset({
    meta: {
      title: options.title ?? DEFAULT_TITLE,
      source: fileName.slice(0, MAX_TEXT_LENGTH),
      asOf: options.asOf,
      stated: { university: partners('university'), department: partners('department') },
    },
    home: options.home ?? base.home,
    regions: usedRegions,
    countries: [...countries.values()],
    departments: [...departments.values()],
    institutions: [...institutions.values()],
    agreements,
    corrections: [],
  } satisfies Dataset);
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    mapping,
    rows: results,
    summary: { rows: results.length, placed: count('placed'), approximate: count('approximate'), rejected: count('rejected') },
    dataset,
  };
}
