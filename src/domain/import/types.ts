// The importer's types: what a row became, what the preview shows, the options the page and the command line pass.
// Reject reasons are codes here; their words (Japanese and English) are in src/i18n/import-catalog.ts.
import type { Bilingual, Dataset, HomePlace, Placement } from '../schema';
import type { CityLookup } from './cities';
import type { DayOrder } from './dates';
import type { TextEncodingName } from './decode';
import type { HeaderMapping, ImportField } from './headers';
import type { Whose } from './home';
import type { InstitutionLookup } from './institution-lookup';
import type { ReadNote, TableFormat } from './table';

/** Why a row was not read, as codes (the words: import-catalog.ts, REJECT_REASON_KEYS). */
export const REJECT_CODES = [
  'no-name',
  'no-country',
  'unknown-country',
  'unresolved-country',
  'impossible-date',
  'unreadable-date',
  'day-order',
  'after-as-of',
  'impossible-expiry',
  'unreadable-expiry',
  'expires-before-signed',
  'bad-coordinates',
  'no-position',
  'too-long',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** How a placed row got its point (the same words as the dataset's Institution.placement). */
export type PlaceSource = Placement;

export type RowResult =
  | {
      row: number;
      status: 'placed';
      name: string;
      institutionId: string;
      agreementId: string;
      place: Exclude<PlaceSource, 'country'>;
      /** Placed by a city name that several cities of its country share: the most populous was chosen. */
      ambiguousCity?: { city: string; country: string; candidates: number };
      /** The institution lookup found several institutions of this name (none chosen): their names. */
      ambiguousInstitution?: string[];
      /** The row's stated (or filled-down) country, corrected from the name (place.ts): ISO2 codes. */
      countryCorrected?: { from: string; to: string };
    }
  | { row: number; status: 'approximate'; name: string; institutionId: string; agreementId: string; place: 'country'; ambiguousInstitution?: string[] }
  | { row: number; status: 'rejected'; reason: RejectCode; value: string };

export type PlacedRow = Extract<RowResult, { status: 'placed' }>;
export type AmbiguousRow = PlacedRow & { ambiguousCity: NonNullable<PlacedRow['ambiguousCity']> };
export type RejectedRow = Extract<RowResult, { status: 'rejected' }>;

export interface ImportSummary {
  rows: number;
  placed: number;
  approximate: number;
  rejected: number;
  /** Of the placed rows, those placed by their city (the gazetteer), and those whose city name was ambiguous. */
  byCity: number;
  ambiguous: number;
  /** Heading rows inside the table (アジア州(6), 【アジア】, footnotes): neither partners nor errors, not in `rows`. */
  skipped: number;
}

/** A heading row skipped: its row number and text. */
export interface SkippedRow {
  row: number;
  /** `header`: the table's header written again inside it (a page of groups, each under its own header). */
  kind: 'region' | 'footnote' | 'total' | 'country' | 'header';
  text: string;
}

/** What the importer inferred beyond the cells as written: the preview lists it. */
export interface Inferred {
  /** Blank cells filled from the row above (merged cells saved as blanks), per field. */
  filled: Partial<Record<'country' | 'area' | 'level' | 'department' | 'name', number>>;
  /** Blank country cells resolved by the partner's name (the institution lookup, or a country named in it). */
  countryByName: number;
  /** Rows whose level (university-wide or department) was read from a level column (区分: 大学間, 部局間). */
  levelsFromColumn: number;
  /** The signing dates' day/month order: read from the column, chosen (options.dayOrder), or undecided (ask). */
  dayOrder: { order: DayOrder; chosen: boolean } | 'undecided' | null;
  /** Rows whose date could not be read: kept undated or left out as options.undatedRows says, or rejected (ask). */
  unreadableDates: number;
  /** When every row names the same home university (a home column), its name: the home guess. */
  home: string | null;
  /** When the home column names several universities: each home, the names the column gives it, and its rows. */
  homes?: InferredHome[];
  /** With `homes`: rows before the first home the column names (they are the list's home's). */
  homeless?: number;
}

/** A home read from a home column (column-homes.ts): how it was placed, as a list's home is, or at its country's centre. */
export interface InferredHome {
  id: string;
  name: Bilingual;
  names: string[];
  how: 'built-in' | 'institution' | 'city' | 'country';
  rows: number;
}

export interface ImportResult {
  fileName: string;
  format: TableFormat;
  encoding: TextEncodingName | null;
  /** What the reader decided about rows (table.ts): a stray quote read as text, bytes replaced. */
  readNotes: ReadNote[];
  mapping: HeaderMapping;
  rows: RowResult[];
  skipped: SkippedRow[];
  inferred: Inferred;
  summary: ImportSummary;
  dataset: Dataset;
  /** Whose list it is (home.ts): what the file says, and the home, title and as-of month the dataset got. */
  guesses: Whose;
}

/** A corrected mapping: field → 0-based column, or null for "not used". Fields left out keep what the header says. */
export type ColumnChoice = Partial<Record<ImportField, number | null>>;

export interface ImportOptions {
  /** The built-in dataset: its institutions are matched by name, its countries and regions reused. */
  base: Dataset;
  /** The month the list is as of (YYYY-MM) when neither the person nor the file says: later signing dates are rejected. */
  asOf: string;
  /** The as-of month the person gave (--as-of, the dialog): wins over the file's ("平成16年5月1日現在"). */
  asOfStated?: string;
  title?: Bilingual;
  home?: HomePlace;
  /** The home institution named by the person (--home, the dialog), resolved by home.ts; else the file's guess. */
  homeName?: string;
  /** A corrected mapping, replacing what the header row says for the fields it names. */
  columns?: ColumnChoice;
  /** Cities to coordinates (cities.ts): rows with a known city are placed there rather than at the country's middle. */
  cities?: CityLookup;
  /** Partner names to institutions (the institution gazetteer, institution-lookup.ts), tried after the built-in ones. */
  institutions?: InstitutionLookup;
  /** How to read 03/04/2017 when the column does not tell (the person's choice). */
  dayOrder?: DayOrder;
  /** Rows whose date cannot be read: kept undated, or left out; without a choice they are listed as problems (ask). */
  undatedRows?: 'keep' | 'drop';
  /** Called every PROGRESS_STEP rows and at the end: rows mapped so far, and the data rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The file's problem as a whole (no header, unreadable workbook): nothing to show row by row. */
export class ImportError extends Error {
  constructor(
    readonly code: 'no-header' | 'no-rows',
    message: string,
    /** With no-header: the first rows' cells, so that a person can say which column holds what. */
    readonly firstRow: readonly string[] = [],
    readonly firstRows: readonly (readonly string[])[] = [],
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

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
  /** Rows whose name fits several institutions of the gazetteer (none chosen): the first `limit`. */
  ambiguousInstitutions: { row: number; name: string; candidates: string[] }[];
  /** Rows whose stated country the name corrected (ISO2 codes), the first `limit`, and how many there are. */
  countryCorrections: { row: number; name: string; from: string; to: string }[];
  countryCorrectionCount: number;
  /** The heading rows skipped (the first `limit`). */
  skipped: SkippedRow[];
  inferred: Inferred;
  /** Agreements the dataset holds, and how many of them have an end date. */
  agreements: number;
  withEndDate: number;
  /** Whose list it is: the guesses, the home as resolved (or why not), the title and as-of month the dataset got. */
  guesses: Whose;
}

/**
 * Whether the list still needs its home named (the dialog's field, --home): its own is not found, and not every row
 * names its home in a home column (a list of several universities needs none).
 */
export function listHomeNeeded(result: { guesses: Pick<Whose, 'home'>; inferred: { homes?: readonly unknown[]; homeless?: number } }): boolean {
  if (result.guesses.home?.ok) return false;
  return !(result.inferred.homes && result.inferred.homeless === 0);
}
