// The import worker: reads lists (src/domain/import) off the page's thread, so that 40,000 rows take seconds
// without freezing the page. Several files opened together are read by one worker, in turn, each as its own job
// (its table, to map it again when a column is corrected, and its dataset, until the page asks for it). The city and
// institution gazetteers are fetched (same origin) only when a row needs them (the institutions when rows are placed
// by name: no coordinates column), and once for all the files: the second and third file use the first's lookups.
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

/** One file's reading: its table, its last result and the person's corrections. */
interface Session {
  job: number;
  opened: Opened | null;
  result: ImportResult | null;
  /** The last preview's note that rows with a city could not be placed by it (the gazetteer did not load). */
  citiesUnavailable: boolean;
  /** The person's last corrections (columns, reading choices, whose list it is): a change of one keeps the others. */
  choices: { columns?: ColumnChoice; reading: ReadingChoices; whose: WhoseChoice };
}

/** The files this worker reads, by job. */
const sessions = new Map<number, Session>();
/** The gazetteers, fetched once for every file (by URL; the institution lookup also by the built-in list it joins). */
const cities = new Map<string, Promise<CityGazetteer | null>>();
const institutions = new Map<string, Promise<InstitutionLookup | null>>();
/** Countries a home's city is looked for in when its name does not say (those the importer can place). */
const COUNTRIES = Object.keys(centroids);

const send = (message: ImportReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

function fail(job: number, error: unknown, firstRow: string[] = []) {
  const code: FailureCode = error instanceof ImportError || error instanceof UnreadableFileError ? error.code : 'other';
  const message = error instanceof Error ? error.message : String(error);
  const row = error instanceof UnreadableFileError && error.row !== undefined ? { row: error.row } : {};
  const first = error instanceof ImportError ? { firstRow: [...error.firstRow], firstRows: error.firstRows.map((r) => [...r]) } : { firstRow };
  send({ kind: 'failed', job, failure: { code, message, ...first, ...row } });
}

/** The gazetteer, fetched once; null if it cannot be had (offline on a first visit): rows then fall back to the country. */
function loadCities(url: string): Promise<CityGazetteer | null> {
  let loaded = cities.get(url);
  if (!loaded) {
    loaded = fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .then((data: unknown) => (isCityGazetteer(data) ? data : null))
      .catch(() => null);
    cities.set(url, loaded);
  }
  return loaded;
}

/**
 * The institution lookup over the gazetteer (fetched once) and the built-in institutions; null if it cannot be had.
 * Kept for the next file read against the same built-in list (the files of one dialog are).
 */
function loadInstitutions(url: string, base: Dataset, cityData: CityGazetteer | null): Promise<InstitutionLookup | null> {
  const key = `${url}\n${base.institutions.map((i) => i.id).join('\n')}`;
  let loaded = institutions.get(key);
  if (!loaded) {
    loaded = fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .then((data: unknown) =>
        isInstitutionGazetteer(data) ? createInstitutionLookup(data, { builtins: base.institutions, ...(cityData ? { cities: cityData } : {}) }) : null,
      )
      .catch(() => null);
    institutions.set(key, loaded);
  }
  return loaded;
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
async function homeLookups(opened: Opened, table: Table, mapping: HeaderMapping, fileName: string, base: Dataset, whose: WhoseChoice) {
  if (!homeNeedsGazetteers(table, mapping, fileName, base, whose)) return {};
  const cityData = await loadCities(opened.citiesUrl);
  const byName = await loadInstitutions(opened.institutionsUrl, base, cityData);
  return { ...(cityData ? { cities: cityLookup(cityData, foldForSearch) } : {}), ...(byName ? { institutions: byName } : {}) };
}

/**
 * A new home or title with the same as-of month: the rows map as they did, so only the dataset's home and title
 * change (a 42,000-row list is not read again for a name). False when the month changes: then the rows are mapped.
 */
async function settleOnly(session: Session, previous: ImportResult): Promise<boolean> {
  const { opened } = session;
  // A list of several homes (a home column) is its rows' homes': a new name for "the" home means mapping again.
  if (!opened || previous.inferred.homes) return false;
  const { table, fileName, base, asOf } = opened;
  const { whose } = session.choices;
  const lookups = await homeLookups(opened, table, previous.mapping, fileName, base, whose);
  const settled = settleWhose(rowsAbove(table, previous.mapping), fileName, { base, asOf, ...whoseOptions(whose), ...lookups }, COUNTRIES);
  if (settled.asOf !== previous.guesses.asOf) return false;
  const { dataset } = previous;
  const result: ImportResult = {
    ...previous,
    guesses: settled,
    dataset: { ...withSoleHome(dataset, settled.home?.ok ? settled.home.home : base.homes[0]!), meta: { ...dataset.meta, title: settled.title } },
  };
  session.result = result;
  send({ kind: 'preview', job: session.job, preview: previewOf(result, PREVIEW_ROWS), citiesUnavailable: session.citiesUnavailable });
  return true;
}

async function map(session: Session) {
  const { opened, job } = session;
  if (!opened) return;
  const { table, fileName, base, asOf, citiesUrl, institutionsUrl } = opened;
  const { columns, reading, whose } = session.choices;
  session.result = null;
  try {
    const mapping = detectMapping(table, columns);
    let lookup: CityLookup | null = null;
    let byName: InstitutionLookup | null = null;
    const home = homeNeedsGazetteers(table, mapping, fileName, base, whose);
    const byCity = needsCities(table, mapping) || home;
    const byInstitution = needsInstitutions(mapping) || home;
    if (byCity || byInstitution) {
      send({ kind: 'progress', job, phase: 'cities', done: 0, total: 0 });
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
      onProgress: (done, total) => send({ kind: 'progress', job, phase: 'mapping', done, total }),
    };
    const result = mapTable(table, mapping, fileName, options);
    session.result = result;
    session.citiesUnavailable = needsCities(table, mapping) && !lookup;
    send({ kind: 'preview', job, preview: previewOf(result, PREVIEW_ROWS), citiesUnavailable: session.citiesUnavailable });
  } catch (error) {
    fail(job, error);
  }
}

async function handle(request: ImportRequest) {
  const { job } = request;
  switch (request.kind) {
    case 'read': {
      send({ kind: 'progress', job, phase: 'reading', done: 0, total: 0 });
      const session: Session = { job, opened: null, result: null, citiesUnavailable: false, choices: { reading: {}, whose: {} } };
      sessions.set(job, session);
      try {
        const table = await readTable(new Uint8Array(request.bytes), request.fileName, request.encoding ? { encoding: request.encoding } : {});
        const { fileName, base, asOf, citiesUrl, institutionsUrl } = request;
        session.opened = { table, fileName, base, asOf, citiesUrl, institutionsUrl };
      } catch (error) {
        fail(job, error);
        return;
      }
      await map(session);
      return;
    }
    case 'remap': {
      const session = sessions.get(job);
      if (!session) return;
      const previous = session.result;
      const { choices } = session;
      session.choices = {
        columns: request.columns ?? choices.columns,
        reading: request.choices ?? choices.reading,
        whose: request.whose ?? choices.whose,
      };
      if (request.columns === undefined && request.choices === undefined && previous && (await settleOnly(session, previous))) return;
      await map(session);
      return;
    }
    case 'dataset': {
      const result = sessions.get(job)?.result;
      if (result) {
        const json = new TextEncoder().encode(JSON.stringify(result.dataset)).buffer;
        send({ kind: 'dataset', job, json }, [json]);
      }
      return;
    }
    case 'close':
      // The page stopped reading this file (the others read on): its table and dataset go.
      sessions.delete(job);
      return;
  }
}

// One request at a time, in order (the files in turn): a correction sent while the gazetteer downloads waits for the
// first mapping; a second file's reading waits for the first's, and finds the gazetteers loaded.
let queue = Promise.resolve();
addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  queue = queue.then(() => handle(event.data));
});
