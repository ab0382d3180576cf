// "Open your list": the header's button and the page-wide drop target. Everything else (the dialog, its messages,
// the worker that reads the file) loads when the button is first pressed or a file is first dropped
// (import/ImportDialog.tsx), so none of it is in the page's first download.
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Dataset, Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useDismiss } from '../use-dismiss';
import './import-panel.css';

const ImportDialog = lazy(() => import('./import/ImportDialog'));

export interface ImportPanelProps {
  lang: Lang;
  /** The built-in dataset: its institutions place the list's partners by name. */
  base: Dataset;
  /** The file name of the list shown now, or null for the built-in list. */
  importedFile: string | null;
  /** Whether a file dropped anywhere on the page opens it here (not while presenting, nor when embedded). */
  dropEnabled: boolean;
  /** Shows the dataset; `json` is the same, for the app to keep for the next visit. */
  onApply(dataset: Dataset, fileName: string, json: Blob): Promise<void>;
  onReset(): void;
}

/** Whether a drag carries files (not text or a link dragged within the page). */
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/** Files dragged over the page: `dragging` while they are over the window, `onFile` when they are dropped (one or several). */
function useFileDrop(enabled: boolean, onFile: (files: readonly File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFile);
  latest.current = onFile;
  useEffect(() => {
    if (!enabled) return;
    // dragenter and dragleave fire for every element crossed: the drag has left the window when they balance.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the atlas.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) latest.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      setDragging(false);
    };
  }, [enabled]);
  return dragging;
}

export function ImportPanel({ lang, base, importedFile, dropEnabled, onApply, onReset }: ImportPanelProps) {
  const [open, setOpen] = useState(false);
  // The dialog, once loaded, stays mounted while closed: a list read in the background is still there on reopening.
  const [loaded, setLoaded] = useState(false);
  const [dropped, setDropped] = useState<readonly File[] | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, () => open, close, trigger);
  const onDrop = useCallback((files: readonly File[]) => {
    setDropped(files);
    setLoaded(true);
    setOpen(true);
  }, []);
  const dragging = useFileDrop(dropEnabled, onDrop);

  return (
    <div className="import-menu" ref={root}>
      <button
        type="button"
        className="header-button"
        ref={trigger}
        aria-expanded={open}
        onClick={() => {
          setLoaded(true);
          setOpen((o) => !o);
        }}
        data-testid="import-open"
      >
        {/* Phones show the short label (import-panel.css): the header has one row of actions there. */}
        <span className="import-open-long">{t(lang, 'importOpen')}</span>
        <span className="import-open-short">{t(lang, 'importOpenShort')}</span>
      </button>
      {loaded && (
        <Suspense
          fallback={
            open && (
              <section className="import-popover" aria-busy="true">
                <p>{t(lang, 'loading')}</p>
              </section>
            )
          }
        >
          <ImportDialog
            lang={lang}
            open={open}
            titleId={titleId}
            base={base}
            importedFile={importedFile}
            dropped={dropped}
            onApply={async (dataset, fileName, json) => {
              await onApply(dataset, fileName, json);
              setOpen(false);
            }}
            onReset={() => {
              onReset();
              setOpen(false);
            }}
            onClose={() => {
              setOpen(false);
              trigger.current?.focus();
            }}
          />
        </Suspense>
      )}
      {dragging && (
        <div className="import-drop-overlay" data-testid="import-drop-overlay" aria-hidden="true">
          <p>
            <strong>{t(lang, 'importDropHere')}</strong>
            <span>{t(lang, 'importDropFormats')}</span>
          </p>
        </div>
      )}
    </div>
  );
}
