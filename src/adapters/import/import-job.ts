// Reading lists in the import worker, from the page's side: start with a file, correct the mapping, fetch the
// dataset to apply it, or cancel (the worker is stopped at once, unless it still reads other files opened with it).
// Loaded only when a person opens a list.
import citiesUrl from 'virtual:city-gazetteer';
import type { TextEncodingName } from '../../domain/import/decode';
import institutionsUrl from 'virtual:institution-gazetteer';
import type { ColumnChoice, ImportPreview } from '../../domain/import/importer';
import type { Dataset } from '../../domain/schema';
import type { ImportFailure, ImportPhase, ImportReply, ImportRequest, ReadingChoices, WhoseChoice } from './protocol';

export type { FailureCode, ImportFailure, ImportPhase, ReadingChoices, WhoseChoice } from './protocol';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows mapped so far and in all (0 and 0 while reading the file or fetching the gazetteer). */
  done: number;
  total: number;
}

export interface ImportEvents {
  progress(progress: ImportProgress): void;
  preview(preview: ImportPreview, notes: { citiesUnavailable: boolean }): void;
  failed(failure: ImportFailure): void;
}

export interface ImportedDataset {
  dataset: Dataset;
  json: Blob;
}

export interface ImportJob {
  /** Maps the file again with these columns and choices (the preview follows through the events). */
  remap(columns: ColumnChoice, choices?: ReadingChoices): void;
  /** Maps the file again with whose list it is (home, title, as-of), as the person gave it. */
  rewhose(whose: WhoseChoice): void;
  /** The dataset of the last preview, and the same as JSON. */
  dataset(): Promise<ImportedDataset>;
  /** Stops the worker: nothing more is reported, and dataset() rejects. */
  cancel(): void;
}

/**
 * The worker that reads the files of one dialog: one for all the files opened together, each file a job of its own
 * (read in turn), so the gazetteers are fetched and their lookups built once, not once per file. The worker starts
 * with the first job and stops when the last job still reading is cancelled; a job started after that starts another.
 */
export interface ImportHost {
  /** `encoding`: the one a person chose for a text file, over the one decided from its bytes. */
  start(file: File, base: Dataset, asOf: string, events: ImportEvents, encoding?: TextEncodingName): Promise<ImportJob>;
}

type ReplyTo = (message: ImportReply) => void;

export function createImportHost(): ImportHost {
  let worker: Worker | null = null;
  const jobs = new Map<number, ReplyTo>();
  let next = 0;
  const open = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    started.addEventListener('message', (event: MessageEvent<ImportReply>) => jobs.get(event.data.job)?.(event.data));
    started.addEventListener('error', (event) => {
      event.preventDefault();
      const failure: ImportFailure = { code: 'other', message: event.message || 'the import worker stopped', firstRow: [] };
      for (const [job, replyTo] of jobs) replyTo({ kind: 'failed', job, failure });
    });
    worker = started;
    return started;
  };
  /** A job's end: the worker drops its file, or stops at once when no other file is being read. */
  const close = (job: number) => {
    jobs.delete(job);
    if (!worker) return;
    if (jobs.size > 0) worker.postMessage({ kind: 'close', job } satisfies ImportRequest);
    else {
      worker.terminate();
      worker = null;
    }
  };
  return {
    start: async (file, base, asOf, events, encoding) => {
      const bytes = await file.arrayBuffer();
      next += 1;
      const job = next;
      const target = open();
      let waiting: { resolve(imported: ImportedDataset): void; reject(error: Error): void } | null = null;
      let stopped = false;
      const send = (request: ImportRequest, transfer: Transferable[] = []) => target.postMessage(request, transfer);
      jobs.set(job, (message) => {
        if (stopped) return;
        if (message.kind === 'progress') events.progress({ phase: message.phase, done: message.done, total: message.total });
        else if (message.kind === 'preview') events.preview(message.preview, { citiesUnavailable: message.citiesUnavailable });
        else if (message.kind === 'failed') events.failed(message.failure);
        else if (message.kind === 'dataset') {
          // Made and checked by the worker (mapTable validates it).
          const dataset = JSON.parse(new TextDecoder().decode(message.json)) as Dataset;
          waiting?.resolve({ dataset, json: new Blob([message.json], { type: 'application/json' }) });
          waiting = null;
        }
      });
      send(
        {
          kind: 'read',
          job,
          bytes,
          fileName: file.name,
          base,
          asOf,
          citiesUrl: new URL(citiesUrl, location.href).href,
          institutionsUrl: new URL(institutionsUrl, location.href).href,
          ...(encoding ? { encoding } : {}),
        },
        [bytes],
      );
      return {
        remap: (columns, choices) => {
          if (!stopped) send({ kind: 'remap', job, columns, ...(choices ? { choices } : {}) });
        },
        rewhose: (whose) => {
          if (!stopped) send({ kind: 'remap', job, whose });
        },
        dataset: () =>
          new Promise<ImportedDataset>((resolve, reject) => {
            if (stopped) {
              reject(new Error('import cancelled'));
              return;
            }
            waiting?.reject(new Error('superseded'));
            waiting = { resolve, reject };
            send({ kind: 'dataset', job });
          }),
        cancel: () => {
          if (stopped) return;
          stopped = true;
          close(job);
          waiting?.reject(new Error('import cancelled'));
          waiting = null;
        },
      };
    },
  };
}
