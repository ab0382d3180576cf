// Writes src/domain/import/country-names.json from data/curation/country-names.csv: the country names the
// importer reads beyond i18n-iso-countries' (short, older and formal forms), as { name: ISO2 }. Run after editing
// the table: `npx tsx scripts/country-names.ts` (tests/domain/import/countries.test.ts checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { csvParse } from 'd3';

export const COUNTRY_NAMES_CSV = 'data/curation/country-names.csv';
export const COUNTRY_NAMES_JSON = 'src/domain/import/country-names.json';

export function countryNamesTable(csv: string): Record<string, string> {
  const table: Record<string, string> = {};
  csvParse(csv).forEach((row, i) => {
    const name = row.name?.trim();
    const code = row.code?.trim();
    if (!name || !code || !/^[A-Z]{2}$/.test(code)) throw new Error(`${COUNTRY_NAMES_CSV}:${i + 2}: a name and an ISO 3166-1 alpha-2 code`);
    if (name in table) throw new Error(`${COUNTRY_NAMES_CSV}:${i + 2}: ${name} is listed twice`);
    table[name] = code;
  });
  return table;
}

if (process.argv[1]?.endsWith('country-names.ts')) {
  writeFileSync(COUNTRY_NAMES_JSON, `${JSON.stringify(countryNamesTable(readFileSync(COUNTRY_NAMES_CSV, 'utf8')), null, 1)}\n`);
  console.log(`wrote ${COUNTRY_NAMES_JSON}`);
}
