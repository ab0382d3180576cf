// Identity is name and country (issue 27, item 3): on main, Northeastern University (US, then China) and Soochow
// University (China, then Taiwan) were merged into 2 institutions and Taiwan showed no agreement, because the
// imported US partner took the built-in Chinese partner's id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAgreements } from '../../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
const csv = (rows: string[]) => new TextEncoder().encode(['name,country,signed', ...rows].join('\n'));

describe('same-name universities in two countries', () => {
  it('stay two institutions each, and imported ids never take a built-in id from another country', async () => {
    const result = await importAgreements(
      csv([
        'Northeastern University,US,2012-04-01',
        'Northeastern University,CN,2013-04-01',
        'Soochow University,CN,2014-04-01',
        'Soochow University,TW,2015-04-01',
      ]),
      'homonyms.csv',
      { base, asOf: '2025-12' },
    );
    expect(result.summary.rejected).toBe(0);
    const byCountry = Object.fromEntries(result.dataset.institutions.map((i) => [`${i.name.en}/${i.country}`, i.id]));
    expect(byCountry).toEqual({
      'Northeastern University/US': 'northeastern-university-us',
      'Northeastern University/CN': 'northeastern-university',
      'Soochow University/CN': 'soochow-university-cn',
      'Soochow University/TW': 'soochow-university',
    });
    // Each agreement is with the institution of its own country.
    const countryOf = new Map(result.dataset.institutions.map((i) => [i.id, i.country]));
    expect(result.dataset.agreements.map((a) => countryOf.get(a.institutionIds[0]!))).toEqual(['US', 'CN', 'CN', 'TW']);
    const builtIn = new Map(base.institutions.map((i) => [i.id, i.country]));
    for (const inst of result.dataset.institutions) if (builtIn.has(inst.id)) expect(builtIn.get(inst.id)).toBe(inst.country);
  });
});

describe('a "University, Partner" header', () => {
  it("reads the partner column as the name: no partner gets the home university's Japanese name", async () => {
    const bytes = new TextEncoder().encode(
      'University,Partner,Country,Signed\n東北大学,Seoul National University,Korea,2012-04-01\n東北大学,Monash University,Australia,2013-01-01\n',
    );
    const result = await importAgreements(bytes, 'home-and-partner.csv', { base, asOf: '2025-12' });
    // The plain University column beside Partner is the list's own university (the home column), not a name.
    expect(result.mapping.columns.map((c) => c.field)).toEqual(['home', 'name', 'country', 'signed']);
    expect(result.inferred.home).toBe('東北大学');
    const names = result.dataset.institutions.map((i) => i.name);
    expect(names.map((n) => n.en)).toEqual(['Seoul National University', 'Monash University']);
    for (const name of names) expect(name.ja).not.toBe('東北大学');
  });
});
