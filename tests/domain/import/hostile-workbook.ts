// Workbooks made in the test, XML written by hand: the smallest files that reproduce each attack (issue 27).
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

export function workbookXml(relId = 'rId1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="${relId}"/></sheets></workbook>`;
}

export function relsXml(relId = 'rId1', extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${extra}<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
}

/** A sheet of inline-string rows (`null` leaves a cell out), then anything else (mergeCells) after sheetData. */
export function sheetXml(rows: (string | null)[][], after = '', extraCells = ''): string {
  const letters = (n: number) => String.fromCharCode(65 + n);
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((value, c) => (value === null ? '' : `<c r="${letters(c)}${r + 1}" t="inlineStr"><is><t>${value}</t></is></c>`))
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}${extraCells}</sheetData>${after}</worksheet>`;
}

export function workbook(sheet: string, parts: { workbook?: string; rels?: string } = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'xl/workbook.xml': strToU8(parts.workbook ?? workbookXml()),
    'xl/_rels/workbook.xml.rels': strToU8(parts.rels ?? relsXml()),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

/** A workbook whose sheet is `head`, then `megabytes` MB of spaces, then `tail`: a few hundred KB on disk. */
export function inflatingWorkbook(head: string, megabytes: number, tail: string): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [name, xml] of [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['xl/workbook.xml', workbookXml()],
    ['xl/_rels/workbook.xml.rels', relsXml()],
  ] as const) {
    const file = new ZipDeflate(name);
    zip.add(file);
    file.push(strToU8(xml), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  sheet.push(strToU8(head), false);
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let n = 0; n < megabytes; n++) sheet.push(spaces, false);
  sheet.push(strToU8(tail), true);
  zip.end();
  const size = out.reduce((sum, c) => sum + c.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
