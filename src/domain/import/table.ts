// A file's rows, whatever its format: CSV or TSV text (UTF-8 or Shift_JIS), or the first sheet of an XLSX
// workbook (read lazily: the reader loads only when a workbook is opened).
import { csvParseRows, tsvParseRows } from 'd3';
import { decodeText, type TextEncodingName } from './decode';
import { UnreadableFileError, type TableRow } from './rows';

export type { Cell, TableRow } from './rows';
export { UnreadableFileError } from './rows';

export type TableFormat = 'csv' | 'tsv' | 'xlsx';
export interface Table {
  format: TableFormat;
  encoding: TextEncodingName | null;
  rows: TableRow[];
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** The legacy binary .xls (OLE2 compound file) signature. */
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw new UnreadableFileError('empty', `${fileName}: the file is empty`);
  if (isOle(bytes)) throw new UnreadableFileError('xls', `${fileName}: an old Excel (.xls) file; save it as .xlsx or CSV`);
  if (isZip(bytes)) {
    const { readXlsx } = await import('./xlsx');
    return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes, fileName) };
  }
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A .tsv, or a text whose first line has more tabs than commas (Excel's "Unicode text").
  const tabs = /\.tsv$/i.test(fileName) || (firstLine.split('\t').length > firstLine.split(',').length && !/\.csv$/i.test(fileName));
  const records = (tabs ? tsvParseRows : csvParseRows)(text);
  return {
    format: tabs ? 'tsv' : 'csv',
    encoding,
    rows: records.map((cells, i) => ({ number: i + 1, cells })),
  };
}
