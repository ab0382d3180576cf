// The first sheet of an XLSX workbook as rows (read-excel-file), with merged cells filled from their top-left cell:
// a country written once beside the three partners it spans counts for each of them.
import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { UnreadableFileError, type Cell, type TableRow } from './rows';

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1` → [row index, column index], both 0-based. */
function address(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? [Number(m[2]) - 1, columnIndex(m[1]!)] : null;
}

/** The merged ranges of the workbook's first sheet (as read-excel-file reads the first sheet). */
export function mergedRanges(bytes: Uint8Array): [[number, number], [number, number]][] {
  const files = unzipSync(bytes, {
    filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name.startsWith('xl/worksheets/sheet'),
  });
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) return [];
  const relId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(strFromU8(workbook))?.[1];
  const target = relId
    ? (new RegExp(`<Relationship\\b[^>]*\\bId="${relId}"[^>]*\\bTarget="([^"]+)"`).exec(strFromU8(rels))?.[1] ??
      new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${relId}"`).exec(strFromU8(rels))?.[1])
    : undefined;
  if (!target) return [];
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = files[path];
  if (!sheet) return [];
  const ranges: [[number, number], [number, number]][] = [];
  for (const m of strFromU8(sheet).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z$0-9]+):([A-Z$0-9]+)"/g)) {
    const from = address(m[1]!);
    const to = address(m[2]!);
    if (from && to) ranges.push([from, to]);
  }
  return ranges;
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
  let data: Cell[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer)) as Cell[][];
  } catch (error) {
    throw new UnreadableFileError('xlsx', `${fileName}: not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const rows = data.map((cells) => [...cells]);
  for (const [[r0, c0], [r1, c1]] of mergedRanges(bytes)) {
    const value = rows[r0]?.[c0] ?? null;
    for (let r = r0; r <= r1; r++) {
      const row = rows[r] ?? [];
      rows[r] = row;
      for (let c = c0; c <= c1; c++) if (row[c] === null || row[c] === undefined) row[c] = value;
    }
  }
  // read-excel-file keeps empty leading rows, so a row's index + 1 is its row number in the sheet.
  return rows.map((cells, i) => ({ number: i + 1, cells: Array.from(cells, (c) => c ?? null) }));
}
