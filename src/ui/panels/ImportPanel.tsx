// "Open your list": reads a CSV, TSV or XLSX list of agreements in the page (src/domain/import, on the main thread
// for now), shows what it made of each row, and hands the dataset to the app to show instead of the built-in one.
import { useCallback, useId, useRef, useState } from 'react';
import type { ImportResult, RejectCode, RowResult } from '../../domain/import/importer';
import type { Dataset, Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useDismiss } from '../use-dismiss';

const REASON_KEYS = {
  'no-name': 'importReason_noName',
  'no-country': 'importReason_noCountry',
  'unknown-country': 'importReason_unknownCountry',
  'impossible-date': 'importReason_impossibleDate',
  'unreadable-date': 'importReason_unreadableDate',
  'after-as-of': 'importReason_afterAsOf',
  'bad-coordinates': 'importReason_badCoordinates',
  'no-position': 'importReason_noPosition',
  'too-long': 'importReason_tooLong',
} as const satisfies Record<RejectCode, string>;

/** Problems listed at most: a list of thousands of bad rows says enough with its first hundred. */
const MAX_PROBLEMS = 100;

type ReadState = { status: 'idle' } | { status: 'reading' } | { status: 'read'; result: ImportResult } | { status: 'failed'; error: string };

export interface ImportPanelProps {
  lang: Lang;
  /** The built-in dataset: its institutions place the list's partners by name. */
  base: Dataset;
  /** The file name of the list shown now, or null for the built-in list. */
  importedFile: string | null;
  onApply(dataset: Dataset, fileName: string): void;
  onReset(): void;
}

function Problem({ lang, row }: { lang: Lang; row: Extract<RowResult, { status: 'rejected' }> }) {
  const reason = t(lang, REASON_KEYS[row.reason]);
  return (
    <li data-testid="import-problem" data-row={row.row} data-reason={row.reason}>
      {row.value ? t(lang, 'importProblemValue', { row: row.row, reason, value: row.value }) : t(lang, 'importProblem', { row: row.row, reason })}
    </li>
  );
}

export function ImportPanel({ lang, base, importedFile, onApply, onReset }: ImportPanelProps) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ReadState>({ status: 'idle' });
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, () => open, close, trigger);

  const read = async (file: File) => {
    setState({ status: 'reading' });
    try {
      // Loaded on first use: the importer and its XLSX reader stay out of the page's first download.
      const { importAgreements } = await import('../../domain/import/importer');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await importAgreements(bytes, file.name, { base, asOf: new Date().toISOString().slice(0, 7) });
      setState({ status: 'read', result });
    } catch (error) {
      setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const result = state.status === 'read' ? state.result : null;
  const problems = result ? result.rows.filter((r): r is Extract<RowResult, { status: 'rejected' }> => r.status === 'rejected') : [];
  return (
    <div className="import-menu" ref={root}>
      <button type="button" className="header-button" ref={trigger} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="import-open">
        {t(lang, 'importOpen')}
      </button>
      {open && (
        <section className="import-popover" aria-labelledby={titleId} data-testid="import-panel">
          <h2 id={titleId}>{t(lang, 'importTitle')}</h2>
          <p className="import-hint">{t(lang, 'importHint')}</p>
          <label className="import-file">
            <span>{t(lang, 'importFile')}</span>
            <input
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void read(file);
              }}
            />
          </label>
          {state.status === 'reading' && <p role="status">{t(lang, 'importReading')}</p>}
          {state.status === 'failed' && (
            <p role="alert" data-testid="import-error">
              {t(lang, 'importFailed', { error: state.error })}
            </p>
          )}
          {result && (
            <>
              <p
                role="status"
                data-testid="import-summary"
                data-rows={result.summary.rows}
                data-placed={result.summary.placed}
                data-approximate={result.summary.approximate}
                data-rejected={result.summary.rejected}
              >
                {t(lang, 'importSummary', result.summary)}
              </p>
              {problems.length > 0 && (
                <ul className="import-problems">
                  {problems.slice(0, MAX_PROBLEMS).map((row) => (
                    <Problem key={row.row} lang={lang} row={row} />
                  ))}
                </ul>
              )}
              <button
                type="button"
                className="header-button"
                disabled={result.dataset.agreements.length === 0}
                onClick={() => {
                  onApply(result.dataset, result.fileName);
                  setOpen(false);
                }}
                data-testid="import-apply"
              >
                {t(lang, 'importApply')}
              </button>
            </>
          )}
          {importedFile !== null && (
            <p className="import-current">
              {t(lang, 'importShowing', { file: importedFile })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onReset();
                  setOpen(false);
                }}
                data-testid="import-reset"
              >
                {t(lang, 'importReset')}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
