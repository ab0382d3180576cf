// The importer's region of every country (src/domain/import/regions.ts) makes the same choices as the curated table
// the built-in dataset is built from (data/curation/countries.csv): a country's region is one fact, whichever list
// names it (issue 25).
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { REGION_OF } from '../../../src/domain/import/regions';

describe('regions', () => {
  const rows = csvParse(readFileSync(new URL('../../../data/curation/countries.csv', import.meta.url), 'utf8'));

  it('agree with data/curation/countries.csv for every country there', () => {
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect({ code: row.code, region: REGION_OF.get(row.code!) }).toEqual({ code: row.code, region: row.region });
  });
});
