// The importer's city gazetteer as the build writes it: cities of at least 15,000 people per country, most
// populous first, with the built-in dataset's Japanese city names, small enough to fetch on demand.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cityLookup } from '../../src/domain/import/cities';
import { parseDataset } from '../../src/domain/schema';
import { foldForSearch } from '../../src/domain/search';
import { buildCityGazetteer, MIN_POPULATION } from '../../src/pipeline/city-gazetteer';
import { loadCities } from '../../src/pipeline/gazetteer';

const base = parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8')));
const gazetteer = buildCityGazetteer(base);

describe('the city gazetteer', () => {
  it('keeps the cities of at least 15,000 people, most populous first in each country, in a few hundred KB gzipped', () => {
    const population = new Map(
      loadCities().map((c) => [`${c.country}:${c.name}:${Math.round(c.lat * 100) / 100}:${Math.round(c.lng * 100) / 100}`, c.population]),
    );
    const us = gazetteer.countries.US!;
    const populations = us.map(([name, lat, lng]) => population.get(`US:${name}:${lat}:${lng}`) ?? 0);
    expect(populations.slice(0, 50)).toEqual([...populations.slice(0, 50)].sort((a, b) => b - a));
    expect(us[0]![0]).toBe('New York City');
    const count = Object.values(gazetteer.countries).reduce((n, list) => n + list.length, 0);
    expect(count).toBeGreaterThan(20_000);
    expect(count).toBeLessThan(30_000);
    expect(gazetteer.minPopulation).toBe(MIN_POPULATION);
    expect(gzipSync(JSON.stringify(gazetteer), { level: 9 }).length).toBeLessThan(400 * 1024);
  });

  it('adds the built-in dataset’s Japanese city names, so that a Japanese list’s cities are found', () => {
    const lookup = cityLookup(gazetteer, foldForSearch);
    expect(lookup('DE', 'アーヘン')).toMatchObject({ name: 'Aachen', candidates: 1 });
    expect(lookup('DE', 'Aachen')).toMatchObject({ name: 'Aachen' });
    expect(lookup('FR', 'lyon')).toMatchObject({ name: 'Lyon' });
    expect(lookup('FR', 'Aachen')).toBeNull();
  });
});
