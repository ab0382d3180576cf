// One file of the "Open your list" dialog: read in its own worker (src/adapters/import) with progress and Cancel; its
// preview shows the summary, the columns as read (correctable), the rows not read, the ambiguous city names and
// whose list it is. Several files opened together are one section each (issue 28), merged when they are shown.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnMapping } from '../../../domain/import/headers';
import { IMPORT_FIELDS } from '../../../domain/import/headers';
import type { Whose } from '../../../domain/import/home';
import type { ColumnChoice, ImportPreview, RejectedRow } from '../../../domain/import/importer';
import type { TextEncodingName } from '../../../domain/import/decode';
import { listHomeNeeded } from '../../../domain/import/types';
import type { Dataset, Lang } from '../../../domain/schema';
import { REJECT_REASON_KEYS } from '../../../i18n/import-catalog';
import { t } from '../../../i18n/messages';
import type { ImportHost, ImportFailure, ImportJob, ImportProgress, ReadingChoices, WhoseChoice } from '../../../adapters/import/import-job';
import { applyChoice, ColumnChoices } from './ColumnChoices';
import { ReadNotes } from './ReadNotes';
import { refusalText } from './refusal-text';
import { FirstRows, PreviewDetails } from './PreviewDetails';
import { WhoseList } from './WhoseList';

type Status =
  | { kind: 'working'; progress: ImportProgress | null }
  | { kind: 'preview'; preview: ImportPreview; citiesUnavailable: boolean }
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'cancelled' };

/** What the dialog needs of a section: the job (for the dataset) and its last preview, once it is ready to apply. */
export interface SectionState {
  job: ImportJob | null;
  preview: ImportPreview | null;
  /** Being read (or read again). */
  working: boolean;
}

/** The file's problem in the page's language; an unforeseen one with its (English) technical message. */
export function failureText(lang: Lang, failure: ImportFailure): string {
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

export interface FileSectionProps {
  lang: Lang;
  base: Dataset;
  file: File;
  /** The worker the dialog's files are read by (one for all the files opened together). */
  host: ImportHost;
  /** One of several files: the section is headed by its file name. */
  multi: boolean;
  /** The atlas is being made from the previews: nothing can be changed. */
  applying: boolean;
  onState(state: SectionState): void;
  /** The person cancelled reading this file. */
  onCancel(): void;
}

export function FileSection({ lang, base, file, host, multi, applying, onState, onCancel }: FileSectionProps) {
  const [status, setStatus] = useState<Status>({ kind: 'working', progress: null });
  // The columns shown: the last preview's mapping (kept while the list is read again), or a headerless first row's.
  const [columns, setColumns] = useState<{ list: readonly ColumnMapping[]; header: { row: number; rows: 1 | 2 } | null } | null>(null);
  // The person's answers to what the preview asked (day/month order, undated rows), kept while the list is re-read.
  const [choices, setChoices] = useState<ReadingChoices>({});
  const [firstRows, setFirstRows] = useState<string[][] | null>(null);
  // Whose list it is, as the last preview of this file said: the fields stay (with what was typed) while it is read again.
  const [whose, setWhose] = useState<{ file: number; guesses: Whose } | null>(null);
  // The encoding a person chose for a text file (the file is read again with it).
  const [encoding, setEncoding] = useState<TextEncodingName | undefined>(undefined);
  const job = useRef<ImportJob | null>(null);
  // Each reading is one generation: events of a reading replaced by another are ignored.
  const generation = useRef(0);
  const report = useRef(onState);
  report.current = onState;
  // The built-in dataset the list is placed against: read when a reading starts (a new identity does not read again).
  const baseRef = useRef(base);
  baseRef.current = base;

  const stop = useCallback(() => {
    generation.current += 1;
    job.current?.cancel();
    job.current = null;
    report.current({ job: null, preview: null, working: false });
  }, []);

  useEffect(() => {
    stop();
    const mine = generation.current;
    const current = () => generation.current === mine;
    setStatus({ kind: 'working', progress: null });
    setColumns(null);
    setChoices({});
    setFirstRows(null);
    setWhose(null);
    host
      .start(
        file,
        baseRef.current,
        new Date().toISOString().slice(0, 7),
        {
          progress: (progress) => {
            if (!current()) return;
            setStatus({ kind: 'working', progress });
            report.current({ job: job.current, preview: null, working: true });
          },
          preview: (preview, notes) => {
            if (!current()) return;
            setStatus({ kind: 'preview', preview, citiesUnavailable: notes.citiesUnavailable });
            setWhose({ file: mine, guesses: preview.guesses });
            setColumns({ list: preview.mapping.columns, header: { row: preview.mapping.headerRow, rows: preview.mapping.headerRows } });
            report.current({ job: job.current, preview, working: false });
          },
          failed: (failure) => {
            if (!current()) return;
            setStatus({ kind: 'failed', failure });
            report.current({ job: job.current, preview: null, working: false });
            if (failure.code === 'no-header' && failure.firstRow.length > 0) {
              setColumns({ list: failure.firstRow.map((header, index) => ({ index, header, field: null })), header: null });
              setFirstRows(failure.firstRows ?? [failure.firstRow]);
            }
          },
        },
        encoding,
      )
      .then(
        (started) => {
          if (current()) job.current = started;
          else started.cancel();
        },
        (error: unknown) => {
          if (current())
            setStatus({ kind: 'failed', failure: { code: 'other', message: error instanceof Error ? error.message : String(error), firstRow: [] } });
        },
      );
    return stop;
  }, [file, host, encoding, stop]);

  const busy = status.kind === 'working' || applying;
  const remap = (choice: ColumnChoice, reading: ReadingChoices = choices) => {
    if (!job.current) return;
    setStatus({ kind: 'working', progress: null });
    report.current({ job: job.current, preview: null, working: true });
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
  const rewhose = (choice: WhoseChoice) => {
    if (!job.current) return;
    setStatus({ kind: 'working', progress: null });
    report.current({ job: job.current, preview: null, working: true });
    job.current.rewhose(choice);
  };
  const cancel = () => {
    stop();
    setStatus({ kind: 'cancelled' });
    setColumns(null);
    setWhose(null);
    onCancel();
  };

  const preview = status.kind === 'preview' ? status.preview : null;
  const body = (
    <>
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
      {preview && <ReadNotes lang={lang} preview={preview} onEncoding={setEncoding} />}
      {status.kind === 'failed' && firstRows && <FirstRows lang={lang} rows={firstRows} />}
      {status.kind === 'preview' && (
        <Preview lang={lang} preview={status.preview} citiesUnavailable={status.citiesUnavailable}>
          <PreviewDetails lang={lang} preview={status.preview} choices={choices} onChoose={answer} />
        </Preview>
      )}
      {columns && <ColumnChoices lang={lang} columns={columns.list} header={columns.header} disabled={busy} onChoose={remap} />}
      {whose && status.kind !== 'cancelled' && (
        <WhoseList key={whose.file} lang={lang} guesses={whose.guesses} homes={preview?.inferred.homes} disabled={busy} onChange={rewhose} />
      )}
      {preview && listHomeNeeded(preview) && <p className="import-note">{t(lang, 'whoseApplyNeedsHome')}</p>}
    </>
  );
  if (!multi) return body;
  return (
    <section className="import-section" data-testid="import-section" data-file={file.name} aria-label={file.name}>
      <h3 className="import-section-title">{file.name}</h3>
      {body}
    </section>
  );
}
