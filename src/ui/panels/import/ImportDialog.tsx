// The "Open your list" dialog, loaded on first use with its messages: the files chosen (or dropped on the page) are
// read each in a worker (src/adapters/import, FileSection.tsx) with progress and Cancel; each file's preview shows its
// summary, columns (correctable), rows not read, ambiguous city names and home; with several files a total follows,
// and "Show this list" hands the dataset to the app: one file's, or the files' merged into one atlas (issue 28).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset, Lang } from '../../../domain/schema';
import { IMPORT_CATALOG } from '../../../i18n/import-catalog';
import { addMessages, t } from '../../../i18n/messages';
import { importedDatasets } from '../../../adapters/import/import-files';
import { createImportHost, type ImportHost } from '../../../adapters/import/import-job';
import { listHomeNeeded } from '../../../domain/import/types';
import { FileSection, type SectionState } from './FileSection';
import { PasteTable } from './PasteTable';
import { ImportTotal } from './ImportTotal';
import './import-dialog.css';

addMessages(IMPORT_CATALOG);

export interface ImportDialogProps {
  lang: Lang;
  open: boolean;
  titleId: string;
  base: Dataset;
  importedFile: string | null;
  /** Files dropped on the page: read as soon as they change. */
  dropped: readonly File[] | null;
  /** The dataset, and the same as JSON (kept by the app for the next visit): settles once the list is stored. */
  onApply(dataset: Dataset, fileName: string, json: Blob): Promise<void>;
  onReset(): void;
  onClose(): void;
}

/**
 * The files being read: a new pick (chosen, dropped or pasted) replaces the last, and its sections start afresh. Its
 * files are read by one worker (the host), which loads the gazetteers once for all of them.
 */
interface Pick {
  id: number;
  files: readonly File[];
  host: ImportHost;
}

export default function ImportDialog({ lang, open, titleId, base, importedFile, dropped, onApply, onReset, onClose }: ImportDialogProps) {
  const [pick, setPick] = useState<Pick | null>(null);
  // Each section's job and last preview, by position in the pick.
  const [sections, setSections] = useState<readonly SectionState[]>([]);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const picks = useRef(0);

  const choose = useCallback((files: readonly File[]) => {
    if (files.length === 0) return;
    picks.current += 1;
    setPick({ id: picks.current, files, host: createImportHost() });
    setSections(files.map(() => ({ job: null, preview: null, working: true })));
    setApplyError(null);
  }, []);
  useEffect(() => {
    if (dropped) choose(dropped);
  }, [dropped, choose]);

  const onState = useCallback((id: number, k: number, state: SectionState) => {
    // A section of an earlier pick reports its end: nothing to keep.
    if (id !== picks.current) return;
    setSections((all) => all.map((s, n) => (n === k ? state : s)));
  }, []);
  // So that choosing the same file again reads it again (an unchanged input fires no change event).
  const onCancel = useCallback(() => {
    if (input.current) input.current.value = '';
  }, []);

  const previews = sections.map((s) => s.preview);
  const ready = pick !== null && sections.length > 0 && sections.every((s) => s.job !== null && s.preview !== null);
  const applicable = ready && previews.every((p) => p !== null && p.agreements > 0 && !listHomeNeeded(p));
  const apply = async () => {
    if (!ready) return;
    setApplying(true);
    setApplyError(null);
    try {
      const { dataset, json, fileName } = await importedDatasets(sections.map((s) => ({ job: s.job!, preview: s.preview! })));
      await onApply(dataset, fileName, json);
    } catch (error) {
      setApplyError(t(lang, 'importFailed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setApplying(false);
    }
  };

  const multi = (pick?.files.length ?? 0) > 1;
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
          multiple
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => choose([...(e.currentTarget.files ?? [])])}
        />
      </label>
      {multi && <p className="import-note">{t(lang, 'importFilesHint', { n: pick!.files.length })}</p>}
      <PasteTable lang={lang} disabled={applying || sections.some((s) => s.working)} onTable={(file) => choose([file])} />
      {pick?.files.map((file, k) => (
        <FileSection
          // biome-ignore lint/suspicious/noArrayIndexKey: a pick's files keep their places; a new pick has a new id.
          key={`${pick.id}:${k}`}
          lang={lang}
          base={base}
          file={file}
          host={pick.host}
          multi={multi}
          applying={applying}
          onState={(state) => onState(pick.id, k, state)}
          onCancel={onCancel}
        />
      ))}
      {multi && ready && <ImportTotal lang={lang} previews={previews.filter((p) => p !== null)} />}
      {applyError !== null && (
        <p role="alert" data-testid="import-error">
          {applyError}
        </p>
      )}
      {ready && (
        <button type="button" className="header-button import-apply" disabled={!applicable || applying} onClick={() => void apply()} data-testid="import-apply">
          {t(lang, applying ? 'importApplying' : 'importApply')}
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
