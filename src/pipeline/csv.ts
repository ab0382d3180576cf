// Reads a curation table (RFC 4180 CSV, fields split by d3-dsv) into rows that remember the line their record starts on.
import { csvParseRows } from 'd3';
import { PipelineError } from './errors';

export interface SourceFile {
  path: string;
  text: string;
}

export interface TableRow {
  file: string;
  /** The 1-based physical line the record starts on (a quoted field may carry it over later lines). */
  line: number;
  get(column: string): string;
  /** The value, or null when the cell is empty. */
  optional(column: string): string | null;
}

export interface TableOptions {
  /** Prose columns whose quoted values may span lines; a line break anywhere else is a typing slip. */
  multiline?: readonly string[];
}

interface RawRecord {
  line: number;
  text: string;
}

const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';

/**
 * Cuts the text into records at line breaks outside quotes, remembering the physical line each starts on; blank
 * lines are skipped. d3-dsv cannot say where a record starts, so the quoting is followed here, the way d3 reads
 * it: a `"` opens a quoted field only at the start of a field, and `""` inside one is a literal quote.
 */
function splitRecords(path: string, text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let line = 1;
  let start = 0;
  let startLine = 1;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i <= text.length; i += 1) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === undefined) throw new PipelineError(path, startLine, 'a quoted field is never closed (missing `"`)');
      if (ch === '"' && text[i + 1] === '"') i += 1;
      else if (ch === '"') {
        inQuotes = false;
        const next = text[i + 1];
        // d3 would silently take the next character for a comma; a stray quote is a typing slip to report.
        if (next !== undefined && next !== ',' && !isBreak(next))
          throw new PipelineError(path, line, 'text after the closing `"` of a quoted field (double a quote inside a field: `""`)');
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      continue;
    }
    if (ch === undefined || isBreak(ch)) {
      const record = text.slice(start, i);
      if (record.trim() !== '') records.push({ line: startLine, text: record });
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      start = i + 1;
      startLine = line;
      fieldStart = true;
      continue;
    }
    fieldStart = ch === ',';
  }
  return records;
}

const fieldsOf = (record: RawRecord): string[] => csvParseRows(record.text)[0] ?? [];

export function readTable(source: SourceFile, columns: readonly string[], options: TableOptions = {}): TableRow[] {
  const [headerRecord, ...records] = splitRecords(source.path, source.text.replace(/^\uFEFF/, ''));
  if (!headerRecord) throw new PipelineError(source.path, null, 'empty table (no header row)');
  const header = fieldsOf(headerRecord).map((name) => name.trim());
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    if (at.has(name)) throw new PipelineError(source.path, headerRecord.line, `duplicate column "${name}"`);
    at.set(name, i);
  });
  for (const column of columns) {
    if (!at.has(column)) throw new PipelineError(source.path, headerRecord.line, `missing column "${column}" (has: ${header.join(', ')})`);
  }
  const multiline = new Set(options.multiline ?? []);
  return records.map((record) => {
    const { line } = record;
    const values = fieldsOf(record);
    if (values.length !== header.length) {
      // Most often a `,` typed for `|` in a list column, which would silently shift every later value.
      throw new PipelineError(source.path, line, `${values.length} fields where the header (line ${headerRecord.line}) has ${header.length}`);
    }
    const value = (column: string): string => {
      const index = at.get(column);
      if (index === undefined) throw new PipelineError(source.path, line, `no column "${column}"`);
      const raw = values[index]!;
      if (!multiline.has(column) && /[\r\n]/.test(raw)) throw new PipelineError(source.path, line, `"${column}" contains a line break`);
      // CRLF or LF depending on the checkout; the dataset must not depend on it.
      return raw.replace(/\r\n?/g, '\n').trim();
    };
    return {
      file: source.path,
      line,
      get: value,
      optional(column) {
        const v = value(column);
        return v === '' ? null : v;
      },
    };
  });
}

export function required(row: TableRow, column: string): string {
  const value = row.get(column);
  if (value === '') throw new PipelineError(row.file, row.line, `empty "${column}"`);
  return value;
}
