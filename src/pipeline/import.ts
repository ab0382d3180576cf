// `npm run import -- <file> [--home <name>] [--title <title>] [--out <dataset.json>] [--config <config.json>]
// [--as-of YYYY-MM]`: reads a list of agreements (CSV, TSV or XLSX; see src/domain/import), prints whose list it is
// (home, title, as-of month, and where each came from), a summary and one `<file>:<row>: <reason>` per rejected row,
// writes the dataset, and exits 1 if any row was rejected (the dataset is written all the same). Without a home
// (--home, the config's, or one the file names) it writes nothing and exits 2: a list is never shown as another's.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { cityLookup } from '../domain/import/cities';
import type { Whose } from '../domain/import/home';
import { describeReject, ImportError, importAgreements } from '../domain/import/importer';
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

const USAGE =
  'usage: npm run import -- <file.csv|.tsv|.xlsx> [--home <institution>] [--title <title>] [--out <dataset.json>] [--config <config.json>] [--as-of YYYY-MM]';

const FROM = {
  given: 'given',
  file: 'read in the file',
  default: "today's month: the file does not say; set it with --as-of",
} as const;

/** Whose list it is, in one line each, and why not when the home is unknown (then the command stops). */
function reportWhose(whose: Whose): string | null {
  const { home } = whose;
  if (!home) return 'no home institution: the file names none; give it with --home "<institution>" (or "home" in --config)';
  if (!home.ok)
    return `home institution "${home.name}" (${whose.homeFrom === 'file' ? 'named in the file' : 'given'}) ${home.reason === 'ambiguous' ? `could be several: ${home.candidates.join('; ')}` : 'was not found among the institutions and cities known'}; give it with --home "<institution>" (or "home" in --config)`;
  const h = home.home;
  console.log(
    `home: ${h.name.en} / ${h.name.ja}, ${h.city.en} (${h.country}) ${h.lat.toFixed(3)}, ${h.lng.toFixed(3)} (${whose.homeFrom === 'file' ? 'named in the file' : 'given'}; by ${home.how})`,
  );
  console.log(
    `title: ${whose.title.en === whose.title.ja ? whose.title.en : `${whose.title.en} / ${whose.title.ja}`} (${whose.titleFrom === 'default' ? 'neither given nor in the file; set it with --title' : FROM[whose.titleFrom]})`,
  );
  console.log(`as of: ${whose.asOf} (${FROM[whose.asOfFrom]})`);
  return null;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, config: { type: 'string' }, 'as-of': { type: 'string' }, home: { type: 'string' }, title: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = values.config ? configSchema.parse(JSON.parse(readFileSync(values.config, 'utf8'))) : {};
  const base = parseDataset(JSON.parse(readFileSync(join(process.cwd(), DATASET_PATH), 'utf8')));
  const asOfStated = values['as-of'] ?? config.asOf;
  if (asOfStated !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOfStated)) {
    console.error(`error: --as-of must be a month, YYYY-MM (got "${asOfStated}")`);
    return 2;
  }
  const title = values.title ? { ja: values.title, en: values.title } : config.title;
  const result = await importAgreements(new Uint8Array(readFileSync(file)), basename(file), {
    base,
    asOf: new Date().toISOString().slice(0, 7),
    ...(asOfStated ? { asOfStated } : {}),
    ...(title ? { title } : {}),
    ...(values.home ? { homeName: values.home } : config.home ? { home: config.home } : {}),
    // The same gazetteer as the page's (built here rather than fetched): rows with a known city are placed there.
    cities: cityLookup(buildCityGazetteer(base), foldForSearch),
  });
  const noHome = reportWhose(result.guesses);
  if (noHome) {
    console.error(`error: ${noHome}`);
    return 2;
  }
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
