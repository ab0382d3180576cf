// What the importer reads at most (issue 27): past these a file is refused with its reason, before the memory is
// taken. A national list (every Japanese university's agreements, ~42,000 rows) is far below each.

/** Inflated bytes of one workbook entry, and of all the entries read: a 200,000-row list's sheet is ~60 MB of XML. */
export const ZIP_LIMITS = { entryBytes: 128 * 1024 * 1024, totalBytes: 192 * 1024 * 1024 } as const;

export const XLSX_LIMITS = {
  /** Rows holding data: over ten times the national list. */
  rows: 500_000,
  /** Cells kept, counting the empty ones before a row's last value (a row is padded to its last value only). */
  cells: 20_000_000,
} as const;

/** Characters in one cell: a name is at most 400 (schema), a note a few thousand; a megabyte is no list's cell. */
export const MAX_CELL_LENGTH = 1_000_000;
