// The "Open your list" dialog, loaded on first use with its messages: a file (chosen or dropped on the page) is
// read in a worker (src/adapters/import) with progress and Cancel; the preview shows the summary, the columns as
// read (correctable), the rows not read and the ambiguous city names; "Show this list" hands the dataset to the app.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnMapping } from '../../../domain/import/headers';
import type { Whose } from '../../../domain/import/home';
import type { ColumnChoice, ImportPreview, RejectedRow } from '../../../domain/import/importer';
import { listHomeNeeded } from '../../../domain/import/types';
import type { Dataset, Lang } from '../../../domain/schema';
import { IMPORT_CATALOG, REJECT_REASON_KEYS } from '../../../i18n/import-catalog';
import { addMessages, t } from '../../../i18n/messages';
import {
  startImport,
  type ImportFailure,
  type ImportJob,
  type ImportProgress,
  type ReadingChoices,
  type WhoseChoice,
} from '../../../adapters/import/import-job';
import { IMPORT_FIELDS } from '../../../domain/import/headers';
import { applyChoice, ColumnChoices } from './ColumnChoices';
import { ReadNotes } from './ReadNotes';
import { refusalText } from './refusal-text';
import type { TextEncodingName } from '../../../domain/import/decode';
import { PasteTable } from './PasteTable';
import { FirstRows, PreviewDetails } from './PreviewDetails';
import { WhoseList } from './WhoseList';

addMessages(IMPORT_CATALOG);

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; progress: ImportProgress | null }
  | { kind: 'preview'; preview: ImportPreview; citiesUnavailable: boolean }
  | { kind: 'applying'; preview: ImportPreview }
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'cancelled' };

export interface ImportDialogProps {
  lang: Lang;
  open: boolean;
  titleId: string;
  base: Dataset;
  importedFile: string | null;
  /** A file dropped on the page: read as soon as it changes. */
  dropped: File | null;
  /** The dataset, and the same as JSON (kept by the app for the next visit): settles once the list is stored. */
  onApply(dataset: Dataset, fileName: string, json: Blob): Promise<void>;
  onReset(): void;
  onClose(): void;
}

/** The file's problem in the page's language; an unforeseen one with its (English) technical message. */
function failureText(lang: Lang, failure: ImportFailure): string {
  if (failure.code === 'no-header') return t(lang, 'importNoHeader');
  if (failure.code === 'empty') return t(lang, 'importError_empty');
  if (failure.code === 'xls') return t(lang, 'importError_xls');
  if (failure.code === 'xlsx') return t(lang, 'importError_xlsx');
  const refusal = refusalText(lang, failure);
  if (refusal) return refusal;
  return t(lang, 'importFailed', { error: failure.message });
}

function Problem({ lang, row }: { lang: Lang; row: RejectedRow }) {
  const reason = t(lang, REJECT_REASON_KEYS[row.reason]);
  return (
    <li data-testid="import-problem" data-row={row.row} data-reason={row.reason}>
      {row.value ? t(lang, 'importProblemValue', { row: row.row, reason, value: row.value }) : t(lang, 'importProblem', { row: row.row, reason })}
    </li>
  );
}

function Progress({ lang, progress, onCancel }: { lang: Lang; progress: ImportProgress | null; onCancel(): void }) {
  const phase = progress?.phase ?? 'reading';
  const counted = progress !== null && progress.total > 0;
  const text =
    phase === 'mapping' && progress
      ? t(lang, 'importPhase_mapping', { done: progress.done, total: progress.total })
      : t(lang, phase === 'cities' ? 'importPhase_cities' : 'importPhase_reading');
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={phase} data-done={progress?.done ?? 0} data-total={progress?.total ?? 0}>
      {/* Without a value the bar is indeterminate: reading the file and fetching the gazetteer have no count. */}
      <progress aria-label={t(lang, 'importProgressLabel')} aria-valuetext={text} {...(counted ? { value: progress.done, max: progress.total } : {})} />
      <span>{text}</span>
      <button type="button" className="link-button" onClick={onCancel} data-testid="import-cancel">
        {t(lang, 'importCancel')}
      </button>
    </div>
  );
}

function Preview({ lang, preview, citiesUnavailable, children }: { lang: Lang; preview: ImportPreview; citiesUnavailable: boolean; children?: ReactNode }) {
  const { summary, problems, ambiguous } = preview;
  const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
  return (
    <>
      <p
        role="status"
        data-testid="import-summary"
        data-rows={summary.rows}
        data-placed={summary.placed}
        data-approximate={summary.approximate}
        data-rejected={summary.rejected}
        data-by-city={summary.byCity}
        data-ambiguous={summary.ambiguous}
        data-skipped={summary.skipped}
      >
        {t(lang, 'importSummary', summary)}
      </p>
      {summary.byCity > 0 && <p className="import-note">{t(lang, 'importByCity', { n: summary.byCity })}</p>}
      {citiesUnavailable && <p className="import-note">{t(lang, 'importCitiesUnavailable')}</p>}
      {preview.withEndDate > 0 && <p className="import-note">{t(lang, 'importWithEndDate', { n: preview.withEndDate })}</p>}
      {ambiguous.length > 0 && (
        <details className="import-ambiguous" data-testid="import-ambiguous">
          <summary>{t(lang, 'importAmbiguousTitle', { n: summary.ambiguous })}</summary>
          <ul className="import-problems">
            {ambiguous.map((row) => (
              <li key={row.row} data-testid="import-ambiguous-row" data-row={row.row}>
                {t(lang, 'importAmbiguousRow', {
                  row: row.row,
                  city: row.ambiguousCity.city,
                  country: regionNames.of(row.ambiguousCity.country) ?? row.ambiguousCity.country,
                  candidates: row.ambiguousCity.candidates,
                })}
              </li>
            ))}
          </ul>
          {summary.ambiguous > ambiguous.length && <p className="import-note">{t(lang, 'importMoreRows', { n: summary.ambiguous - ambiguous.length })}</p>}
        </details>
      )}
      {children}
      {problems.length > 0 && (
        <>
          <h3 className="import-subtitle">{t(lang, 'importProblemsTitle')}</h3>
          <ul className="import-problems">
            {problems.map((row) => (
              <Problem key={row.row} lang={lang} row={row} />
            ))}
          </ul>
          {summary.rejected > problems.length && <p className="import-note">{t(lang, 'importMoreRows', { n: summary.rejected - problems.length })}</p>}
        </>
      )}
    </>
  );
}

export default function ImportDialog({ lang, open, titleId, base, importedFile, dropped, onApply, onReset, onClose }: ImportDialogProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The columns shown: the last preview's mapping (kept while the list is read again), or a headerless first row's.
  const [columns, setColumns] = useState<{ list: readonly ColumnMapping[]; header: { row: number; rows: 1 | 2 } | null } | null>(null);
  // The person's answers to what the preview asked (day/month order, undated rows), kept while the list is re-read.
  const [choices, setChoices] = useState<ReadingChoices>({});
  const [firstRows, setFirstRows] = useState<string[][] | null>(null);
  // Whose list it is, as the last preview of this file said: the fields stay (with what was typed) while it is read again.
  const [whose, setWhose] = useState<{ file: number; guesses: Whose } | null>(null);
  const job = useRef<ImportJob | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Each file read is one generation: events of a file replaced by another are ignored.
  const generation = useRef(0);
  const lastFile = useRef<File | null>(null);

  const stop = useCallback(() => {
    generation.current += 1;
    job.current?.cancel();
    job.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const read = useCallback(
    async (file: File, encoding?: TextEncodingName) => {
      stop();
      lastFile.current = file;
      const mine = generation.current;
      const current = () => generation.current === mine;
      setStatus({ kind: 'working', progress: null });
      setColumns(null);
      setChoices({});
      setFirstRows(null);
      setWhose(null);
      try {
        const started = await startImport(
          file,
          base,
          new Date().toISOString().slice(0, 7),
          {
            progress: (progress) => current() && setStatus({ kind: 'working', progress }),
            preview: (preview, notes) => {
              if (!current()) return;
              setStatus({ kind: 'preview', preview, citiesUnavailable: notes.citiesUnavailable });
              setWhose({ file: mine, guesses: preview.guesses });
              setColumns({ list: preview.mapping.columns, header: { row: preview.mapping.headerRow, rows: preview.mapping.headerRows } });
            },
            failed: (failure) => {
              if (!current()) return;
              setStatus({ kind: 'failed', failure });
              if (failure.code === 'no-header' && failure.firstRow.length > 0) {
                setColumns({ list: failure.firstRow.map((header, index) => ({ index, header, field: null })), header: null });
                setFirstRows(failure.firstRows ?? [failure.firstRow]);
              }
            },
          },
          encoding,
        );
        if (current()) job.current = started;
        else started.cancel();
      } catch (error) {
        if (current()) setStatus({ kind: 'failed', failure: { code: 'other', message: error instanceof Error ? error.message : String(error), firstRow: [] } });
      }
    },
    [base, stop],
  );

  useEffect(() => {
    if (dropped) void read(dropped);
  }, [dropped, read]);

  const remap = (choice: ColumnChoice, reading: ReadingChoices = choices) => {
    if (!job.current) return;
    setStatus({ kind: 'working', progress: null });
    // The selects show the choice at once; the preview that follows confirms it.
    setColumns((shown) => shown && { ...shown, list: applyChoice(shown.list, choice) });
    job.current.remap(choice, reading);
  };
  /** An answer to a question of the preview: the list is read again with the columns as shown. */
  const answer = (reading: ReadingChoices) => {
    setChoices(reading);
    const shown: ColumnChoice = {};
    for (const f of IMPORT_FIELDS) shown[f] = columns?.list.find((c) => c.field === f)?.index ?? null;
    remap(shown, reading);
  };
  const rewhose = (whose: WhoseChoice) => {
    if (!job.current) return;
    setStatus({ kind: 'working', progress: null });
    job.current.rewhose(whose);
  };
  const cancel = () => {
    stop();
    setStatus({ kind: 'cancelled' });
    setColumns(null);
    setWhose(null);
    // So that choosing the same file again reads it again (an unchanged input fires no change event).
    if (input.current) input.current.value = '';
  };
  const apply = async (preview: ImportPreview) => {
    const running = job.current;
    if (!running) return;
    setStatus({ kind: 'applying', preview });
    try {
      const { dataset, json } = await running.dataset();
      await onApply(dataset, preview.fileName, json);
    } catch (error) {
      setStatus({ kind: 'failed', failure: { code: 'other', message: error instanceof Error ? error.message : String(error), firstRow: [] } });
    }
  };

  const preview = status.kind === 'preview' || status.kind === 'applying' ? status.preview : null;
  return (
    <section className="import-popover" hidden={!open} aria-labelledby={titleId} data-testid="import-panel">
      <h2 id={titleId}>{t(lang, 'importTitle')}</h2>
      <button type="button" className="card-close" onClick={onClose} aria-label={t(lang, 'close')} data-testid="import-close">
        ×
      </button>
      <p className="import-hint">{t(lang, 'importHint')}</p>
      <label className="import-file">
        <span>{t(lang, 'importFile')}</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void read(file);
          }}
        />
      </label>
      {status.kind === 'working' && <Progress lang={lang} progress={status.progress} onCancel={cancel} />}
      {status.kind === 'cancelled' && (
        <p role="status" data-testid="import-cancelled">
          {t(lang, 'importCancelled')}
        </p>
      )}
      {status.kind === 'failed' && (
        <p role="alert" data-testid="import-error">
          {failureText(lang, status.failure)}
        </p>
      )}
      {status.kind === 'preview' && (
        <ReadNotes lang={lang} preview={status.preview} onEncoding={(encoding) => lastFile.current && void read(lastFile.current, encoding)} />
      )}
      <PasteTable lang={lang} disabled={status.kind === 'working' || status.kind === 'applying'} onTable={(file) => void read(file)} />
      {status.kind === 'failed' && firstRows && <FirstRows lang={lang} rows={firstRows} />}
      {status.kind === 'preview' && (
        <Preview lang={lang} preview={status.preview} citiesUnavailable={status.citiesUnavailable}>
          <PreviewDetails lang={lang} preview={status.preview} choices={choices} onChoose={answer} />
        </Preview>
      )}
      {columns && (
        <ColumnChoices
          lang={lang}
          columns={columns.list}
          header={columns.header}
          disabled={status.kind === 'working' || status.kind === 'applying'}
          onChoose={remap}
        />
      )}
      {whose && status.kind !== 'cancelled' && (
        <WhoseList
          key={whose.file}
          lang={lang}
          guesses={whose.guesses}
          homes={preview?.inferred.homes}
          disabled={status.kind === 'working' || status.kind === 'applying'}
          onChange={rewhose}
        />
      )}
      {preview && listHomeNeeded(preview) && <p className="import-note">{t(lang, 'whoseApplyNeedsHome')}</p>}
      {preview && (
        <button
          type="button"
          className="header-button import-apply"
          disabled={preview.agreements === 0 || listHomeNeeded(preview) || status.kind === 'applying'}
          onClick={() => void apply(preview)}
          data-testid="import-apply"
        >
          {t(lang, status.kind === 'applying' ? 'importApplying' : 'importApply')}
        </button>
      )}
      {importedFile !== null && (
        <p className="import-current">
          {t(lang, 'importShowing', { file: importedFile })}{' '}
          <button type="button" className="import-reset" onClick={onReset} data-testid="import-reset">
            {t(lang, 'importReset')}
          </button>
        </p>
      )}
    </section>
  );
}
