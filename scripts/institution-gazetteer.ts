// `npm run gazetteer:institutions -- <ror-records>` (`-- --measure`: coverage and lookup speed of the committed asset): writes the importer's institution gazetteer
// (data/gazetteer/institutions.json, read by src/domain/import/institutions.ts) from ROR (CC0). <ror-records> is a
// clone (or bare git directory) of github.com/ror-community/ror-records, whose release folders (v1.0 … v2.x) hold
// each release's new and changed records: every folder is read, the newest record of each id wins, in either of
// ROR's two schemas. Or `--dump <ror-data.json>`: a full ROR dump (schema v2), read the same way. Then the curated
// supplement (data/gazetteer/supplement.csv, scripts/institution-supplement.ts) adds what ror-records lacks.
// Kept: active records of type education, facility or healthcare, and government or nonprofit records whose names
// look like a research institute's. Per record: short id, names (display, aliases, acronyms, labels with their
// language), country, city (GeoNames name, id and coordinates to 4 decimals, shared in one table).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Dataset } from '../src/domain/schema.ts';
import { coverage, speed } from './institution-gazetteer-measure.ts';
import { applySupplement, SUPPLEMENT } from './institution-supplement.ts';
import {
  type CountryBlock,
  encodeName,
  type DecodedName,
  type InstitutionGazetteer,
  type InstitutionType,
  NAME_SEPARATOR,
} from '../src/domain/import/institution-asset.ts';

const OUT = 'data/gazetteer/institutions.json';
const DATASET = 'data/agreements.json';
const HAN_VARIANTS = 'data/gazetteer/han-variants.csv';

/** Words of a research institute's name, in ROR's languages: a government or nonprofit record is kept with one. */
const RESEARCH =
  /\b(research|institute|institut|instituto|istituto|instytut|laborator|laboratoire|observator|academy of sciences?|akademie|académie|academia|forschung|recherche|investigaci|pesquisa|ricerca|scien|centre for|center for|museum)|研究/iu;

interface Place {
  name: string;
  lat: number;
  lng: number;
  geonameId: number;
}

interface Institution {
  id: string;
  type: InstitutionType;
  names: DecodedName[];
  country: string;
  place: Place | null;
}

interface RorRecord {
  id: string;
  status: string;
  types: string[];
  // v2
  names?: { value: string; types: string[]; lang: string | null }[];
  locations?: { geonames_id: number; geonames_details: { name: string; lat: number; lng: number; country_code: string } }[];
  // v1
  name?: string;
  aliases?: string[];
  acronyms?: string[];
  labels?: { label: string; iso639: string }[];
  country?: { country_code: string };
  addresses?: { lat: number; lng: number; city: string; geonames_city?: { id: number; city: string } | null }[];
}

/** Other names are kept in the scripts a partner list is written in: Latin, Chinese characters, kana, hangul. */
const LISTED_SCRIPT = /^[\p{sc=Latin}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Common}\p{sc=Inherited}]*$/u;

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const clean = (s: string) => s.replaceAll(NAME_SEPARATOR, '/').trim();

function typeOf(types: readonly string[], names: readonly DecodedName[]): InstitutionType | null {
  const t = new Set(types.map((x) => x.toLowerCase()));
  if (t.has('education')) return 'e';
  if (t.has('healthcare')) return 'h';
  if (t.has('facility')) return 'f';
  const research = names.some((n) => n.kind !== 'acronym' && RESEARCH.test(n.value));
  if (t.has('government') && research) return 'g';
  if (t.has('nonprofit') && research) return 'n';
  return null;
}

function institutionOf(r: RorRecord): Institution | null {
  if (r.status !== 'active') return null;
  const id = r.id.replace('https://ror.org/', '');
  const names: DecodedName[] = [];
  let country = '';
  let place: Place | null = null;
  if (r.names) {
    const display = r.names.find((n) => n.types.includes('ror_display')) ?? r.names[0];
    if (!display) return null;
    names.push({ value: clean(display.value), kind: 'display' });
    for (const n of r.names) {
      if (n === display) continue;
      const kind = n.types.includes('acronym') ? 'acronym' : n.types.includes('label') && n.lang ? 'label' : 'alias';
      names.push(kind === 'label' ? { value: clean(n.value), kind, lang: n.lang ?? '' } : { value: clean(n.value), kind });
    }
    const loc = r.locations?.[0];
    if (loc) {
      const g = loc.geonames_details;
      country = g.country_code;
      place = { name: g.name, lat: round(g.lat), lng: round(g.lng), geonameId: loc.geonames_id };
    }
  } else {
    if (!r.name) return null;
    names.push({ value: clean(r.name), kind: 'display' });
    for (const a of r.aliases ?? []) names.push({ value: clean(a), kind: 'alias' });
    for (const a of r.acronyms ?? []) names.push({ value: clean(a), kind: 'acronym' });
    for (const l of r.labels ?? []) names.push({ value: clean(l.label), kind: 'label', lang: l.iso639 });
    country = r.country?.country_code ?? '';
    const a = r.addresses?.[0];
    if (a?.geonames_city) place = { name: a.geonames_city.city, lat: round(a.lat), lng: round(a.lng), geonameId: a.geonames_city.id };
  }
  const type = typeOf(r.types, names);
  if (!type || !country) return null;
  // A name given twice (an English label that is also an alias) is kept once, in its first kind.
  const seen = new Set<string>();
  const key = (n: DecodedName) => `${n.kind === 'acronym' ? '^' : ''}${n.value}`;
  const unique = names.filter((n) => n.value && (n.kind === 'display' || LISTED_SCRIPT.test(n.value)) && !seen.has(key(n)) && seen.add(key(n)));
  return { id, type, names: unique, country: country.toUpperCase(), place };
}

const releaseOrder = (folder: string) => folder.replace(/^v/, '').split('.').map(Number);
function compareReleases(a: string, b: string): number {
  const x = releaseOrder(a);
  const y = releaseOrder(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** The newest record of each id across the repository's release folders, read with git (no work tree needed). */
function readRepository(dir: string): { records: RorRecord[]; releases: string[]; commit: string; commitDate: string } {
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { maxBuffer: 1 << 30 });
  const commit = git('rev-parse', 'HEAD').toString().trim();
  const commitDate = git('log', '-1', '--format=%cI').toString().trim();
  const newest = new Map<string, { release: string; blob: string }>();
  const releases = new Set<string>();
  for (const line of git('ls-tree', '-r', 'HEAD').toString().split('\n')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(v[\d.]+)\/([0-9a-z]{9})\.json$/.exec(line);
    if (!m) continue;
    const [, blob, release, id] = m as unknown as [string, string, string, string];
    releases.add(release);
    const known = newest.get(id);
    if (!known || compareReleases(release, known.release) > 0) newest.set(id, { release, blob });
  }
  const blobs = [...newest.values()].map((v) => v.blob);
  const out = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], { input: `${blobs.join('\n')}\n`, maxBuffer: 2 ** 31 });
  const records: RorRecord[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    records.push(JSON.parse(out.subarray(eol + 1, eol + 1 + size).toString('utf8')) as RorRecord);
    at = eol + 1 + size + 1;
  }
  return { records, releases: [...releases].sort(compareReleases), commit, commitDate };
}

function readHanVariants(): string[] {
  return readFileSync(HAN_VARIANTS, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]?.trim() ?? '')
    .filter((v) => [...v].length > 1);
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dump: { type: 'string' }, out: { type: 'string' }, measure: { type: 'boolean' } },
  });
  const base = JSON.parse(readFileSync(DATASET, 'utf8')) as Dataset;
  if (values.measure) {
    const asset = JSON.parse(readFileSync(values.out ?? OUT, 'utf8')) as InstitutionGazetteer;
    console.log(JSON.stringify({ coverage: coverage(asset, base), speed: speed(asset, base) }, null, 2));
    return;
  }
  const source = values.dump
    ? { records: JSON.parse(readFileSync(values.dump, 'utf8')) as RorRecord[], releases: [values.dump], commit: null, commitDate: null }
    : positionals[0]
      ? readRepository(positionals[0])
      : null;
  if (!source) {
    console.error('usage: npm run gazetteer:institutions -- <ror-records clone or git dir> | --dump <ror-data.json>');
    process.exit(2);
  }
  const kept = source.records.map(institutionOf).filter((i): i is Institution => i !== null);
  const fromRor = kept.length;
  // Institutions ror-records lacks and names lists write, curated (scripts/institution-supplement.ts).
  const supplement = applySupplement(kept);
  kept.sort((a, b) => a.country.localeCompare(b.country) || a.id.localeCompare(b.id));
  const cities: InstitutionGazetteer['cities'] = [];
  const cityIndex = new Map<number, number>();
  const countries: Record<string, CountryBlock> = {};
  const byType: Record<string, number> = {};
  for (const inst of kept) {
    const block = (countries[inst.country] ??= { ids: '', types: '', names: [], city: [] });
    let city = -1;
    if (inst.place) {
      city = cityIndex.get(inst.place.geonameId) ?? -1;
      if (city < 0) {
        city = cities.push([inst.place.name, inst.place.lat, inst.place.lng, inst.place.geonameId]) - 1;
        cityIndex.set(inst.place.geonameId, city);
      }
    }
    block.ids += inst.id;
    block.types += inst.type;
    block.names.push(inst.names.map(encodeName).join(NAME_SEPARATOR));
    block.city.push(city);
    byType[inst.type] = (byType[inst.type] ?? 0) + 1;
  }
  const provenance = {
    source: 'Research Organization Registry (ROR), https://ror.org',
    licence: 'CC0 1.0',
    repository: values.dump ? null : 'https://github.com/ror-community/ror-records',
    commit: source.commit,
    commitDate: source.commitDate,
    releases:
      source.releases.length > 3 ? `${source.releases[0]} … ${source.releases.at(-1)} (${source.releases.length} release folders)` : source.releases.join(', '),
    built: new Date().toISOString().slice(0, 10),
    recordsRead: source.records.length,
    kept: kept.length,
    keptFromRor: fromRor,
    supplement: { file: SUPPLEMENT, rows: supplement.rows, newInstitutions: supplement.added, namesAddedToRecords: supplement.named },
    byType: { education: byType.e ?? 0, facility: byType.f ?? 0, healthcare: byType.h ?? 0, government: byType.g ?? 0, nonprofit: byType.n ?? 0 },
    countries: Object.keys(countries).length,
    cities: cities.length,
  };
  const asset: InstitutionGazetteer = { version: 1, provenance, cities, countries, hanVariants: readHanVariants() };
  // From ROR alone: the built-in institutions found by name in their country (scripts/institution-gazetteer-measure.ts).
  asset.provenance = { ...provenance, coverageOfBuiltIn: coverage(asset, base) };
  const json = JSON.stringify(asset);
  const out = values.out ?? join(process.cwd(), OUT);
  writeFileSync(out, json);
  console.log(JSON.stringify(asset.provenance, null, 2));
  console.log(`wrote ${out}: ${Buffer.byteLength(json)} bytes, ${gzipSync(json).length} gzipped`);
}

main();
