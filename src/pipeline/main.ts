// `npm run data`: rebuild data/agreements.json from data/raw + data/curation, or stop with file:line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './build';
import { PipelineError } from './errors';
import { DATASET_PATH, readInputs, serialise } from './inputs';
import { formatReport } from './report';

const root = process.cwd();
try {
  const { dataset, report } = buildDataset(readInputs(root));
  writeFileSync(join(root, DATASET_PATH), serialise(dataset));
  console.log(formatReport(report, dataset.meta.stated));
  console.log(`wrote ${DATASET_PATH}`);
} catch (error) {
  if (error instanceof PipelineError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
