// A table's rows and cells, whatever file they came from, and the error for a file that gives none.

export type Cell = string | number | boolean | Date | null;
export interface TableRow {
  /** Row number in the file: the CSV record number (the first is 1), or the sheet's row number. */
  number: number;
  cells: Cell[];
}
export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'xls' | 'empty' | 'xlsx',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
