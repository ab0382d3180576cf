// What `npm run import` gives the importer besides the file, built from what is on disk (the page fetches the same
// gazetteers from its origin): the built-in dataset, the list's month, and the place lookups. Shared by the command
// (src/pipeline/import.ts) and `npm run real-lists`, so both read a list the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cityLookup } from '../domain/import/cities';
import type { ImportOptions } from '../domain/import/importer';
import { isInstitutionGazetteer } from '../domain/import/institution-asset';
import { createInstitutionLookup } from '../domain/import/institutions';
import type { Dataset } from '../domain/schema';
import { foldForSearch } from '../domain/search';
import { buildCityGazetteer } from './city-gazetteer';

/** The committed institution gazetteer (scripts/institution-gazetteer.ts writes it). */
const INSTITUTIONS_PATH = 'data/gazetteer/institutions.json';

function readInstitutionGazetteer() {
  const data: unknown = JSON.parse(readFileSync(join(process.cwd(), INSTITUTIONS_PATH), 'utf8'));
  if (!isInstitutionGazetteer(data)) throw new Error(`${INSTITUTIONS_PATH} is not an institution gazetteer`);
  return data;
}

export async function cliImportOptions(base: Dataset, asOf: string = new Date().toISOString().slice(0, 7)): Promise<ImportOptions> {
  const cities = buildCityGazetteer(base);
  return {
    base,
    asOf,
    // The same gazetteers as the page's (the cities built here rather than fetched, the institutions read from disk):
    // rows are placed by their partner's name, else by their city.
    cities: cityLookup(cities, foldForSearch),
    institutions: createInstitutionLookup(readInstitutionGazetteer(), { builtins: base.institutions, cities }),
  };
}
