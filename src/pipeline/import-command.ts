// `npm run import -- <file> [--home <name>] [--title <title>] [--out <dataset.json>] [--config <config.json>]
// [--as-of YYYY-MM]`: reads a list of agreements (CSV, TSV or XLSX; see src/domain/import), prints whose list it is
// (home, title, as-of month, and where each came from), a summary and one `<file>:<row>: <reason>` per rejected row,
// writes the dataset. Without a home (--home, the config's, or one the file names) it writes nothing and exits 2: a
// list is never shown as another's. Exit codes: 0 every row read; 1 some rows rejected (the dataset is written all
// the same); 2 a usage error or a file that cannot be read (one line on stderr, no stack); 3 an unexpected crash.
// The command as a function (its lines to `io`, its exit code returned): src/pipeline/import.ts runs it as a process,
// and the tests run it in their own process (tests/pipeline/import-cli.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import type { Whose } from '../domain/import/home';
import { ImportError, importAgreements, listHomeNeeded, type ImportResult, type Inferred } from '../domain/import/importer';
import { mergeDatasets, type MergePart } from '../domain/import/merge';
import { rejectReasonText } from '../i18n/import-catalog';
import { UnreadableFileError } from '../domain/import/rows';
import { homePlaceSchema, parseDataset } from '../domain/schema';
import { DATASET_PATH, serialise } from './inputs';
import { cliImportOptions } from './import-options';

/** The optional --config file: the atlas's title and home campus (default: the built-in dataset's home). */
const configSchema = z.object({
  title: z.object({ ja: z.string().min(1), en: z.string().min(1) }).optional(),
  home: homePlaceSchema.optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A mistake of the person running the command: one line, exit 2. */
class UsageError extends Error {}

const USAGE =
  'usage: npm run import -- <file.csv|.tsv|.xlsx> [--home <institution>] [<another file> [--home <its institution>] …] [--title <title>] [--out <dataset.json>] [--config <config.json>] [--as-of YYYY-MM] [--undated keep|drop] [--day-order dmy|mdy]';

/** What the importer inferred, in English lines (the page lists the same in its preview). */
function inferredLines(inferred: Inferred): string[] {
  const lines: string[] = [];
  for (const [field, n] of Object.entries(inferred.filled)) if (n) lines.push(`blank ${field} cells filled from the row above: ${n}`);
  if (inferred.countryByName) lines.push(`blank country cells told by the partner's name: ${inferred.countryByName}`);
  if (inferred.levelsFromColumn) lines.push(`levels (university-wide or department) read from a column: ${inferred.levelsFromColumn}`);
  if (inferred.dayOrder === 'undecided') lines.push('day/month order of the dates cannot be told from the column: choose with --day-order dmy|mdy');
  else if (inferred.dayOrder)
    lines.push(`dates read ${inferred.dayOrder.order === 'dmy' ? 'day' : 'month'} first${inferred.dayOrder.chosen ? ' (--day-order)' : ''}`);
  if (inferred.unreadableDates)
    lines.push(`rows with an unreadable date: ${inferred.unreadableDates} (--undated keep: read them undated; --undated drop: leave them out)`);
  if (inferred.home) lines.push(`every row names the same home university: ${inferred.home}`);
  return lines;
}

function readConfig(path: string): z.infer<typeof configSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--config ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const FROM = {
  given: 'given',
  file: 'read in the file',
  default: "today's month: the file does not say; set it with --as-of",
} as const;

/** Whose list it is, in one line each, and why not when the home is unknown (then the command stops). */
function reportWhose(whose: Whose, io: ImportIo): string | null {
  const { home } = whose;
  if (!home) return 'no home institution: the file names none; give it with --home "<institution>" (or "home" in --config)';
  if (!home.ok)
    return `home institution "${home.name}" (${whose.homeFrom === 'file' ? 'named in the file' : 'given'}) ${home.reason === 'ambiguous' ? `could be several: ${home.candidates.join('; ')}` : 'was not found among the institutions and cities known'}; give it with --home "<institution>" (or "home" in --config)`;
  const h = home.home;
  io.log(
    `home: ${h.name.en} / ${h.name.ja}, ${h.city.en} (${h.country}) ${h.lat.toFixed(3)}, ${h.lng.toFixed(3)} (${whose.homeFrom === 'file' ? 'named in the file' : 'given'}; by ${home.how})`,
  );
  io.log(
    `title: ${whose.title.en === whose.title.ja ? whose.title.en : `${whose.title.en} / ${whose.title.ja}`} (${whose.titleFrom === 'default' ? 'neither given nor in the file; set it with --title' : FROM[whose.titleFrom]})`,
  );
  io.log(`as of: ${whose.asOf} (${FROM[whose.asOfFrom]})`);
  return null;
}

/** The homes a home column names, one line each (a list of several universities). */
function reportHomes(inferred: Inferred, io: ImportIo): null {
  const homes = inferred.homes ?? [];
  io.log(`homes: ${homes.length} universities named in the home column`);
  for (const h of homes)
    io.log(
      `  ${h.name.en === h.name.ja ? h.name.en : `${h.name.en} / ${h.name.ja}`} (${h.id}): ${h.rows} rows; by ${h.how}${h.names.length > 1 ? `; written ${h.names.join(', ')}` : ''}`,
    );
  return null;
}

async function main(args: string[], io: ImportIo): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args,
    allowPositionals: true,
    tokens: true,
    options: {
      out: { type: 'string' },
      config: { type: 'string' },
      'as-of': { type: 'string' },
      undated: { type: 'string' },
      'day-order': { type: 'string' },
      home: { type: 'string', multiple: true },
      title: { type: 'string' },
    },
  });
  const undated = values.undated;
  const dayOrder = values['day-order'];
  if (
    positionals.length === 0 ||
    (undated !== undefined && undated !== 'keep' && undated !== 'drop') ||
    (dayOrder !== undefined && dayOrder !== 'dmy' && dayOrder !== 'mdy')
  ) {
    io.error(USAGE);
    return 2;
  }
  // `--home` after a file names that file's home; before the first file, the home of every file without its own.
  const homes: (string | undefined)[] = positionals.map(() => undefined);
  let everyHome: string | undefined;
  let fileNo = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') fileNo += 1;
    else if (token.kind === 'option' && token.name === 'home') {
      if (fileNo < 0) everyHome = token.value;
      else homes[fileNo] = token.value;
    }
  }
  const config = values.config ? readConfig(values.config) : {};
  if (values['as-of'] !== undefined && !MONTH.test(values['as-of']))
    throw new UsageError(`--as-of must be a month, YYYY-MM (got "${values['as-of'].slice(0, 40)}")`);
  const base = parseDataset(JSON.parse(readFileSync(join(process.cwd(), DATASET_PATH), 'utf8')));
  // The list's month: the person's (--as-of, the config's), else the file's ("平成16年5月1日現在"), else this month.
  const asOfStated = values['as-of'] ?? config.asOf;
  const title = values.title ? { ja: values.title, en: values.title } : config.title;
  const options = await cliImportOptions(base);
  const parts: MergePart[] = [];
  let rejectedRows = 0;
  for (const [n, file] of positionals.entries()) {
    const home = homes[n] ?? everyHome;
    const result = await importAgreements(readInput(file), basename(file), {
      ...options,
      ...(asOfStated ? { asOfStated } : {}),
      ...(title ? { title } : {}),
      ...(home ? { homeName: home } : config.home ? { home: config.home } : {}),
      ...(undated ? { undatedRows: undated } : {}),
      ...(dayOrder ? { dayOrder } : {}),
    });
    if (positionals.length > 1) io.log(`${file}:`);
    // A list whose every row names its home (a home column) needs no home of its own; else the list's home is said.
    const rowsNameHomes = result.inferred.homes !== undefined && !listHomeNeeded({ guesses: { home: null }, inferred: result.inferred });
    const noHome = rowsNameHomes ? reportHomes(result.inferred, io) : reportWhose(result.guesses, io);
    if (noHome) throw new UsageError(positionals.length > 1 ? `${file}: ${noHome}` : noHome);
    reportFile(file, result, io);
    rejectedRows += result.summary.rejected;
    parts.push({ dataset: result.dataset, fileName: basename(file), rejected: result.summary.rejected });
  }
  const dataset = mergeDatasets(parts, title);
  if (parts.length > 1) {
    const partners = new Set(dataset.agreements.flatMap((a) => a.institutionIds)).size;
    io.log(`${parts.length} files, one atlas: ${dataset.homes.length} homes, ${dataset.agreements.length} agreements, ${partners} distinct partners`);
  }
  const first = positionals[0]!;
  const out = values.out ?? join(process.cwd(), `${basename(first, extname(first))}.atlas.json`);
  writeFileSync(out, serialise(dataset));
  io.log(`wrote ${out}`);
  return rejectedRows > 0 ? 1 : 0;
}

/** What was read of one file: the columns, the rows, what was inferred, and each note and rejected row with its row. */
function reportFile(file: string, result: ImportResult, io: ImportIo): void {
  const mapped = result.mapping.columns.filter((c) => c.field).map((c) => `${c.header} → ${c.field}`);
  io.log(
    `${file}: ${result.format}${result.encoding ? ` (${result.encoding})` : ''}, header on ${result.mapping.headerRows === 2 ? `rows ${result.mapping.headerRow - 1}–${result.mapping.headerRow}` : `row ${result.mapping.headerRow}`}: ${mapped.join(', ')}`,
  );
  const { rows, placed, approximate, rejected, byCity, ambiguous, skipped } = result.summary;
  io.log(`${rows} rows: ${placed} placed, ${approximate} approximate (country centre), ${rejected} rejected; ${skipped} heading rows skipped`);
  for (const line of inferredLines(result.inferred)) io.log(line);
  for (const row of result.skipped) io.log(`${file}:${row.row}: skipped (${row.kind}): ${row.text}`);
  for (const row of result.rows)
    if (row.status !== 'rejected' && row.ambiguousInstitution)
      io.log(`${file}:${row.row}: note: ${row.name} fits several institutions (${row.ambiguousInstitution.join('; ')}); placed by ${row.place}`);
  if (byCity > 0) io.log(`placed by their city: ${byCity} (${ambiguous} by a name several cities of the country share: the most populous)`);
  for (const row of result.rows)
    if (row.status === 'placed' && row.ambiguousCity)
      io.log(
        `${file}:${row.row}: note: ${row.ambiguousCity.city} (${row.ambiguousCity.country}) names ${row.ambiguousCity.candidates} cities; placed at the most populous`,
      );
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const row of result.rows)
    if (row.status === 'placed' && row.countryCorrected) {
      const [from, to] = [row.countryCorrected.from, row.countryCorrected.to].map((c) => regionNames.of(c) ?? c);
      io.log(`${file}:${row.row}: note: ${row.name}: country corrected: ${from} -> ${to}, from the name`);
    }
  const noteWords = {
    'unbalanced-quote': () => 'an unbalanced quote (") was read as text',
    'replaced-bytes': () => "bytes that are not in the file's encoding were replaced (�)",
    'coordinates-swapped': () => 'latitude and longitude swapped (placed with them swapped back)',
    'coordinates-outside': (country = '') => `coordinates outside ${regionNames.of(country) ?? country} (not used: placed by its name, city or country)`,
  } satisfies Record<(typeof result.readNotes)[number]['code'], (country?: string) => string>;
  for (const note of result.readNotes) io.log(`${file}:${note.row}: note: ${noteWords[note.code](note.country)}`);
  for (const row of result.rows) if (row.status === 'rejected') io.log(`${file}:${row.row}: ${rejectReasonText('en', row.reason, row.value)}`);
}

/** Where the command's lines go: the process's stdout and stderr, or a test's arrays. */
export interface ImportIo {
  log(...parts: unknown[]): void;
  error(...parts: unknown[]): void;
}

/** Runs `npm run import -- <args>`; resolves to its exit code (see the top of this file). */
export function runImport(args: string[], io: ImportIo = console): Promise<number> {
  return main(args, io).catch((error: unknown) => {
    if (error instanceof UsageError || error instanceof ImportError || error instanceof UnreadableFileError || error instanceof z.ZodError) {
      io.error(`error: ${error.message}`);
      return 2;
    }
    io.error('unexpected error (please report it with the file):', error);
    return 3;
  });
}
