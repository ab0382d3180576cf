// Reads a curation table (RFC 4180 CSV via d3-dsv) into rows that remember their file and line.
import { csvParse } from 'd3';
import { PipelineError } from './errors';

export interface SourceFile {
  path: string;
  text: string;
}

export interface TableRow {
  file: string;
  line: number;
  get(column: string): string;
  /** The value, or null when the cell is empty. */
  optional(column: string): string | null;
}

export function readTable(source: SourceFile, columns: readonly string[]): TableRow[] {
  const text = source.text.replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const header = csvParse(headerLine + '\n').columns;
  for (const column of columns) {
    if (!header.includes(column)) throw new PipelineError(source.path, 1, `missing column "${column}" (has: ${header.join(', ')})`);
  }
  // Line numbers: a quoted field may not contain a newline, so data row i sits on line i + 2.
  const physical = text.split(/\r?\n/);
  const parsed = csvParse(text);
  const rows: TableRow[] = [];
  let line = 1;
  for (const record of parsed) {
    line += 1;
    while (line <= physical.length && (physical[line - 1] ?? '').trim() === '') line += 1;
    const rowLine = line;
    for (const value of Object.values(record)) {
      if (value !== undefined && /[\r\n]/.test(value)) throw new PipelineError(source.path, rowLine, 'a field contains a line break');
    }
    rows.push({
      file: source.path,
      line: rowLine,
      get(column) {
        const value = record[column];
        if (value === undefined) throw new PipelineError(source.path, rowLine, `no column "${column}"`);
        return value.trim();
      },
      optional(column) {
        const value = (record[column] ?? '').trim();
        return value === '' ? null : value;
      },
    });
  }
  return rows;
}

export function required(row: TableRow, column: string): string {
  const value = row.get(column);
  if (value === '') throw new PipelineError(row.file, row.line, `empty "${column}"`);
  return value;
}
