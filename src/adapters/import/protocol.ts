// The messages between the page and the import worker (import.worker.ts): the page sends a file once, then
// corrected mappings, then asks for the dataset when the person applies it; the worker answers with progress,
// a preview (never the whole dataset, which would cost the page a long task to receive) or a failure. One worker
// reads the files opened together: each message names its file's job.
import type { ColumnChoice, ImportOptions, ImportPreview } from '../../domain/import/importer';
import type { TextEncodingName } from '../../domain/import/decode';
import type { UnreadableCode } from '../../domain/import/rows';
import type { Dataset } from '../../domain/schema';

/** Which file a message is about (a number the page gives each file it sends). */
interface OfJob {
  job: number;
}

export type ImportRequest = OfJob &
  (
    | {
        kind: 'read';
        bytes: ArrayBuffer;
        fileName: string;
        base: Dataset;
        asOf: string;
        citiesUrl: string;
        institutionsUrl: string;
        encoding?: TextEncodingName;
      }
    /** Map again: with corrected columns, reading choices, or whose list it is (the dialog's home, title, as-of); each kept until changed. */
    | { kind: 'remap'; columns?: ColumnChoice; choices?: ReadingChoices; whose?: WhoseChoice }
    | { kind: 'dataset' }
    /** The page stopped reading this file: the worker drops it (the other files read on). */
    | { kind: 'close' }
  );

/** Whose list it is, as the person gave it in the preview: empty or absent fields leave the file's guess. */
export interface WhoseChoice {
  homeName?: string;
  title?: string;
  /** YYYY-MM. */
  asOf?: string;
}

/** The person's answers to what the preview asks: the dates' day/month order, and rows whose date cannot be read. */
export type ReadingChoices = Pick<ImportOptions, 'dayOrder' | 'undatedRows'>;

export type ImportPhase = 'reading' | 'cities' | 'mapping';

/** Why a file gave no rows at all: ImportError's and UnreadableFileError's codes, or something unforeseen. */
export type FailureCode = 'no-header' | 'no-rows' | UnreadableCode | 'other';

export interface ImportFailure {
  code: FailureCode;
  message: string;
  /** With no-header: the first row's cells, so that the person can say which column is which. */
  firstRow: string[];
  /** With too-long: the row holding the cell. */
  row?: number;
  /** With no-header: the first rows, shown as a table. */
  firstRows?: string[][];
}

export type ImportReply = OfJob &
  (
    | { kind: 'progress'; phase: ImportPhase; done: number; total: number }
    | { kind: 'preview'; preview: ImportPreview; citiesUnavailable: boolean }
    | { kind: 'failed'; failure: ImportFailure }
    /**
     * The dataset as UTF-8 JSON, transferred rather than cloned: parsing JSON costs the page a fraction of what
     * receiving 40,000 agreements as a structured clone does, and the app keeps the bytes as they are (IndexedDB).
     */
    | { kind: 'dataset'; json: ArrayBuffer }
  );
