// The dataset of the files read together in the page: one file's as its worker made it, several merged into one
// atlas by the same merge as `npm run import -- a.csv b.csv` (src/domain/import/merge.ts): each file keeps its own
// home, and a partner named differently by different homes is one institution.
import type { ImportPreview } from '../../domain/import/importer';
import { mergeDatasets } from '../../domain/import/merge';
import type { Dataset } from '../../domain/schema';
import type { ImportJob } from './import-job';

export interface ReadFile {
  job: ImportJob;
  preview: ImportPreview;
}

export interface ImportedFiles {
  dataset: Dataset;
  /** The same as JSON, for the app to keep (records format 3 holds any number of homes). */
  json: Blob;
  /** The file names, as the page says which list it shows. */
  fileName: string;
}

export async function importedDatasets(files: readonly ReadFile[]): Promise<ImportedFiles> {
  const read = await Promise.all(files.map((f) => f.job.dataset()));
  if (read.length === 1) return { ...read[0]!, fileName: files[0]!.preview.fileName };
  const parts = read.map(({ dataset }, k) => ({ dataset, fileName: files[k]!.preview.fileName, rejected: files[k]!.preview.summary.rejected }));
  const dataset = mergeDatasets(parts);
  return {
    dataset,
    json: new Blob([JSON.stringify(dataset)], { type: 'application/json' }),
    fileName: parts.map((p) => p.fileName).join(', '),
  };
}
