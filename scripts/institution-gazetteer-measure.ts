// What the institution gazetteer reaches and how fast its lookup is (scripts/institution-gazetteer.ts records the
// coverage in the asset's provenance; `npm run gazetteer:institutions -- --measure` prints all of it):
// - coverage: how many of the built-in dataset's institutions the lookup finds by their English and by their Japanese
//   name in their country, from ROR alone (no built-in names), within 30 km of their curated place;
// - speed: building the lookup, and looking up the 42,000-row synthetic national list's names (scripts/national-list.ts)
//   with their countries, as the importer does (CPU time of this process and wall time).
import { countryCode } from '../src/domain/import/countries.ts';
import type { InstitutionGazetteer } from '../src/domain/import/institution-asset.ts';
import { createInstitutionLookup } from '../src/domain/import/institutions.ts';
import type { Dataset } from '../src/domain/schema.ts';
import { buildCityGazetteer } from '../src/pipeline/city-gazetteer.ts';
import { nationalList } from './national-list.ts';

const NEAR_KM = 30;

function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

export interface Coverage {
  institutions: number;
  countries: number;
  /** Countries of the built-in institutions that have at least one institution in the gazetteer. */
  countriesInGazetteer: number;
  en: Record<string, number>;
  ja: Record<string, number>;
}

/** From ROR alone: per language, found (by rule) within 30 km, elsewhere, ambiguous, or not found. */
export function coverage(asset: InstitutionGazetteer, base: Pick<Dataset, 'institutions'>): Coverage {
  const lookup = createInstitutionLookup(asset, { cities: buildCityGazetteer(base) });
  const count = (lang: 'en' | 'ja') => {
    const out: Record<string, number> = { found: 0 };
    for (const inst of base.institutions) {
      const r = lookup(inst.name[lang], inst.country);
      const key = !r ? 'none' : !r.match ? 'ambiguous' : km(r.match, inst) <= NEAR_KM ? r.how : 'elsewhere';
      out[key] = (out[key] ?? 0) + 1;
      if (r?.match && key !== 'elsewhere') out.found = (out.found ?? 0) + 1;
    }
    return out;
  };
  const countries = new Set(base.institutions.map((i) => i.country));
  return {
    institutions: base.institutions.length,
    countries: countries.size,
    countriesInGazetteer: [...countries].filter((c) => asset.countries[c]).length,
    en: count('en'),
    ja: count('ja'),
  };
}

export function speed(asset: InstitutionGazetteer, base: Dataset) {
  const cities = buildCityGazetteer(base);
  const rows = nationalList(base)
    .csv.split('\r\n')
    .slice(3)
    .filter(Boolean)
    .map((line) => line.split(','))
    .map((cells) => ({ country: countryCode(cells[1] ?? ''), name: cells[2] || cells[3] || '' }));
  const cpu = () => process.cpuUsage().user / 1000;
  let t = cpu();
  let wall = performance.now();
  const lookup = createInstitutionLookup(asset, { builtins: base.institutions, cities });
  const build = { cpuMs: Math.round(cpu() - t), wallMs: Math.round(performance.now() - wall) };
  // The indexes of the list's countries are built on each country's first row: first rows apart.
  t = cpu();
  wall = performance.now();
  const firsts = new Map(rows.map((row) => [row.country, row]));
  for (const row of firsts.values()) lookup(row.name, row.country);
  const indexes = { countries: firsts.size, cpuMs: Math.round(cpu() - t), wallMs: Math.round(performance.now() - wall) };
  t = cpu();
  wall = performance.now();
  const hows: Record<string, number> = {};
  for (const row of rows) {
    const r = lookup(row.name, row.country);
    const key = r ? (r.match ? r.how : 'ambiguous') : 'none';
    hows[key] = (hows[key] ?? 0) + 1;
  }
  const cpuMs = cpu() - t;
  const wallMs = performance.now() - wall;
  return {
    rows: rows.length,
    build,
    indexes,
    lookups: { cpuMs: Math.round(cpuMs), wallMs: Math.round(wallMs), perSecondCpu: Math.round(rows.length / (cpuMs / 1000)) },
    hows,
  };
}
