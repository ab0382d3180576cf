// A table's rows and cells, whatever file they came from, and the error for a file that gives none.

export type Cell = string | number | boolean | Date | null;
export interface TableRow {
  /** Row number in the file: the CSV record number (the first is 1), or the sheet's row number. */
  number: number;
  cells: Cell[];
}
/**
 * xls: an old binary workbook; encrypted: a password-protected workbook; xlsx: a damaged one; too-big: it inflates
 * past the caps (zip-capped.ts); too-many-cells: its sheet holds more rows or cells than XLSX_LIMITS; too-long: a cell
 * longer than any list's (table.ts MAX_CELL_LENGTH).
 */
export type UnreadableCode = 'xls' | 'encrypted' | 'empty' | 'xlsx' | 'too-big' | 'too-many-cells' | 'too-long';
export class UnreadableFileError extends Error {
  constructor(
    readonly code: UnreadableCode,
    message: string,
    /** With too-long: the row (record number) holding the cell. */
    readonly row?: number,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
