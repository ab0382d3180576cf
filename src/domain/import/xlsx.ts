// The first sheet of an XLSX workbook as rows, with merged cells filled from their top-left cell (a country written
// once beside the three partners it spans counts for each of them). A reader of its own rather than a library's, so
// that a hostile workbook is refused, not obeyed: entries inflate under caps (zip-capped.ts), the XML is scanned
// without a DOM or any pattern built from its text (xml-scan.ts), only rows holding data are kept (a cell styled at
// XFD1048576 costs nothing), merged ranges are clipped to those rows and to the last column holding data, and a
// sheet past XLSX_LIMITS is refused with the reason.
import { XLSX_LIMITS } from './limits';
import { UnreadableFileError, type Cell, type TableRow } from './rows';
import { attribute, scanXml, type XmlTag } from './xml-scan';
import { unzipCapped } from './zip-capped';

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array | undefined) => (bytes ? decoder.decode(bytes) : '');

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1` or `$A$1` → [row index, column index], both 0-based; null for anything else. */
export function cellAddress(ref: string): [number, number] | null {
  let i = 0;
  if (ref[i] === '$') i++;
  const lettersFrom = i;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  const letters = ref.slice(lettersFrom, i);
  if (ref[i] === '$') i++;
  const digits = ref.slice(i);
  if (letters.length < 1 || letters.length > 3 || digits.length < 1 || digits.length > 7) return null;
  for (const ch of digits) if (ch < '0' || ch > '9') return null;
  const row = Number(digits) - 1;
  const column = columnIndex(letters);
  return row >= 0 && row < 1_048_576 && column < 16_384 ? [row, column] : null;
}

/** Where a relationship's target lives in the archive. */
function resolve(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

interface Parts {
  sheetPath: string | null;
  date1904: boolean;
}

function workbookParts(workbook: string, rels: string): Parts {
  let relId: string | undefined;
  let date1904 = false;
  for (const token of scanXml(workbook)) {
    if (token.kind !== 'tag' || token.tag.closing) continue;
    if (token.tag.name === 'workbookPr') {
      const value = attribute(token.tag.attrs, 'date1904');
      date1904 = value === '1' || value === 'true';
    }
    if (token.tag.name === 'sheet' && relId === undefined) relId = attribute(token.tag.attrs, 'r:id');
  }
  let sheetPath: string | null = null;
  if (relId !== undefined)
    for (const token of scanXml(rels)) {
      if (token.kind !== 'tag' || token.tag.name !== 'Relationship') continue;
      // A string compared, never a pattern: the id is the file's text.
      if (attribute(token.tag.attrs, 'Id') !== relId) continue;
      const target = attribute(token.tag.attrs, 'Target');
      if (target) sheetPath = resolve(target);
      break;
    }
  return { sheetPath, date1904 };
}

/** The shared strings, without phonetic guides (the furigana Japanese Excel keeps beside a name). */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for (const token of scanXml(xml)) {
    if (token.kind === 'text') {
      if (inText && phonetic === 0 && current !== null) current += token.text;
      continue;
    }
    const { name, closing, empty } = token.tag;
    if (name === 'si') {
      if (closing) {
        strings.push(current ?? '');
        current = null;
      } else if (empty) strings.push('');
      else current = '';
    } else if (name === 't') inText = !closing && !empty;
    else if (name === 'rPh' && !empty) phonetic += closing ? -1 : 1;
  }
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format shows a date: a d, m, y, h, s or era letter outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  if (code.toLowerCase() === 'general') return false;
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (inQuote) inQuote = ch !== '"';
    else if (inBracket) inBracket = ch !== ']';
    else if (ch === '"') inQuote = true;
    else if (ch === '[') inBracket = true;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if ('dmyhsgDMYHSG'.includes(ch)) return true;
  }
  return false;
}

/** Per style index (a cell's `s`), whether it shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for (const token of scanXml(xml)) {
    if (token.kind !== 'tag') continue;
    const { name, closing, attrs } = token.tag;
    if (name === 'numFmt' && !closing) custom.set(Number(attribute(attrs, 'numFmtId')), isDateFormat(attribute(attrs, 'formatCode') ?? ''));
    else if (name === 'cellXfs') inCellXfs = !closing && !token.tag.empty;
    else if (name === 'xf' && inCellXfs && !closing) {
      const id = Number(attribute(attrs, 'numFmtId') ?? 0);
      styles.push(custom.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
    }
  }
  return styles;
}

const DAY = 86_400_000;

function excelDate(serial: number, date1904: boolean): Date {
  // Day 25,569 of the 1900 system is 1970-01-01 (Excel counts a 29 February 1900 that never was).
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25_569) * DAY));
}

interface OpenCell {
  tag: XmlTag;
  value: string;
  collecting: boolean;
  phonetic: number;
}

function cellValue(open: OpenCell, strings: readonly string[], dates: readonly boolean[], date1904: boolean): Cell {
  const type = attribute(open.tag.attrs, 't') ?? 'n';
  const raw = open.value;
  if (type === 'inlineStr' || type === 'str') return raw.trim() === '' ? null : raw.trim();
  if (raw === '') return null;
  if (type === 's') return strings[Number(raw)]?.trim() || null;
  if (type === 'b') return raw === '1' || raw === 'true';
  // An error (#REF!, #N/A, #VALUE!) is kept as its text, for the row to say what it is.
  if (type === 'e') return raw.trim();
  if (type === 'd') {
    const date = new Date(raw);
    return Number.isNaN(date.getTime()) ? raw : date;
  }
  const number = Number(raw);
  if (!Number.isFinite(number)) return raw.trim();
  return dates[Number(attribute(open.tag.attrs, 's') ?? 0)] ? excelDate(number, date1904) : number;
}

interface SheetRows {
  rows: TableRow[];
  merges: [[number, number], [number, number]][];
  lastColumn: number;
}

function sheetRows(xml: string, strings: readonly string[], dates: readonly boolean[], date1904: boolean, fileName: string): SheetRows {
  const rows: TableRow[] = [];
  const merges: [[number, number], [number, number]][] = [];
  let lastColumn = -1;
  let kept = 0;
  let rowIndex = -1;
  let cells: Cell[] = [];
  let column = -1;
  let open: OpenCell | null = null;
  const tooManyCells = () => {
    throw new UnreadableFileError(
      'too-many-cells',
      `${fileName}: the sheet spreads over more than ${XLSX_LIMITS.cells.toLocaleString('en')} cells, more than any list of agreements`,
    );
  };
  const endRow = () => {
    if (cells.length === 0) return;
    if (rows.length >= XLSX_LIMITS.rows)
      throw new UnreadableFileError(
        'too-many-cells',
        `${fileName}: more than ${XLSX_LIMITS.rows.toLocaleString('en')} rows hold data, more than any list of agreements`,
      );
    kept += cells.length;
    if (kept > XLSX_LIMITS.cells) tooManyCells();
    rows.push({ number: rowIndex + 1, cells });
    cells = [];
  };
  for (const token of scanXml(xml)) {
    if (token.kind === 'text') {
      if (open?.collecting && open.phonetic === 0) open.value += token.text;
      continue;
    }
    const { tag } = token;
    if (open) {
      if (tag.name === 'c' && tag.closing) {
        const value = cellValue(open, strings, dates, date1904);
        if (value !== null) {
          if (kept + column + 1 > XLSX_LIMITS.cells) tooManyCells();
          while (cells.length < column) cells.push(null);
          cells[column] = value;
          if (column > lastColumn) lastColumn = column;
        }
        open = null;
      } else if (tag.name === 'v' || tag.name === 't') open.collecting = !tag.closing && !tag.empty;
      else if (tag.name === 'rPh' && !tag.empty) open.phonetic += tag.closing ? -1 : 1;
      continue;
    }
    if (tag.name === 'row') {
      if (tag.closing) continue;
      endRow();
      const r = Number(attribute(tag.attrs, 'r'));
      rowIndex = Number.isInteger(r) && r > rowIndex && r <= 1_048_576 ? r - 1 : rowIndex + 1;
      column = -1;
    } else if (tag.name === 'c' && !tag.closing) {
      const ref = attribute(tag.attrs, 'r');
      const at = ref ? cellAddress(ref) : null;
      if (at && at[0] !== rowIndex) {
        endRow();
        rowIndex = at[0];
      }
      column = at ? at[1] : column + 1;
      if (!tag.empty) open = { tag, value: '', collecting: false, phonetic: 0 };
    } else if (tag.name === 'mergeCell' && !tag.closing) {
      const [from, to] = (attribute(tag.attrs, 'ref') ?? '').split(':');
      const a = from ? cellAddress(from) : null;
      const b = to ? cellAddress(to) : null;
      if (a && b) merges.push([a, b]);
    } else if (tag.name === 'sheetData' && tag.closing) endRow();
  }
  endRow();
  return { rows, merges, lastColumn };
}

/** Fills merged ranges from their top-left cell, in the rows that hold data and up to the last column that does. */
function fillMerges({ rows, merges, lastColumn }: SheetRows): void {
  if (merges.length === 0) return;
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  for (const [[r0, c0], [r1, c1]] of merges) {
    const value = byNumber.get(r0 + 1)?.cells[c0] ?? null;
    if (value === null) continue;
    const last = Math.min(c1, lastColumn);
    // Over the rows that exist, never every row the range claims (A3:XFD1048576 is one line of XML).
    for (const row of rows) {
      if (row.number < r0 + 1 || row.number > r1 + 1) continue;
      for (let c = c0; c <= last; c++) {
        while (row.cells.length < c) row.cells.push(null);
        if (row.cells[c] === null || row.cells[c] === undefined) row.cells[c] = value;
      }
    }
  }
}

/** The merged ranges of the workbook's first sheet, as [row, column] pairs (0-based). */
export function mergedRanges(bytes: Uint8Array): [[number, number], [number, number]][] {
  return readSheet(bytes, 'workbook').merges;
}

function readSheet(bytes: Uint8Array, fileName: string): SheetRows {
  const files = unzipCapped(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' ||
      name === 'xl/_rels/workbook.xml.rels' ||
      name === 'xl/sharedStrings.xml' ||
      name === 'xl/styles.xml' ||
      name.startsWith('xl/worksheets/'),
    fileName,
  );
  const workbook = files.get('xl/workbook.xml');
  if (!workbook) throw new UnreadableFileError('xlsx', `${fileName}: not a readable XLSX workbook (no xl/workbook.xml)`);
  const { sheetPath, date1904 } = workbookParts(text(workbook), text(files.get('xl/_rels/workbook.xml.rels')));
  const sheet = (sheetPath && files.get(sheetPath)) || files.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new UnreadableFileError('xlsx', `${fileName}: not a readable XLSX workbook (its first sheet is missing)`);
  const strings = sharedStrings(text(files.get('xl/sharedStrings.xml')));
  const dates = dateStyles(text(files.get('xl/styles.xml')));
  return sheetRows(text(sheet), strings, dates, date1904, fileName);
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
  const sheet = readSheet(bytes, fileName);
  fillMerges(sheet);
  return sheet.rows;
}
