// The importer: a file's bytes and name → rows → header mapping → one result per row (placed, approximate or
// rejected, with a reason and its row number), the heading rows skipped, what was inferred, and a Dataset the atlas
// can show. Pure: no DOM, no Node APIs; the page (in a worker, src/adapters/import) and `npm run import` both call
// it. The steps are exported one by one so that the page can read a file once and map it again when the person
// corrects a column: readTable (table.ts) → detectMapping (headers.ts) → mapTable (map-table.ts).
import { findHeader, mapHeaderRow, IMPORT_FIELDS, type HeaderMapping } from './headers';
import { mapTable } from './map-table';
import { readTable, type Table } from './table';
import { ImportError, type AmbiguousRow, type ColumnChoice, type ImportOptions, type ImportPreview, type ImportResult, type RejectedRow } from './types';
import { cellText } from './values';

export { mapTable } from './map-table';
export { cellText, PROGRESS_STEP } from './values';
export { DEFAULT_TITLE } from './home';
export * from './types';

const textRowsOf = (rows: Table['rows']) => rows.map((r) => ({ number: r.number, cells: r.cells.map(cellText) }));

/** Rows shown when no header is found, for the person to say which column is which. */
const FIRST_ROWS = 8;

/**
 * Which column holds what: found from the header row (headers.ts), then corrected by `columns` where given (a
 * column holds one field: giving it to a field takes it from another). Without a recognisable header, a correction
 * naming the name column makes the first non-empty row the header.
 */
export function detectMapping(table: Table, columns?: ColumnChoice): HeaderMapping {
  const head = textRowsOf(table.rows.slice(0, 40));
  const filled = head.filter((r) => r.cells.some((c) => c !== ''));
  const firstRow = filled[0];
  const found =
    findHeader(head) ?? (firstRow && columns ? { headerRow: firstRow.number, headerRows: 1 as const, columns: mapHeaderRow(firstRow.cells) } : null);
  if (!found)
    throw new ImportError(
      'no-header',
      'no header row: name the columns (大学名, 国・地域, 締結日 … or name, country, signed …)',
      firstRow ? firstRow.cells : [],
      filled.slice(0, FIRST_ROWS).map((r) => r.cells),
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

/** Whether mapping this table may need the city gazetteer: it has a city column with something in it, or names to look in. */
export function needsCities(table: Table, mapping: HeaderMapping): boolean {
  const city = mapping.columns.find((c) => c.field === 'city')?.index;
  if (city === undefined) return mapping.columns.some((c) => c.field === 'name' || c.field === 'nameJa' || c.field === 'nameEn');
  return table.rows.some((row) => row.number > mapping.headerRow && cellText(row.cells[city]) !== '');
}

/** Reads a list of agreements in one go (the command line; the page runs the steps in a worker). */
export async function importAgreements(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, fileName);
  return mapTable(table, detectMapping(table, options.columns), fileName, options);
}

export function previewOf(result: ImportResult, limit: number): ImportPreview {
  const problems: RejectedRow[] = [];
  const ambiguous: AmbiguousRow[] = [];
  const ambiguousInstitutions: ImportPreview['ambiguousInstitutions'] = [];
  const countryCorrections: ImportPreview['countryCorrections'] = [];
  let countryCorrectionCount = 0;
  for (const row of result.rows) {
    if (row.status === 'placed' && row.countryCorrected && countryCorrectionCount++ < limit)
      countryCorrections.push({ row: row.row, name: row.name, ...row.countryCorrected });
    if (row.status === 'rejected' && problems.length < limit) problems.push(row);
    if (row.status === 'placed' && row.ambiguousCity && ambiguous.length < limit) ambiguous.push(row as AmbiguousRow);
    if (row.status !== 'rejected' && row.ambiguousInstitution && ambiguousInstitutions.length < limit)
      ambiguousInstitutions.push({ row: row.row, name: row.name, candidates: row.ambiguousInstitution });
  }
  const { fileName, format, encoding, mapping, summary, dataset, inferred, guesses } = result;
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
    ambiguousInstitutions,
    countryCorrections,
    countryCorrectionCount,
    skipped: result.skipped.slice(0, limit),
    inferred,
    agreements: dataset.agreements.length,
    withEndDate: dataset.agreements.filter((a) => a.expires).length,
    guesses,
  };
}
