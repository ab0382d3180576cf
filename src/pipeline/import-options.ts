// What `npm run import` gives the importer besides the file, built from what is on disk (the page fetches the same
// gazetteers from its origin): the built-in dataset, the list's month, and the place lookups. Shared by the command
// (src/pipeline/import.ts) and `npm run real-lists`, so both read a list the same way.
import { cityLookup } from '../domain/import/cities';
import type { ImportOptions } from '../domain/import/importer';
import type { Dataset } from '../domain/schema';
import { foldForSearch } from '../domain/search';
import { buildCityGazetteer } from './city-gazetteer';

export async function cliImportOptions(base: Dataset, asOf: string = new Date().toISOString().slice(0, 7)): Promise<ImportOptions> {
  return {
    base,
    asOf,
    // The same gazetteer as the page's (built here rather than fetched): rows with a known city are placed there.
    cities: cityLookup(buildCityGazetteer(base), foldForSearch),
  };
}
