// "Paste a table": a table copied from a web page or a spreadsheet, pasted here, is read like a file. The clipboard's
// HTML is parsed with DOMParser (an inert document: nothing in it runs or loads) and only its cells' text is taken;
// tab-separated text (a spreadsheet's copy, or typed) is read as it is (src/domain/import/paste.ts).
import { useRef } from 'react';
import { gridOfCells, pastedFileName, tsvBytesOf, type PastedCell } from '../../../domain/import/paste';
import type { Lang } from '../../../domain/schema';
import { t } from '../../../i18n/messages';

/** The first table of a pasted HTML fragment, as a grid; null when it has none. */
function htmlTableGrid(html: string): string[][] | null {
  const table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
  if (!table) return null;
  const rows: PastedCell[][] = Array.from(table.rows, (row) =>
    Array.from(row.cells, (cell) => ({ text: cell.textContent ?? '', rowSpan: cell.rowSpan, colSpan: cell.colSpan })),
  );
  return rows.length > 0 ? gridOfCells(rows) : null;
}

export function PasteTable({ lang, disabled, onTable }: { lang: Lang; disabled: boolean; onTable(file: File): void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const readText = (text: string) => {
    if (text.trim() === '') return;
    onTable(new File([text], pastedFileName(text), { type: 'text/plain' }));
  };
  return (
    <details className="import-paste">
      <summary>{t(lang, 'importPaste')}</summary>
      <p className="import-hint">{t(lang, 'importPasteHint')}</p>
      <textarea
        ref={area}
        rows={4}
        aria-label={t(lang, 'importPaste')}
        data-testid="import-paste"
        disabled={disabled}
        onPaste={(e) => {
          const html = e.clipboardData.getData('text/html');
          const grid = html ? htmlTableGrid(html) : null;
          if (grid) {
            e.preventDefault();
            onTable(new File([tsvBytesOf(grid) as BlobPart], 'pasted-table.tsv', { type: 'text/tab-separated-values' }));
            return;
          }
          const text = e.clipboardData.getData('text/plain');
          if (text.includes('\t')) {
            e.preventDefault();
            if (area.current) area.current.value = text;
            readText(text);
          }
        }}
      />
      <button type="button" className="link-button" disabled={disabled} onClick={() => readText(area.current?.value ?? '')} data-testid="import-paste-read">
        {t(lang, 'importPasteRead')}
      </button>
    </details>
  );
}
