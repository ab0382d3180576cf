// The pipeline as one pure function: seed + curation + gazetteer + borders → validated dataset and a report.
import i18nCountries from 'i18n-iso-countries';
import { SCHEMA_VERSION, parseDataset, type Agreement, type Correction, type Dataset, type Institution } from '../domain/schema';
import { nearOrInside, type CountryBorders } from './borders';
import { loadCuration, type Curation, type CurationSources, type InstitutionRow } from './curation';
import { classifyDepartmentSection, type Chunk } from './department';
import { PipelineError } from './errors';
import type { Gazetteer } from './gazetteer';
import type { SourceFile } from './csv';
import { readSeed, type Seed } from './seed';
import { checkSeedReferences } from './seed-refs';
import { checkCampus, checkCityLabel } from './places';
import { parseUniversitySection, type UniversityEntry } from './university';

export interface PipelineInputs {
  seed: SourceFile;
  curation: CurationSources;
  gazetteer: Gazetteer;
  borders: CountryBorders;
}

export interface DepartmentCount {
  id: string;
  ja: string;
  stated: number | null;
  reconstructed: number;
}

export interface PipelineReport {
  university: { agreements: number; institutions: number; countries: number; tuitionWaivers: number };
  department: { agreements: number; institutions: number; countries: number; byDepartment: DepartmentCount[] };
  all: { agreements: number; institutions: number; countries: number };
  correctionsByKind: Record<string, number>;
  chunks: Record<string, number>;
}

export interface PipelineResult {
  dataset: Dataset;
  report: PipelineReport;
  chunks: Chunk[];
}

/** Points within this distance of their country's polygon pass (coastal campuses, coarse 1:50m coastlines). */
export const COAST_TOLERANCE_KM = 15;

export function buildDataset(inputs: PipelineInputs): PipelineResult {
  const seed = readSeed(inputs.seed);
  const curation = loadCuration(inputs.curation);
  const headings = new Map<string, string>();
  for (const c of curation.countries) for (const name of c.seedNames) headings.set(name, c.code);

  const entries = parseUniversitySection(seed, { headings, labels: curation.labels }, { asOf: curation.meta.asOf, founded: curation.home.founded });
  checkSeedReferences(seed, curation);
  const institutionsByLine = indexUniversityInstitutions(seed, curation, entries);
  const chunks = classifyDepartmentSection(seed, curation);

  const institutionRows = new Map(curation.institutions.map((r) => [r.id, r]));
  const used = new Set<string>();
  const agreements: Agreement[] = [];

  checkGroupMembers(seed, curation, entries, institutionsByLine);

  for (const entry of entries) {
    const memberRows = entry.members.length > 0 ? entry.members.map((m) => institutionsByLine.get(m.line)!) : [institutionsByLine.get(entry.line)!];
    const ids = memberRows.map((r) => r.id);
    for (const id of ids) used.add(id);
    agreements.push({
      id: `u-${ids.length === 1 ? ids[0] : commonSlugPrefix(ids) || `line-${entry.line}`}`,
      level: 'university',
      institutionIds: ids,
      signed: entry.signed,
      tuitionWaiver: entry.tuitionWaiver,
      department: null,
      unit: null,
      source: { line: entry.line, text: entry.text },
      homeId: curation.home.id,
    });
  }

  const departments = new Map(curation.departments.map((d) => [d.id, d]));
  const departmentIdCounts = new Map<string, number>();
  const sortedDepartmentRows = [...curation.departmentAgreements].sort(
    (a, b) => a.line - b.line || seed.at(a.line).indexOf(a.seedText) - seed.at(b.line).indexOf(b.seedText),
  );
  for (const row of sortedDepartmentRows) {
    const department = departments.get(row.departmentId);
    if (!department) throw new PipelineError(row.file, row.row, `unknown department "${row.departmentId}" (not in departments.csv)`);
    if (!institutionRows.has(row.institutionId))
      throw new PipelineError(row.file, row.row, `institution "${row.institutionId}" is missing from institutions.csv`);
    used.add(row.institutionId);
    const base = `d-${row.departmentId}-${row.institutionId}`;
    const n = (departmentIdCounts.get(base) ?? 0) + 1;
    departmentIdCounts.set(base, n);
    agreements.push({
      id: n === 1 ? base : `${base}-${n}`,
      level: 'department',
      institutionIds: [row.institutionId],
      signed: null,
      tuitionWaiver: null,
      department: { id: department.id, ja: department.ja, en: department.en },
      unit: row.unit,
      source: { line: row.line, text: row.seedText },
      ...(row.identification ? { identification: row.identification } : {}),
      homeId: curation.home.id,
    });
  }
  checkStatedCounts(curation, agreements);

  for (const row of curation.institutions) {
    if (!used.has(row.id)) throw new PipelineError(row.file, row.row, `institution "${row.id}" is not named by any agreement`);
  }
  checkFirstLines(curation, agreements, institutionRows);

  const countryRows = new Map(curation.countries.map((c) => [c.code, c]));
  const institutions: Institution[] = curation.institutions.map((row) => geocode(row, countryRows, inputs));
  // Stable order: seed order of the line that first names the institution.
  institutions.sort(
    (a, b) =>
      a.source.line - b.source.line ||
      seed.at(a.source.line).indexOf(a.source.text) - seed.at(b.source.line).indexOf(b.source.text) ||
      a.id.localeCompare(b.id),
  );

  const usedCountries = new Set(institutions.map((i) => i.country));
  const regionNames = new Map(curation.regions.map((r) => [r.id, r]));
  const countries = curation.countries
    .filter((c) => usedCountries.has(c.code))
    .map((c) => ({ code: c.code, name: { ja: c.ja, en: c.en }, ...(c.yomi ? { yomi: c.yomi } : {}), region: c.region, borderIds: borderIds(c) }));
  for (const c of curation.countries) {
    if (!regionNames.has(c.region)) throw new PipelineError(c.file, c.row, `region "${c.region}" is not in regions.csv`);
  }

  const home = inputs.gazetteer.get(curation.home.geonameId);
  if (!home) throw new PipelineError(curation.home.file, curation.home.row, `GeoNames id ${curation.home.geonameId} is not in the gazetteer`);
  if (home.country !== curation.home.country) {
    throw new PipelineError(
      curation.home.file,
      curation.home.row,
      `GeoNames ${home.geonameId} is ${home.name}, ${home.country}; expected a place in ${curation.home.country}`,
    );
  }
  checkCityLabel(curation.home, curation.home.cityEn, null, home);
  checkCampus(curation.home, home, curation.home.campus, false, inputs.gazetteer, [curation.home.country]);

  const corrections: Correction[] = [...curation.corrections]
    .sort((a, b) => a.line - b.line || a.file.localeCompare(b.file) || a.row - b.row)
    .map((c) => ({ line: c.line, seedText: c.seedText, kind: c.kind, decision: c.decision, reason: c.reason, ja: c.ja }));

  const stated = statedTotals(seed);
  const dataset = parseDataset({
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: { ja: curation.meta.titleJa, en: curation.meta.titleEn },
      source: curation.meta.source,
      asOf: curation.meta.asOf,
      stated,
      about: curation.meta.about,
    },
    // One home: every department of the seed is Tohoku's.
    homes: [
      {
        id: curation.home.id,
        name: { ja: curation.home.ja, en: curation.home.en },
        city: { en: curation.home.cityEn, ja: curation.home.cityJa },
        country: curation.home.country,
        lat: home.lat,
        lng: home.lng,
        geonameId: home.geonameId,
        departmentIds: curation.departments.map((d) => d.id),
      },
    ],
    regions: curation.regions.map((r) => ({ id: r.id, name: { ja: r.ja, en: r.en } })),
    countries,
    departments: curation.departments.map((d) => ({
      id: d.id,
      ja: d.ja,
      en: d.en,
      statedCount: d.statedCount,
      source: d.seedText ? { line: d.seedLine, text: d.seedText } : null,
    })),
    institutions,
    agreements,
    corrections,
  } satisfies Dataset);

  return { dataset, report: makeReport(dataset, curation, chunks), chunks };
}

function indexUniversityInstitutions(seed: Seed, curation: Curation, entries: UniversityEntry[]): Map<number, InstitutionRow> {
  const byLine = new Map<number, InstitutionRow[]>();
  for (const row of curation.institutions) {
    if (!byLine.has(row.seedLine)) byLine.set(row.seedLine, []);
    byLine.get(row.seedLine)!.push(row);
  }
  const result = new Map<number, InstitutionRow>();
  const need = (line: number, name: string, country: string) => {
    const rows = (byLine.get(line) ?? []).filter((r) => r.seedJa === name);
    if (rows.length === 0)
      throw new PipelineError(
        seed.path,
        line,
        `institution "${name}" is missing from data/curation/institutions.csv (no row with seed_line ${line} and this seed_ja)`,
      );
    const row = rows[0]!;
    if (rows.length > 1) throw new PipelineError(row.file, rows[1]!.row, `several rows name "${name}" on seed line ${line} (first at line ${row.row})`);
    if (row.country !== country) throw new PipelineError(row.file, row.row, `country ${row.country} differs from the seed heading's ${country}`);
    result.set(line, row);
  };
  for (const entry of entries) {
    if (entry.members.length === 0) need(entry.line, entry.name, entry.country);
    for (const member of entry.members) need(member.line, member.name, entry.country);
  }
  return result;
}

/**
 * An undated seed line joins the dated entry above it as a school or campus (Ecole Centrale, University of California).
 * That must be what institutions.csv says (member_of), both ways: a partner whose date was lost would otherwise
 * silently become one more campus of the group above it.
 */
function checkGroupMembers(seed: Seed, curation: Curation, entries: UniversityEntry[], byLine: Map<number, InstitutionRow>): void {
  const groupOf = new Map<number, UniversityEntry>();
  for (const entry of entries) {
    for (const member of entry.members) {
      groupOf.set(member.line, entry);
      const row = byLine.get(member.line)!;
      if (row.memberOf !== entry.line)
        throw new PipelineError(
          seed.path,
          member.line,
          `undated line "${member.name}" would join "${entry.name}" (line ${entry.line}) as one of its schools or campuses, but institutions.csv does not list it as one (member_of ${entry.line}, line ${row.row}); a partner of its own needs its date "(YYYY.M.D)"`,
        );
    }
  }
  for (const row of curation.institutions) {
    if (row.memberOf !== null && groupOf.get(row.seedLine)?.line !== row.memberOf)
      throw new PipelineError(
        row.file,
        row.row,
        `member_of ${row.memberOf}, but seed line ${row.seedLine} is not listed under the group entry on line ${row.memberOf}`,
      );
  }
}

/** An institution's seed_line is the first line that names it: a group member's own line, else its first agreement's. */
function checkFirstLines(curation: Curation, agreements: Agreement[], rows: Map<string, InstitutionRow>): void {
  const first = new Map<string, number>();
  for (const a of agreements) {
    for (const id of a.institutionIds) {
      const line = a.institutionIds.length > 1 ? rows.get(id)!.seedLine : a.source.line;
      first.set(id, Math.min(first.get(id) ?? line, line));
    }
  }
  for (const row of curation.institutions) {
    const line = first.get(row.id);
    if (line !== undefined && line !== row.seedLine)
      throw new PipelineError(row.file, row.row, `seed_line ${row.seedLine} is not the first line naming "${row.id}": its first agreement is on line ${line}`);
  }
}

/**
 * Where a department's reconstructed count differs from the (N) printed in its header, corrections.csv must explain
 * it with a `count` row on the header's line (the report points there); a `count` row where they agree is stale.
 */
function checkStatedCounts(curation: Curation, agreements: Agreement[]): void {
  const reconstructed = new Map<string, number>();
  for (const a of agreements) if (a.department) reconstructed.set(a.department.id, (reconstructed.get(a.department.id) ?? 0) + 1);
  const countRows = new Map(curation.corrections.filter((c) => c.kind === 'count').map((c) => [c.line, c]));
  for (const d of curation.departments) {
    if (d.statedCount === null) continue;
    const n = reconstructed.get(d.id) ?? 0;
    const explained = countRows.get(d.seedLine);
    if (n !== d.statedCount && !explained)
      throw new PipelineError(
        d.file,
        d.row,
        `"${d.id}" states ${d.statedCount} partners but ${n} are reconstructed, and corrections.csv has no count row for line ${d.seedLine} to explain it`,
      );
    if (n === d.statedCount && explained)
      throw new PipelineError(explained.file, explained.row, `stale count correction: "${d.id}" (line ${d.seedLine}) has its stated ${d.statedCount} partners`);
  }
}

function geocode(row: InstitutionRow, countries: Map<string, Curation['countries'][number]>, inputs: PipelineInputs): Institution {
  const country = countries.get(row.country);
  if (!country) throw new PipelineError(row.file, row.row, `country ${row.country} is not in countries.csv`);
  const place = inputs.gazetteer.get(row.geonameId);
  if (!place) throw new PipelineError(row.file, row.row, `GeoNames id ${row.geonameId} (${row.cityEn}) is not in the gazetteer`);
  const allowed = [row.country, ...country.includes];
  if (!allowed.includes(place.country)) {
    throw new PipelineError(row.file, row.row, `GeoNames ${row.geonameId} is ${place.name}, ${place.country}; expected a place in ${allowed.join(' or ')}`);
  }
  checkCityLabel(row, row.cityEn, row.gazetteerName, place);
  if (row.campus) checkCampus(row, place, row.campus, row.pinAtCampus, inputs.gazetteer, allowed);
  // The gazetteer's point, or the stated campus where no gazetteer place is near it (pin = campus).
  const point = row.pinAtCampus && row.campus ? { ...row.campus, name: `campus of ${row.id}` } : { lat: place.lat, lng: place.lng, name: place.name };
  const features = borderIds(country).flatMap((id) => inputs.borders.byNumeric.get(id) ?? []);
  if (features.length === 0) throw new PipelineError(row.file, row.row, `no border polygon for ${row.country}`);
  if (!nearOrInside(features, point.lng, point.lat, COAST_TOLERANCE_KM)) {
    throw new PipelineError(
      row.file,
      row.row,
      `point ${point.lat},${point.lng} (${point.name}) lies outside ${row.country} (more than ${COAST_TOLERANCE_KM} km from its border)`,
    );
  }
  return {
    id: row.id,
    name: { ja: row.ja, en: row.en },
    ...(row.yomi ? { yomi: row.yomi } : {}),
    aliases: row.aliases,
    country: row.country,
    city: row.cityJa ? { en: row.cityEn, ja: row.cityJa } : { en: row.cityEn },
    lat: point.lat,
    lng: point.lng,
    geonameId: place.geonameId,
    source: { line: row.seedLine, text: row.seedJa },
    ...(row.identification ? { identification: row.identification } : {}),
  };
}

function borderIds(country: Curation['countries'][number]): string[] {
  return [country.code, ...country.includes].map((code) => {
    const numeric = i18nCountries.alpha2ToNumeric(code);
    if (!numeric) throw new PipelineError(country.file, country.row, `${code} is not an ISO 3166-1 alpha-2 code`);
    return numeric;
  });
}

/** `ecole-centrale-de-lille`, `ecole-centrale-de-lyon` → `ecole-centrale-de`, cut at a hyphen, minus a dangling "de"/"of". */
function commonSlugPrefix(ids: string[]): string {
  const parts = ids.map((id) => id.split('-'));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n += 1;
  const prefix = first.slice(0, n);
  while (prefix.length > 0 && ['de', 'of', 'the'].includes(prefix.at(-1)!)) prefix.pop();
  return prefix.join('-');
}

function statedTotals(seed: Seed) {
  const find = (lines: { text: string }[]) => {
    for (const { text } of lines) {
      const m = /(\d+)ヶ国・地域\s*(\d+)機関/.exec(text);
      if (m) return { countries: Number(m[1]), institutions: Number(m[2]) };
    }
    throw new PipelineError(seed.path, null, 'no stated totals (NNヶ国・地域 NNN機関) in a section');
  };
  return { university: find(seed.university), department: find(seed.department) };
}

function makeReport(dataset: Dataset, curation: Curation, chunks: Chunk[]): PipelineReport {
  const byId = new Map(dataset.institutions.map((i) => [i.id, i]));
  const summarise = (list: Agreement[]) => {
    const ids = new Set(list.flatMap((a) => a.institutionIds));
    const countries = new Set([...ids].map((id) => byId.get(id)!.country));
    return { agreements: list.length, institutions: ids.size, countries: countries.size };
  };
  const university = dataset.agreements.filter((a) => a.level === 'university');
  const department = dataset.agreements.filter((a) => a.level === 'department');
  const byDepartment = dataset.departments.map((d) => ({
    id: d.id,
    ja: d.ja,
    stated: d.statedCount,
    reconstructed: department.filter((a) => a.department?.id === d.id).length,
  }));
  const correctionsByKind: Record<string, number> = {};
  for (const c of curation.corrections) correctionsByKind[c.kind] = (correctionsByKind[c.kind] ?? 0) + 1;
  const chunkCounts: Record<string, number> = {};
  for (const c of chunks) chunkCounts[c.kind] = (chunkCounts[c.kind] ?? 0) + 1;
  return {
    university: { ...summarise(university), tuitionWaivers: university.filter((a) => a.tuitionWaiver).length },
    department: { ...summarise(department), byDepartment },
    all: summarise(dataset.agreements),
    correctionsByKind,
    chunks: chunkCounts,
  };
}
