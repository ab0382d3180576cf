// Reading a list in the import worker, from the page's side: start with a file, correct the mapping, fetch the
// dataset to apply it, or cancel (the worker is stopped at once). Loaded only when a person opens a list.
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

/** `encoding`: the one a person chose for a text file, over the one decided from its bytes. */
export async function startImport(file: File, base: Dataset, asOf: string, events: ImportEvents, encoding?: TextEncodingName): Promise<ImportJob> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  let waiting: { resolve(imported: ImportedDataset): void; reject(error: Error): void } | null = null;
  let stopped = false;
  const send = (request: ImportRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
    if (stopped) return;
    const message = event.data;
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
  worker.addEventListener('error', (event) => {
    if (stopped) return;
    event.preventDefault();
    events.failed({ code: 'other', message: event.message || 'the import worker stopped', firstRow: [] });
  });
  send(
    {
      kind: 'read',
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
      if (!stopped) send({ kind: 'remap', columns, ...(choices ? { choices } : {}) });
    },
    rewhose: (whose) => {
      if (!stopped) send({ kind: 'remap', whose });
    },
    dataset: () =>
      new Promise<ImportedDataset>((resolve, reject) => {
        if (stopped) {
          reject(new Error('import cancelled'));
          return;
        }
        waiting?.reject(new Error('superseded'));
        waiting = { resolve, reject };
        send({ kind: 'dataset' });
      }),
    cancel: () => {
      stopped = true;
      worker.terminate();
      waiting?.reject(new Error('import cancelled'));
      waiting = null;
    },
  };
}
