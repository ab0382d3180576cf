// Synthetic datasets for the benchmark: N agreements with a realistic spread over about 2,000 real cities.
// Deterministic (seeded), valid against the dataset schema, built on the real dataset's countries, regions and
// departments so every view has something to show.
import { randomLcg } from 'd3';
import type { Agreement, Dataset, Institution } from '../src/domain/schema';
import { loadCities, type GazetteerCity } from '../src/pipeline/gazetteer';

const CITY_COUNT = 2000;

export function syntheticDataset(real: Dataset, agreementCount: number, seed = 42): Dataset {
  const random = randomLcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Weighted pick: the real data's country mix (by institutions), so China and Korea dominate as they do.
  const weights = new Map<string, number>();
  for (const i of real.institutions) weights.set(i.country, (weights.get(i.country) ?? 0) + 1);
  const codes = new Set(real.countries.map((c) => c.code));
  const cities = loadCities()
    .filter((c) => codes.has(c.country) || (c.country === 'HK' && codes.has('CN')))
    .sort((a, b) => b.population - a.population);
  // About 2,000 cities, shared out in proportion to the country weights (at least 3 per country).
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const chosen: GazetteerCity[] = [];
  for (const [code, weight] of weights) {
    const quota = Math.max(3, Math.round((weight / total) * CITY_COUNT));
    chosen.push(...cities.filter((c) => c.country === code || (code === 'CN' && c.country === 'HK')).slice(0, quota));
  }
  const countryOf = (c: GazetteerCity) => (c.country === 'HK' ? 'CN' : c.country);
  // Institutions: one per 2.5 agreements, but at least 300; several per big city.
  const institutionCount = Math.max(300, Math.round(agreementCount / 2.5));
  const institutions: Institution[] = [];
  for (let n = 0; n < institutionCount; n += 1) {
    // Bias towards big cities: square the uniform draw.
    const city = chosen[Math.floor(random() ** 2 * chosen.length)]!;
    institutions.push({
      id: `synthetic-institution-${n}`,
      name: { ja: `${city.name}第${n}大学`, en: `University ${n} of ${city.name}` },
      aliases: n % 7 === 0 ? [`U${n}`] : [],
      country: countryOf(city),
      city: { en: city.name },
      lat: city.lat,
      lng: city.lng,
      geonameId: city.geonameId,
      source: { line: 1 + (n % 500), text: `synthetic ${n}` },
    });
  }
  const agreements: Agreement[] = [];
  const departments = real.departments;
  const [first, last] = [1983, 2012];
  for (let n = 0; n < agreementCount; n += 1) {
    const institution = pick(institutions);
    const university = random() < 0.45;
    // Signing years grow over time, as the real network did.
    const year = Math.round(first + Math.sqrt(random()) * (last - first));
    // Nothing is signed after the list's as-of month (the schema rejects it).
    const [asOfYear, asOfMonth] = real.meta.asOf.split('-').map(Number) as [number, number];
    const month = 1 + Math.floor(random() * (year === asOfYear ? asOfMonth : 12));
    const day = 1 + Math.floor(random() * 28);
    const department = pick(departments);
    agreements.push(
      university
        ? {
            id: `u-synthetic-${n}`,
            level: 'university',
            institutionIds: [institution.id],
            signed: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            tuitionWaiver: random() < 0.9,
            department: null,
            unit: null,
            source: { line: 1 + (n % 500), text: `synthetic agreement ${n}` },
            homeId: real.homes[0]!.id,
          }
        : {
            id: `d-synthetic-${n}`,
            level: 'department',
            institutionIds: [institution.id],
            signed: null,
            tuitionWaiver: null,
            department: { id: department.id, ja: department.ja, en: department.en },
            unit: random() < 0.7 ? { ja: `第${n % 40}学部`, en: `Faculty ${n % 40}` } : null,
            source: { line: 1 + (n % 500), text: `synthetic agreement ${n}` },
            homeId: real.homes[0]!.id,
          },
    );
  }
  return { ...real, institutions, agreements, corrections: [] };
}
