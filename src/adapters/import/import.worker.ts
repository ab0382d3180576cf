// The import worker: reads a list (src/domain/import) off the page's thread, so that 40,000 rows take seconds
// without freezing the page. It keeps the file's table, to map it again when a column is corrected, and the
// dataset, until the page asks for it. The city and institution gazetteers are fetched (same origin) only when a
// row needs them: the institutions when rows are placed by name (no coordinates column).
import { type CityGazetteer, cityLookup, isCityGazetteer, type CityLookup } from '../../domain/import/cities';
import type { HeaderMapping } from '../../domain/import/headers';
import {
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
import type { Dataset } from '../../domain/schema';
import type { FailureCode, ImportReply, ImportRequest, ReadingChoices } from './protocol';

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

async function map(columns?: ColumnChoice, choices: ReadingChoices = {}) {
  if (!opened) return;
  const { table, fileName, base, asOf, citiesUrl, institutionsUrl } = opened;
  result = null;
  try {
    const mapping = detectMapping(table, columns);
    let lookup: CityLookup | null = null;
    let byName: InstitutionLookup | null = null;
    const byCity = needsCities(table, mapping);
    if (byCity || needsInstitutions(mapping)) {
      reply({ kind: 'progress', phase: 'cities', done: 0, total: 0 });
      const cityData = await loadCities(citiesUrl);
      lookup = byCity && cityData ? cityLookup(cityData, foldForSearch) : null;
      if (needsInstitutions(mapping)) byName = await loadInstitutions(institutionsUrl, base, cityData);
    }
    // `institutions` is the importer's (helper "lists") option: a variable, so that this compiles before it exists.
    const options: ImportOptions & { institutions?: InstitutionLookup } = {
      base,
      asOf,
      columns,
      ...choices,
      ...(lookup ? { cities: lookup } : {}),
      ...(byName ? { institutions: byName } : {}),
      onProgress: (done, total) => reply({ kind: 'progress', phase: 'mapping', done, total }),
    };
    result = mapTable(table, mapping, fileName, options);
    reply({ kind: 'preview', preview: previewOf(result, PREVIEW_ROWS), citiesUnavailable: needsCities(table, mapping) && !lookup });
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
      } catch (error) {
        fail(error);
        return;
      }
      await map();
      return;
    }
    case 'remap':
      await map(request.columns, request.choices);
      return;
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
