// The search box's examples come from the dataset's own partners, so an imported list suggests its own names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAgreements } from '../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../src/domain/schema';
import { searchExamples } from '../../src/i18n/dataset-texts';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8')));

describe('searchExamples', () => {
  it('names the busiest partner, a city and a country of the dataset, in each language', () => {
    expect(searchExamples('en', base)).toBe('e.g. Sungkyunkwan University, Rome, Thailand');
    expect(searchExamples('ja', base)).toBe('例: 成均館大学校、ローマ、タイ');
  });

  it("an imported list's examples are its own", async () => {
    const list =
      'name,country,city,signed\nUniversity of Toronto,Canada,Toronto,2015-06-30\nUniversity of Toronto,Canada,Toronto,2016-06-30\nUniversität Wien,Austria,Vienna,2010\nFoo College,Kenya,Nairobi,2011\n';
    const r = await importAgreements(new TextEncoder().encode(list), 'x.csv', { base, asOf: '2026-12' });
    expect(searchExamples('en', r.dataset)).toBe('e.g. University of Toronto, Nairobi, Austria');
  });
});
