// The import worker: reads a list (src/domain/import) off the page's thread, so that 40,000 rows take seconds
// without freezing the page. It keeps the file's table, to map it again when a column is corrected, and the
// dataset, until the page asks for it. The city and institution gazetteers are fetched (same origin) only when a
// row needs them: the institutions when rows are placed by name (no coordinates column).
import { type CityGazetteer, cityLookup, isCityGazetteer, type CityLookup } from '../../domain/import/cities';
import type { HeaderMapping } from '../../domain/import/headers';
import { withSoleHome } from '../../domain/homes';
import centroids from '../../domain/import/country-centroids.json' with { type: 'json' };
import { guessWhose, resolveHome, settleWhose } from '../../domain/import/home';
import {
  cellText,
  detectMapping,
  ImportError,
  type ImportOptions,
  mapTable,
  needsCities,
  previewOf,
  type ColumnChoice,
  type ImportResult,
} from '../../domain/import/importer';
import { isInstitutionGazetteer } from '../../domain/import/institution-asset';
import type { InstitutionLookup } from '../../domain/import/institution-lookup';
import { createInstitutionLookup } from '../../domain/import/institutions';
import { UnreadableFileError } from '../../domain/import/rows';
import { readTable, type Table } from '../../domain/import/table';
import { foldForSearch } from '../../domain/search';
import { MAX_NAME_LENGTH, type Dataset } from '../../domain/schema';
import type { FailureCode, ImportReply, ImportRequest, ReadingChoices, WhoseChoice } from './protocol';

/** Rows listed at most in a preview's problems and ambiguous cities. */
const PREVIEW_ROWS = 100;

interface Opened {
  table: Table;
  fileName: string;
  base: Dataset;
  asOf: string;
  citiesUrl: string;
  institutionsUrl: string;
}

let opened: Opened | null = null;
let result: ImportResult | null = null;
let cities: Promise<CityGazetteer | null> | null = null;
let institutions: Promise<InstitutionLookup | null> | null = null;
/** The last preview's note that rows with a city could not be placed by it (the gazetteer did not load). */
let citiesUnavailable = false;
/** Countries a home's city is looked for in when its name does not say (those the importer can place). */
const COUNTRIES = Object.keys(centroids);
/** The person's last corrections (columns, reading choices, whose list it is): a change of one keeps the others. */
let choices: { columns?: ColumnChoice; reading: ReadingChoices; whose: WhoseChoice } = { reading: {}, whose: {} };

const reply = (message: ImportReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

function fail(error: unknown, firstRow: string[] = []) {
  const code: FailureCode = error instanceof ImportError || error instanceof UnreadableFileError ? error.code : 'other';
  const message = error instanceof Error ? error.message : String(error);
  const row = error instanceof UnreadableFileError && error.row !== undefined ? { row: error.row } : {};
  const first = error instanceof ImportError ? { firstRow: [...error.firstRow], firstRows: error.firstRows.map((r) => [...r]) } : { firstRow };
  reply({ kind: 'failed', failure: { code, message, ...first, ...row } });
}

/** The gazetteer, fetched once; null if it cannot be had (offline on a first visit): rows then fall back to the country. */
function loadCities(url: string): Promise<CityGazetteer | null> {
  cities ??= fetch(url)
    .then((response) => (response.ok ? response.json() : null))
    .then((data: unknown) => (isCityGazetteer(data) ? data : null))
    .catch(() => null);
  return cities;
}

/** The institution lookup over the gazetteer (fetched once) and the built-in institutions; null if it cannot be had. */
function loadInstitutions(url: string, base: Dataset, cityData: CityGazetteer | null): Promise<InstitutionLookup | null> {
  institutions ??= fetch(url)
    .then((response) => (response.ok ? response.json() : null))
    .then((data: unknown) =>
      isInstitutionGazetteer(data) ? createInstitutionLookup(data, { builtins: base.institutions, ...(cityData ? { cities: cityData } : {}) }) : null,
    )
    .catch(() => null);
  return institutions;
}

/** Rows are placed by their partner's name when the list gives no coordinates. */
const needsInstitutions = (mapping: HeaderMapping) => !mapping.columns.some((c) => c.field === 'lat') || !mapping.columns.some((c) => c.field === 'lng');

/** Whether the home (typed, or the file's guess) is not a built-in institution: it may be found by the gazetteers. */
function homeNeedsGazetteers(table: Table, mapping: HeaderMapping, fileName: string, base: Dataset, whose: WhoseChoice): boolean {
  const name = whose.homeName?.trim() || guessWhose(rowsAbove(table, mapping), fileName).home;
  return name !== null && name !== '' && !resolveHome(name, { base }).ok;
}

const rowsAbove = (table: Table, mapping: HeaderMapping) =>
  table.rows.filter((r) => r.number <= mapping.headerRow - mapping.headerRows).map((r) => r.cells.map(cellText));

/** The importer's options for whose list it is, from the person's answers (empty fields leave the file's guess). */
const whoseOptions = (whose: WhoseChoice) => ({
  ...(whose.homeName?.trim() ? { homeName: whose.homeName } : {}),
  ...(whose.title?.trim() ? { title: { ja: whose.title.trim().slice(0, MAX_NAME_LENGTH), en: whose.title.trim().slice(0, MAX_NAME_LENGTH) } } : {}),
  ...(whose.asOf ? { asOfStated: whose.asOf } : {}),
});

/** The gazetteers a home not among the built-in institutions is looked for in (each fetched once). */
async function homeLookups(table: Table, mapping: HeaderMapping, fileName: string, base: Dataset, whose: WhoseChoice) {
  if (!opened || !homeNeedsGazetteers(table, mapping, fileName, base, whose)) return {};
  const cityData = await loadCities(opened.citiesUrl);
  const byName = await loadInstitutions(opened.institutionsUrl, base, cityData);
  return { ...(cityData ? { cities: cityLookup(cityData, foldForSearch) } : {}), ...(byName ? { institutions: byName } : {}) };
}

/**
 * A new home or title with the same as-of month: the rows map as they did, so only the dataset's home and title
 * change (a 42,000-row list is not read again for a name). False when the month changes: then the rows are mapped.
 */
async function settleOnly(previous: ImportResult): Promise<boolean> {
  // A list of several homes (a home column) is its rows' homes': a new name for "the" home means mapping again.
  if (!opened || previous.inferred.homes) return false;
  const { table, fileName, base, asOf } = opened;
  const { whose } = choices;
  const lookups = await homeLookups(table, previous.mapping, fileName, base, whose);
  const settled = settleWhose(rowsAbove(table, previous.mapping), fileName, { base, asOf, ...whoseOptions(whose), ...lookups }, COUNTRIES);
  if (settled.asOf !== previous.guesses.asOf) return false;
  const { dataset } = previous;
  result = {
    ...previous,
    guesses: settled,
    dataset: { ...withSoleHome(dataset, settled.home?.ok ? settled.home.home : base.homes[0]!), meta: { ...dataset.meta, title: settled.title } },
  };
  reply({ kind: 'preview', preview: previewOf(result, PREVIEW_ROWS), citiesUnavailable });
  return true;
}

async function map() {
  if (!opened) return;
  const { table, fileName, base, asOf, citiesUrl, institutionsUrl } = opened;
  const { columns, reading, whose } = choices;
  result = null;
  try {
    const mapping = detectMapping(table, columns);
    let lookup: CityLookup | null = null;
    let byName: InstitutionLookup | null = null;
    const home = homeNeedsGazetteers(table, mapping, fileName, base, whose);
    const byCity = needsCities(table, mapping) || home;
    const byInstitution = needsInstitutions(mapping) || home;
    if (byCity || byInstitution) {
      reply({ kind: 'progress', phase: 'cities', done: 0, total: 0 });
      const cityData = await loadCities(citiesUrl);
      lookup = byCity && cityData ? cityLookup(cityData, foldForSearch) : null;
      if (byInstitution) byName = await loadInstitutions(institutionsUrl, base, cityData);
    }
    const options: ImportOptions = {
      base,
      asOf,
      columns,
      ...reading,
      ...whoseOptions(whose),
      ...(lookup ? { cities: lookup } : {}),
      ...(byName ? { institutions: byName } : {}),
      onProgress: (done, total) => reply({ kind: 'progress', phase: 'mapping', done, total }),
    };
    result = mapTable(table, mapping, fileName, options);
    citiesUnavailable = needsCities(table, mapping) && !lookup;
    reply({ kind: 'preview', preview: previewOf(result, PREVIEW_ROWS), citiesUnavailable });
  } catch (error) {
    fail(error);
  }
}

async function handle(request: ImportRequest) {
  switch (request.kind) {
    case 'read': {
      reply({ kind: 'progress', phase: 'reading', done: 0, total: 0 });
      try {
        const table = await readTable(new Uint8Array(request.bytes), request.fileName, request.encoding ? { encoding: request.encoding } : {});
        const { fileName, base, asOf, citiesUrl, institutionsUrl } = request;
        opened = { table, fileName, base, asOf, citiesUrl, institutionsUrl };
        choices = { reading: {}, whose: {} };
      } catch (error) {
        fail(error);
        return;
      }
      await map();
      return;
    }
    case 'remap': {
      const previous = result;
      choices = {
        columns: request.columns ?? choices.columns,
        reading: request.choices ?? choices.reading,
        whose: request.whose ?? choices.whose,
      };
      if (request.columns === undefined && request.choices === undefined && previous && (await settleOnly(previous))) return;
      await map();
      return;
    }
    case 'dataset':
      if (result) {
        const json = new TextEncoder().encode(JSON.stringify(result.dataset)).buffer;
        reply({ kind: 'dataset', json }, [json]);
      }
      return;
  }
}

// One request at a time, in order: a correction sent while the gazetteer downloads waits for the first mapping.
let queue = Promise.resolve();
addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  queue = queue.then(() => handle(event.data));
});
