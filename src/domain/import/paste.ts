// A table pasted into the page, read like a file: an HTML table (a web page's or a spreadsheet's copy, whose cells
// the page takes from the clipboard's text/html with DOMParser: text only, never markup) laid out on a grid, its
// merged cells (rowspan/colspan) repeated into every slot they cover as a workbook's are (xlsx.ts); or tab-separated
// text as it is. Either becomes TSV bytes for readTable, so the page and `npm run import` read it the same way.
import { tsvFormatRows } from 'd3';

export interface PastedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Spans beyond this are a page's layout trick, not a table's merged cells. */
const MAX_SPAN = 1000;

/** The grid of an HTML table's rows: each cell in the first free slot of its row, repeated over its span. */
export function gridOfCells(rows: readonly (readonly PastedCell[])[]): string[][] {
  const grid: string[][] = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c += 1;
      const rowSpan = Math.min(Math.max(1, cell.rowSpan || 1), MAX_SPAN, rows.length - r);
      const colSpan = Math.min(Math.max(1, cell.colSpan || 1), MAX_SPAN);
      const text = cell.text.replace(/\s+/g, ' ').trim();
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc += 1) row[c + dc] = text;
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ''));
}

/** TSV text of a grid (cells holding tabs, quotes or line breaks quoted), as bytes for readTable. */
export function tsvBytesOf(grid: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(tsvFormatRows(grid.map((row) => [...row])));
}

/** The file name a pasted text is read under: tab-separated (a spreadsheet's copy) or, without tabs, comma-separated. */
export const pastedFileName = (text: string): string => (text.includes('\t') ? 'pasted-table.tsv' : 'pasted-table.csv');
