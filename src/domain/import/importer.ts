// The importer: a file's bytes and name → rows → header mapping → one result per row (placed, approximate or
// rejected, with a reason and its row number) and a Dataset the atlas can show. Pure: no DOM, no Node APIs; the
// page (in a worker, src/adapters/import) and `npm run import` both call it. The steps are exported one by one so
// that the page can read a file once and map it again when the person corrects a column.
import { foldForSearch } from '../search';
import {
  SLUG_PATTERN,
  type Agreement,
  type Bilingual,
  type Country,
  type Dataset,
  type Department,
  type Expiry,
  type Home,
  type Institution,
  type SignedPrecision,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
} from '../schema';
import { validateDataset } from '../validate-dataset';
import type { CityLookup } from './cities';
import centroids from './country-centroids.json' with { type: 'json' };
import { countryCode, countryNames, numericCode } from './countries';
import { parseDate } from './dates';
import { findHeader, mapHeaderRow, IMPORT_FIELDS, type HeaderMapping, type ImportField } from './headers';
import { institutionId as newInstitutionId } from './identity';
import { REGION_OF } from './regions';
import { readTable, type Cell, type ReadNote, type Table, type TableFormat, type TableRow } from './table';
import type { TextEncodingName } from './decode';

export type RejectCode =
  | 'no-name'
  | 'no-country'
  | 'unknown-country'
  | 'impossible-date'
  | 'unreadable-date'
  | 'after-as-of'
  | 'impossible-expiry'
  | 'unreadable-expiry'
  | 'expires-before-signed'
  | 'bad-coordinates'
  | 'no-position'
  | 'too-long';

/** How a placed row got its point: its own lat/lng, a built-in institution of that name, or its city. */
export type PlaceSource = 'coordinates' | 'institution' | 'city';

export type RowResult =
  | {
      row: number;
      status: 'placed';
      name: string;
      institutionId: string;
      agreementId: string;
      place: PlaceSource;
      /** Placed by a city name that several cities of its country share: the most populous was chosen. */
      ambiguousCity?: { city: string; country: string; candidates: number };
    }
  | { row: number; status: 'approximate'; name: string; institutionId: string; agreementId: string }
  | { row: number; status: 'rejected'; reason: RejectCode; value: string };

export type AmbiguousRow = Extract<RowResult, { status: 'placed' }> & { ambiguousCity: NonNullable<Extract<RowResult, { status: 'placed' }>['ambiguousCity']> };

export interface ImportSummary {
  rows: number;
  placed: number;
  approximate: number;
  rejected: number;
  /** Of the placed rows, those placed by their city (the gazetteer), and those whose city name was ambiguous. */
  byCity: number;
  ambiguous: number;
}

export interface ImportResult {
  fileName: string;
  format: TableFormat;
  encoding: TextEncodingName | null;
  /** What the reader decided about rows (table.ts): a stray quote read as text, bytes replaced. */
  readNotes: ReadNote[];
  mapping: HeaderMapping;
  rows: RowResult[];
  summary: ImportSummary;
  dataset: Dataset;
}

/** A corrected mapping: field → 0-based column, or null for "not used". Fields left out keep what the header says. */
export type ColumnChoice = Partial<Record<ImportField, number | null>>;

export interface ImportOptions {
  /** The built-in dataset: its institutions are matched by name, its countries and regions reused. */
  base: Dataset;
  /** The month the list is as of (YYYY-MM): later signing dates are rejected. */
  asOf: string;
  title?: Bilingual;
  home?: Home;
  /** A corrected mapping, replacing what the header row says for the fields it names. */
  columns?: ColumnChoice;
  /** Cities to coordinates (cities.ts): rows with a known city are placed there rather than at the country's middle. */
  cities?: CityLookup;
  /** Called every PROGRESS_STEP rows and at the end: rows mapped so far, and the data rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The file's problem as a whole (no header, unreadable workbook): nothing to show row by row. */
export class ImportError extends Error {
  constructor(
    readonly code: 'no-header' | 'no-rows',
    message: string,
    /** With no-header: the first row's cells, so that a person can say which column holds what. */
    readonly firstRow: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Country → [lat, lng] of its largest polygon's centroid (scripts/country-centroids.ts). */
const CENTROIDS = centroids as unknown as Record<string, [number, number] | undefined>;

export const DEFAULT_TITLE: Bilingual = { ja: '読み込んだ協定一覧', en: 'Imported agreements' };

/** Rows between two progress reports. */
export const PROGRESS_STEP = 1000;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const TRUE_WORDS = new Set(['○', '◯', '〇', '有', 'あり', '有り', 'yes', 'y', 'true', '1', '*', '✓', '✔', '不徴収', 'waived']);
const FALSE_WORDS = new Set(['×', '✕', '無', 'なし', '無し', 'no', 'n', 'false', '0', '-', '徴収']);
/** An end-date cell that says there is no end (folded). */
const NO_END_WORDS = new Set(
  [
    '',
    'なし',
    '無し',
    '無',
    '無期限',
    '期限なし',
    '自動更新',
    '自動延長',
    'none',
    'no',
    'n/a',
    'na',
    'auto renewal',
    'automatic renewal',
    'open ended',
    'indefinite',
  ].map(foldForSearch),
);

/** Printable ASCII without doubled, leading or trailing spaces: a cell that is its own text (most cells). */
const PLAIN_TEXT = /^[!-~](?:[!-~]| (?! ))*$/;

export const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined || cell === '') return '';
  // The length first: the pattern's repetition on a megabyte of text overflows the regexp engine's stack.
  if (typeof cell === 'string' && cell.length <= MAX_NAME_LENGTH && PLAIN_TEXT.test(cell)) return cell;
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
  'impossible-expiry': 'the end date is not a calendar date',
  'unreadable-expiry': 'unreadable end date',
  'expires-before-signed': 'ends before it was signed',
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

function parseCoordinate(cell: Cell | undefined, text: string, limit: number): number | null | 'bad' {
  if (text === '') return null;
  const value = typeof cell === 'number' ? cell : Number(text.normalize('NFKC'));
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'bad';
}

/** foldForSearch, remembered: a national list names each partner many times, and folding is the loop's costliest step. */
function memoFold(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let f = folded.get(text);
    if (f === undefined) folded.set(text, (f = foldForSearch(text)));
    return f;
  };
}

/** Folded names (and aliases, both languages) of the built-in institutions, per country. */
function institutionsByName(base: Dataset, fold: (text: string) => string): Map<string, Institution> {
  const byName = new Map<string, Institution>();
  for (const inst of base.institutions) {
    for (const name of [inst.name.ja, inst.name.en, ...inst.aliases]) {
      const key = `${inst.country}:${fold(name)}`;
      if (!byName.has(key)) byName.set(key, inst);
    }
  }
  return byName;
}

const textRowsOf = (rows: readonly TableRow[]) => rows.map((r) => ({ number: r.number, cells: r.cells.map(cellText) }));

/**
 * Which column holds what: found from the header row (headers.ts), then corrected by `columns` where given (a
 * column holds one field: giving it to a field takes it from another). Without a recognisable header, a correction
 * naming the name column makes the first non-empty row the header.
 */
export function detectMapping(table: Table, columns?: ColumnChoice): HeaderMapping {
  const head = textRowsOf(table.rows.slice(0, 40));
  const firstRow = head.find((r) => r.cells.some((c) => c !== ''));
  const found = findHeader(head) ?? (firstRow && columns ? { headerRow: firstRow.number, headerRows: 1, columns: mapHeaderRow(firstRow.cells) } : null);
  if (!found)
    throw new ImportError(
      'no-header',
      'no header row: name the columns (大学名, 国・地域, 締結日 … or name, country, signed …)',
      firstRow ? firstRow.cells : [],
    );
  if (!columns) return found;
  const corrected = found.columns.map((c) => ({ ...c }));
  for (const field of IMPORT_FIELDS) {
    if (!(field in columns)) continue;
    const index = columns[field];
    for (const c of corrected) if (c.field === field) c.field = null;
    const column = index === null || index === undefined ? undefined : corrected[index];
    if (column) column.field = field;
  }
  return { ...found, columns: corrected };
}

/** Whether mapping this table may need the city gazetteer: it has a city column with something in it. */
export function needsCities(table: Table, mapping: HeaderMapping): boolean {
  const city = mapping.columns.find((c) => c.field === 'city')?.index;
  if (city === undefined) return false;
  return table.rows.some((row) => row.number > mapping.headerRow && cellText(row.cells[city]) !== '');
}

/** Maps the table's data rows (below the header) to agreements: see the file's first comment. */
export function mapTable(table: Table, mapping: HeaderMapping, fileName: string, options: ImportOptions): ImportResult {
  const column: Partial<Record<ImportField, number>> = {};
  for (const c of mapping.columns) if (c.field) column[c.field] = c.index;
  const fold = memoFold();
  const { base, cities, onProgress } = options;
  const known = institutionsByName(base, fold);
  const builtInIds = new Set(base.institutions.map((i) => i.id));
  const baseCountries = new Map(base.countries.map((c) => [c.code, c]));
  const countries = new Map<string, Country>();
  const institutions = new Map<string, Institution>();
  const institutionByKey = new Map<string, string>();
  const departments = new Map<string, Department>();
  const agreements: Agreement[] = [];
  const ids = new Set<string>();
  const results: RowResult[] = [];
  /** Each partner's first placed or approximate row: a partner named again is placed as it was then. */
  const firstResult = new Map<string, Exclude<RowResult, { status: 'rejected' }>>();
  const codes = new Map<string, string | null>();
  const codeOf = (text: string) => {
    let code = codes.get(text);
    if (code === undefined) codes.set(text, (code = countryCode(text)));
    return code;
  };

  const countryRecord = (code: string): Country | null => {
    const existing = countries.get(code) ?? baseCountries.get(code);
    if (existing) return existing;
    const names = countryNames(code);
    const numeric = numericCode(code);
    if (!names || !numeric) return null;
    return { code, name: names, region: REGION_OF.get(code) ?? 'asia', borderIds: [numeric] };
  };

  const dataRows = table.rows.filter((row) => row.number > mapping.headerRow);
  const total = dataRows.length;
  for (let n = 0; n < total; n += 1) {
    if (onProgress && n % PROGRESS_STEP === 0) onProgress(n, total);
    const row = dataRows[n]!;
    const texts = row.cells.map(cellText);
    if (texts.every((t) => t === '')) continue;
    const text = (field: ImportField) => {
      const i = column[field];
      return i === undefined ? '' : (texts[i] ?? '');
    };
    const cell = (field: ImportField): Cell | undefined => {
      const i = column[field];
      return i === undefined ? undefined : row.cells[i];
    };
    const reject = (reason: RejectCode, value = '') => results.push({ row: row.number, status: 'rejected', reason, value });

    if (texts.some((t) => t.length > MAX_NAME_LENGTH)) {
      reject('too-long');
      continue;
    }
    const nameCell = text('name');
    const jaCell = text('nameJa');
    const enCell = text('nameEn');
    const anyName = jaCell || enCell || nameCell;
    if (!anyName) {
      reject('no-name');
      continue;
    }
    const countryText = text('country');
    if (!countryText) {
      reject('no-country');
      continue;
    }
    const code = codeOf(countryText);
    const country = code ? countryRecord(code) : null;
    if (!code || !country) {
      reject('unknown-country', countryText);
      continue;
    }
    let signed: string | null = null;
    let precision: SignedPrecision = 'unknown';
    const signedText = text('signed');
    if (signedText !== '') {
      const reading = parseDate(cell('signed') as string | number | Date);
      if (!reading.ok) {
        reject(reading.reason === 'impossible' ? 'impossible-date' : 'unreadable-date', signedText);
        continue;
      }
      if (reading.date.iso.slice(0, 7) > options.asOf) {
        reject('after-as-of', signedText);
        continue;
      }
      signed = reading.date.iso;
      precision = reading.date.precision;
    }
    let expires: Expiry | undefined;
    const expiresText = text('expires');
    const expiry = expiresText === '' ? null : parseDate(cell('expires') as string | number | Date);
    if (expiry && !(!expiry.ok && NO_END_WORDS.has(fold(expiresText)))) {
      const reading = expiry;
      if (!reading.ok) {
        reject(reading.reason === 'impossible' ? 'impossible-expiry' : 'unreadable-expiry', expiresText);
        continue;
      }
      if (signed !== null && reading.date.iso.slice(0, 4) < signed.slice(0, 4)) {
        reject('expires-before-signed', expiresText);
        continue;
      }
      expires = { date: reading.date.iso, precision: reading.date.precision };
    }
    const lat = parseCoordinate(cell('lat'), text('lat'), 90);
    const lng = parseCoordinate(cell('lng'), text('lng'), 180);
    if (lat === 'bad' || lng === 'bad' || (lat === null) !== (lng === null)) {
      reject('bad-coordinates', [text('lat'), text('lng')].filter(Boolean).join(', '));
      continue;
    }

    const ja = jaCell || (JAPANESE.test(nameCell) ? nameCell : '') || enCell || nameCell;
    const en = enCell || (!JAPANESE.test(nameCell) && nameCell ? nameCell : '') || ja;
    const match = [ja, en, nameCell].map((name) => name && known.get(`${code}:${fold(name)}`)).find((x) => x);
    const key = `${code}:${fold(en)}:${fold(ja)}`;
    let institutionId = match ? match.id : institutionByKey.get(key);
    let result: RowResult;
    const agreementId = `row-${row.number}`;
    if (institutionId && institutions.has(institutionId)) {
      // A partner named again: placed as it was the first time.
      const first = firstResult.get(institutionId)!;
      result = { ...first, row: row.number, name: anyName, agreementId };
    } else if (match) {
      const source = { line: row.number, text: anyName };
      institutions.set(match.id, lat !== null && lng !== null ? { ...match, lat, lng, source } : { ...match, source });
      ids.add(match.id);
      institutionId = match.id;
      result = { row: row.number, status: 'placed', name: anyName, institutionId, agreementId, place: lat !== null ? 'coordinates' : 'institution' };
    } else {
      const cityText = text('city');
      const city = lat === null && cityText && cities ? cities(code, cityText) : null;
      const centroid = CENTROIDS[code];
      if (lat === null && !city && !centroid) {
        reject('no-position', countryText);
        continue;
      }
      institutionId = newInstitutionId(en, code, `partner-${row.number}`, ids, builtInIds, SLUG_PATTERN);
      institutionByKey.set(key, institutionId);
      const ambiguousCity = city && city.candidates > 1 ? { city: cityText, country: code, candidates: city.candidates } : undefined;
      const point = lat !== null ? { lat, lng: lng as number } : city ? { lat: city.lat, lng: city.lng } : { lat: centroid![0], lng: centroid![1] };
      const approximate = lat === null && !city;
      institutions.set(institutionId, {
        id: institutionId,
        name: { ja, en },
        aliases: [],
        country: code,
        city: city
          ? { en: city.name, ...(JAPANESE.test(cityText) ? { ja: cityText } : {}) }
          : cityText
            ? { en: cityText, ...(JAPANESE.test(cityText) ? { ja: cityText } : {}) }
            : { en: country.name.en, ja: country.name.ja },
        ...point,
        source: { line: row.number, text: anyName },
        ...(approximate
          ? {
              identification: {
                confidence: 'uncertain' as const,
                reason: { ja: '一覧に所在地がなく、国の中央に置いた', en: 'The list gives no place: pinned at the middle of its country' },
              },
            }
          : ambiguousCity
            ? {
                identification: {
                  confidence: 'probable' as const,
                  reason: {
                    ja: 'この国には同じ名前の都市が複数あり、人口の最も多い都市に置いた',
                    en: 'Several cities in this country have this name: placed at the most populous',
                  },
                },
              }
            : {}),
      });
      result = approximate
        ? { row: row.number, status: 'approximate', name: anyName, institutionId, agreementId }
        : {
            row: row.number,
            status: 'placed',
            name: anyName,
            institutionId,
            agreementId,
            place: lat !== null ? 'coordinates' : 'city',
            ...(ambiguousCity ? { ambiguousCity } : {}),
          };
    }
    countries.set(code, country);
    if (!firstResult.has(institutionId)) firstResult.set(institutionId, result);

    const departmentText = text('department');
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
    ids.add(agreementId);
    agreements.push({
      id: agreementId,
      level: department ? 'department' : 'university',
      institutionIds: [institutionId],
      signed,
      signedPrecision: precision,
      tuitionWaiver: parseWaiver(text('waiver')),
      department,
      unit: null,
      source: { line: row.number, text: texts.filter(Boolean).join(' | ').slice(0, MAX_TEXT_LENGTH) },
      ...(expires ? { expires } : {}),
    });
    results.push(result);
  }
  onProgress?.(total, total);

  const partners = (level: Agreement['level']) => {
    const inst = new Set<string>();
    for (const a of agreements) if (a.level === level) for (const id of a.institutionIds) inst.add(id);
    return { institutions: inst.size, countries: new Set([...inst].map((id) => institutions.get(id)!.country)).size };
  };
  const dataset = validateDataset({
    meta: {
      title: options.title ?? DEFAULT_TITLE,
      source: fileName.slice(0, MAX_TEXT_LENGTH),
      asOf: options.asOf,
      stated: { university: partners('university'), department: partners('department') },
    },
    home: options.home ?? base.home,
    regions: base.regions,
    countries: [...countries.values()],
    departments: [...departments.values()],
    institutions: [...institutions.values()],
    agreements,
    corrections: [],
  } satisfies Dataset);
  const summary: ImportSummary = { rows: results.length, placed: 0, approximate: 0, rejected: 0, byCity: 0, ambiguous: 0 };
  for (const r of results) {
    summary[r.status] += 1;
    if (r.status === 'placed' && r.place === 'city') summary.byCity += 1;
    if (r.status === 'placed' && r.ambiguousCity) summary.ambiguous += 1;
  }
  return { fileName, format: table.format, encoding: table.encoding, readNotes: table.notes, mapping, rows: results, summary, dataset };
}

/** Reads a list of agreements in one go (the command line; the page runs the steps in a worker). */
export async function importAgreements(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, fileName);
  return mapTable(table, detectMapping(table, options.columns), fileName, options);
}

export type RejectedRow = Extract<RowResult, { status: 'rejected' }>;

/** What the preview shows of a result: no dataset (it stays where it was made until applied), the first rows of each kind. */
export interface ImportPreview {
  fileName: string;
  format: TableFormat;
  encoding: TextEncodingName | null;
  /** The first `limit` of the reader's notes (a stray quote, replaced bytes), and how many there are. */
  readNotes: ReadNote[];
  readNoteCount: number;
  mapping: HeaderMapping;
  summary: ImportSummary;
  /** The first `limit` rejected rows, and the first `limit` rows placed by an ambiguous city name. */
  problems: RejectedRow[];
  ambiguous: AmbiguousRow[];
  /** Agreements the dataset holds, and how many of them have an end date. */
  agreements: number;
  withEndDate: number;
}

export function previewOf(result: ImportResult, limit: number): ImportPreview {
  const problems: RejectedRow[] = [];
  const ambiguous: AmbiguousRow[] = [];
  for (const row of result.rows) {
    if (row.status === 'rejected' && problems.length < limit) problems.push(row);
    if (row.status === 'placed' && row.ambiguousCity && ambiguous.length < limit) ambiguous.push(row as AmbiguousRow);
  }
  const { fileName, format, encoding, mapping, summary, dataset } = result;
  return {
    fileName,
    format,
    encoding,
    readNotes: result.readNotes.slice(0, limit),
    readNoteCount: result.readNotes.length,
    mapping,
    summary,
    problems,
    ambiguous,
    agreements: dataset.agreements.length,
    withEndDate: dataset.agreements.filter((a) => a.expires).length,
  };
}
