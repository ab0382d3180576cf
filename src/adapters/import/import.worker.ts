// The import worker: reads a list (src/domain/import) off the page's thread, so that 40,000 rows take seconds
// without freezing the page. It keeps the file's table, to map it again when a column is corrected, and the
// dataset, until the page asks for it. The city gazetteer is fetched (same origin) only when a row needs it.
import { cityLookup, isCityGazetteer, type CityLookup } from '../../domain/import/cities';
import { guessWhose, resolveHome } from '../../domain/import/home';
import { cellText, detectMapping, ImportError, mapTable, needsCities, previewOf, type ColumnChoice, type ImportResult } from '../../domain/import/importer';
import type { HeaderMapping } from '../../domain/import/headers';
import { UnreadableFileError } from '../../domain/import/rows';
import { readTable, type Table } from '../../domain/import/table';
import { foldForSearch } from '../../domain/search';
import type { Dataset } from '../../domain/schema';
import type { FailureCode, ImportReply, ImportRequest, WhoseChoice } from './protocol';

/** Rows listed at most in a preview's problems and ambiguous cities. */
const PREVIEW_ROWS = 100;

interface Opened {
  table: Table;
  fileName: string;
  base: Dataset;
  asOf: string;
  citiesUrl: string;
}

let opened: Opened | null = null;
let result: ImportResult | null = null;
let cities: Promise<CityLookup | null> | null = null;
/** The person's last corrections (columns, whose list it is): a change of one keeps the other. */
let choices: { columns?: ColumnChoice; whose: WhoseChoice } = { whose: {} };

const reply = (message: ImportReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

function fail(error: unknown, firstRow: string[] = []) {
  const code: FailureCode = error instanceof ImportError || error instanceof UnreadableFileError ? error.code : 'other';
  const message = error instanceof Error ? error.message : String(error);
  reply({ kind: 'failed', failure: { code, message, firstRow: error instanceof ImportError ? [...error.firstRow] : firstRow } });
}

/** The gazetteer, fetched once; null if it cannot be had (offline on a first visit): rows then fall back to the country. */
function loadCities(url: string): Promise<CityLookup | null> {
  cities ??= fetch(url)
    .then((response) => (response.ok ? response.json() : null))
    .then((data: unknown) => (isCityGazetteer(data) ? cityLookup(data, foldForSearch) : null))
    .catch(() => null);
  return cities;
}

/** Whether the home (typed, or the file's guess) is not a built-in institution: it may be found by a city its name gives. */
function homeNeedsCities(table: Table, mapping: HeaderMapping, fileName: string, base: Dataset, whose: WhoseChoice): boolean {
  const above = table.rows.filter((r) => r.number <= mapping.headerRow - mapping.headerRows).map((r) => r.cells.map(cellText));
  const name = whose.homeName?.trim() || guessWhose(above, fileName).home;
  return name !== null && name !== '' && !resolveHome(name, { base }).ok;
}

async function map() {
  if (!opened) return;
  const { table, fileName, base, asOf, citiesUrl } = opened;
  const { columns, whose } = choices;
  result = null;
  try {
    const mapping = detectMapping(table, columns);
    let lookup: CityLookup | null = null;
    if (needsCities(table, mapping) || homeNeedsCities(table, mapping, fileName, base, whose)) {
      reply({ kind: 'progress', phase: 'cities', done: 0, total: 0 });
      lookup = await loadCities(citiesUrl);
    }
    result = mapTable(table, mapping, fileName, {
      base,
      asOf,
      columns,
      ...(whose.homeName?.trim() ? { homeName: whose.homeName } : {}),
      ...(whose.title?.trim() ? { title: { ja: whose.title.trim(), en: whose.title.trim() } } : {}),
      ...(whose.asOf ? { asOfStated: whose.asOf } : {}),
      ...(lookup ? { cities: lookup } : {}),
      onProgress: (done, total) => reply({ kind: 'progress', phase: 'mapping', done, total }),
    });
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
        const table = await readTable(new Uint8Array(request.bytes), request.fileName);
        opened = { table, fileName: request.fileName, base: request.base, asOf: request.asOf, citiesUrl: request.citiesUrl };
        choices = { whose: {} };
      } catch (error) {
        fail(error);
        return;
      }
      await map();
      return;
    }
    case 'remap':
      choices = { columns: request.columns ?? choices.columns, whose: request.whose ?? choices.whose };
      await map();
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
