// `npm run import -- <file> [--out <dataset.json>] [--config <config.json>] [--as-of YYYY-MM]`: reads a list of
// agreements (CSV, TSV or XLSX; see src/domain/import), prints a summary and one `<file>:<row>: <reason>` per
// rejected row, writes the dataset, and exits 1 if any row was rejected (the dataset is written all the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { cityLookup } from '../domain/import/cities';
import { describeReject, ImportError, importAgreements, type ImportOptions } from '../domain/import/importer';
import { isInstitutionGazetteer } from '../domain/import/institution-asset';
import type { InstitutionLookup } from '../domain/import/institution-lookup';
import { createInstitutionLookup } from '../domain/import/institutions';
import { UnreadableFileError } from '../domain/import/rows';
import { homeSchema, parseDataset } from '../domain/schema';
import { foldForSearch } from '../domain/search';
import { buildCityGazetteer } from './city-gazetteer';
import { DATASET_PATH, serialise } from './inputs';

/** The optional --config file: the atlas's title and home campus (default: the built-in dataset's home). */
const configSchema = z.object({
  title: z.object({ ja: z.string().min(1), en: z.string().min(1) }).optional(),
  home: homeSchema.optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

/** The committed institution gazetteer (scripts/institution-gazetteer.ts writes it). */
const INSTITUTIONS_PATH = 'data/gazetteer/institutions.json';

function readInstitutionGazetteer() {
  const data: unknown = JSON.parse(readFileSync(join(process.cwd(), INSTITUTIONS_PATH), 'utf8'));
  if (!isInstitutionGazetteer(data)) throw new Error(`${INSTITUTIONS_PATH} is not an institution gazetteer`);
  return data;
}

const USAGE = 'usage: npm run import -- <file.csv|.tsv|.xlsx> [--out <dataset.json>] [--config <config.json>] [--as-of YYYY-MM]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, config: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = values.config ? configSchema.parse(JSON.parse(readFileSync(values.config, 'utf8'))) : {};
  const base = parseDataset(JSON.parse(readFileSync(join(process.cwd(), DATASET_PATH), 'utf8')));
  const asOf = values['as-of'] ?? config.asOf ?? new Date().toISOString().slice(0, 7);
  const cities = buildCityGazetteer(base);
  // `institutions` is the importer's option (helper "lists"): a variable, so that this compiles before it exists.
  const options: ImportOptions & { institutions?: InstitutionLookup } = {
    base,
    asOf,
    ...(config.title ? { title: config.title } : {}),
    ...(config.home ? { home: config.home } : {}),
    // The same gazetteer as the page's (built here rather than fetched): rows with a known city are placed there.
    cities: cityLookup(cities, foldForSearch),
    // The same institution gazetteer as the page's, read from disk: rows are placed by their partner's name.
    institutions: createInstitutionLookup(readInstitutionGazetteer(), { builtins: base.institutions, cities }),
  };
  const result = await importAgreements(new Uint8Array(readFileSync(file)), basename(file), options);
  const mapped = result.mapping.columns.filter((c) => c.field).map((c) => `${c.header} → ${c.field}`);
  console.log(
    `${file}: ${result.format}${result.encoding ? ` (${result.encoding})` : ''}, header on ${result.mapping.headerRows === 2 ? `rows ${result.mapping.headerRow - 1}–${result.mapping.headerRow}` : `row ${result.mapping.headerRow}`}: ${mapped.join(', ')}`,
  );
  const { rows, placed, approximate, rejected, byCity, ambiguous } = result.summary;
  console.log(`${rows} rows: ${placed} placed, ${approximate} approximate (country centre), ${rejected} rejected`);
  if (byCity > 0) console.log(`placed by their city: ${byCity} (${ambiguous} by a name several cities of the country share: the most populous)`);
  for (const row of result.rows)
    if (row.status === 'placed' && row.ambiguousCity)
      console.log(
        `${file}:${row.row}: note: ${row.ambiguousCity.city} (${row.ambiguousCity.country}) names ${row.ambiguousCity.candidates} cities; placed at the most populous`,
      );
  for (const row of result.rows) if (row.status === 'rejected') console.log(`${file}:${row.row}: ${describeReject(row)}`);
  const out = values.out ?? join(process.cwd(), `${basename(file, extname(file))}.atlas.json`);
  writeFileSync(out, serialise(result.dataset));
  console.log(`wrote ${out}`);
  return rejected > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError || error instanceof UnreadableFileError || error instanceof z.ZodError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  },
);
