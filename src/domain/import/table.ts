// A file's rows, whatever its format: CSV or TSV text (UTF-8 or Shift_JIS), or the first sheet of an XLSX
// workbook (read lazily: the reader loads only when a workbook is opened).
import { decodeText, type TextEncodingName } from './decode';
import { parseDelimited } from './delimited';
import { MAX_CELL_LENGTH } from './limits';
import { UnreadableFileError, type Cell, type TableRow } from './rows';

export type { Cell, TableRow } from './rows';
export { UnreadableFileError } from './rows';

export type TableFormat = 'csv' | 'tsv' | 'xlsx';
/** Something the reader had to decide about a row: a stray quote read as text, bytes not in the file's encoding. */
export interface ReadNote {
  row: number;
  /** The reader's (a stray quote, replaced bytes), or the mapping's: a row's lat/lng swapped back, or outside its country (coordinates.ts). */
  code: 'unbalanced-quote' | 'replaced-bytes' | 'coordinates-swapped' | 'coordinates-outside';
  /** With coordinates-outside: the row's country (ISO alpha-2). */
  country?: string;
}

export interface Table {
  format: TableFormat;
  encoding: TextEncodingName | null;
  rows: TableRow[];
  notes: ReadNote[];
}

export { MAX_CELL_LENGTH } from './limits';

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one left open in a name reverses
 * the page's own text after it ("10-10-9991"). A list's names need none of them; the marks (U+200E/F) stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * A cell no list holds (a 20 MB one) refuses the file with its row, before any later step spends time on it; bidi
 * controls are taken out of every text cell.
 */
function checkCells(rows: readonly TableRow[], fileName: string): void {
  for (const row of rows) {
    const cells = row.cells as Cell[];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell !== 'string') continue;
      if (cell.length > MAX_CELL_LENGTH)
        throw new UnreadableFileError(
          'too-long',
          `${fileName}:${row.number}: a cell of ${cell.length.toLocaleString('en')} characters, longer than any list's`,
          row.number,
        );
      const clean = cell.replace(BIDI_CONTROLS, '');
      if (clean.length !== cell.length) cells[c] = clean;
    }
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** The legacy binary .xls (OLE2 compound file) signature. */
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** UTF-16LE "EncryptionInfo": the stream an Office file encrypted with a password keeps in its OLE directory. */
const ENCRYPTION_INFO = Uint8Array.from(Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]));

function isEncrypted(bytes: Uint8Array): boolean {
  const first = ENCRYPTION_INFO[0]!;
  for (let at = bytes.indexOf(first); at >= 0 && at <= bytes.length - ENCRYPTION_INFO.length; at = bytes.indexOf(first, at + 1)) {
    let n = 1;
    while (n < ENCRYPTION_INFO.length && bytes[at + n] === ENCRYPTION_INFO[n]) n++;
    if (n === ENCRYPTION_INFO.length) return true;
  }
  return false;
}

export interface ReadOptions {
  /** The text encoding a person chose in the preview, over the one decided from the bytes. */
  encoding?: TextEncodingName;
}

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<Table> {
  if (bytes.length === 0) throw new UnreadableFileError('empty', `${fileName}: the file is empty`);
  if (isOle(bytes)) {
    if (isEncrypted(bytes)) throw new UnreadableFileError('encrypted', `${fileName}: a workbook protected by a password; save a copy without one`);
    throw new UnreadableFileError('xls', `${fileName}: an old Excel (.xls) file; save it as .xlsx or CSV`);
  }
  if (isZip(bytes)) {
    const { readXlsx } = await import('./xlsx');
    const rows = await readXlsx(bytes, fileName);
    checkCells(rows, fileName);
    return { format: 'xlsx', encoding: null, rows, notes: [] };
  }
  const { text, encoding, replaced } = decodeText(bytes, options.encoding);
  const lineEnd = text.indexOf('\n');
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  // A .tsv, or a text whose first line has more tabs than commas (Excel's "Unicode text").
  const tabs = /\.tsv$/i.test(fileName) || (firstLine.split('\t').length > firstLine.split(',').length && !/\.csv$/i.test(fileName));
  const { records, unbalancedQuotes } = parseDelimited(text, tabs ? '\t' : ',');
  const rows = records.map((cells, i) => ({ number: i + 1, cells }));
  checkCells(rows, fileName);
  return {
    format: tabs ? 'tsv' : 'csv',
    encoding,
    rows,
    notes: [
      ...unbalancedQuotes.map((row) => ({ row, code: 'unbalanced-quote' as const })),
      ...(replaced > 0
        ? rows.filter((row) => row.cells.some((cell) => cell.includes('\ufffd'))).map((row) => ({ row: row.number, code: 'replaced-bytes' as const }))
        : []),
    ].sort((a, b) => a.row - b.row),
  };
}
