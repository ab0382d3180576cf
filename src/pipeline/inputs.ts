// Reads the pipeline's inputs from the repository: the raw seed and the curation tables.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadBorders } from './borders';
import { CURATION_FILES, type CurationSources } from './curation';
import { PipelineError } from './errors';
import { loadGazetteer } from './gazetteer';
import type { PipelineInputs } from './build';

export const DATASET_PATH = 'data/agreements.json';

export function readInputs(root: string): PipelineInputs {
  const rawDir = join(root, 'data/raw');
  const raw = readdirSync(rawDir).filter((f) => f.endsWith('.txt'));
  if (raw.length !== 1) throw new PipelineError(relative(root, rawDir), null, `expected exactly one seed .txt file, found ${raw.length}`);
  const read = (path: string) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') });
  const curation = Object.fromEntries(Object.entries(CURATION_FILES).map(([key, file]) => [key, read(join(root, 'data/curation', file))])) as CurationSources;
  return { seed: read(join(rawDir, raw[0]!)), curation, gazetteer: loadGazetteer(), borders: loadBorders() };
}

/** The dataset as committed: pretty-printed with a trailing newline, so diffs stay readable. */
export function serialise(dataset: unknown): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
