// Loads the curated tables of data/curation/ into typed records that remember their file:line.
import { CONFIDENCE_LEVELS, ISO_ALPHA2_PATTERN, KANJI_PATTERN, REGION_IDS, SLUG_PATTERN, YOMI_PATTERN, type Identification } from '../domain/schema';
import { readTable, required, type SourceFile, type TableRow } from './csv';
import { PipelineError } from './errors';
import { CORRECTION_KINDS, type Located, type Coordinate, type HomeRow, type MetaRow, type Curation } from './curation-rows';
export { CORRECTION_KINDS } from './curation-rows';
export type {
  Located,
  RegionRow,
  CountryRow,
  Coordinate,
  InstitutionRow,
  DepartmentRow,
  DepartmentAgreementRow,
  CorrectionKind,
  CorrectionRow,
  HomeRow,
  MetaRow,
  Curation,
} from './curation-rows';

export const CURATION_FILES = {
  regions: 'regions.csv',
  countries: 'countries.csv',
  institutions: 'institutions.csv',
  departments: 'departments.csv',
  departmentAgreements: 'department-agreements.csv',
  corrections: 'corrections.csv',
  labels: 'labels.csv',
  home: 'home.csv',
  meta: 'meta.csv',
} as const;

export type CurationSources = Record<keyof typeof CURATION_FILES, SourceFile>;

const at = (row: TableRow): Located => ({ file: row.file, row: row.line });

function positiveInt(row: TableRow, column: string): number {
  const value = required(row, column);
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new PipelineError(row.file, row.line, `"${column}" must be a positive integer, got "${value}"`);
  return Number(value);
}

function optionalInt(row: TableRow, column: string): number | null {
  const value = row.optional(column);
  if (value === null) return null;
  if (!/^\d+$/.test(value)) throw new PipelineError(row.file, row.line, `"${column}" must be an integer, got "${value}"`);
  return Number(value);
}

function coordinate(row: TableRow, latColumn: string, lngColumn: string): Coordinate | null {
  const lat = row.optional(latColumn);
  const lng = row.optional(lngColumn);
  if (lat === null && lng === null) return null;
  if (lat === null || lng === null) throw new PipelineError(row.file, row.line, `${latColumn} and ${lngColumn} must be both given or both empty`);
  const parse = (column: string, value: string, limit: number) => {
    if (!/^-?\d{1,3}(\.\d+)?$/.test(value) || Math.abs(Number(value)) > limit)
      throw new PipelineError(row.file, row.line, `"${column}" must be decimal degrees within ±${limit}, got "${value}"`);
    return Number(value);
  };
  return { lat: parse(latColumn, lat, 90), lng: parse(lngColumn, lng, 180) };
}

function requiredCoordinate(row: TableRow, latColumn: string, lngColumn: string): Coordinate {
  const value = coordinate(row, latColumn, lngColumn);
  if (!value) throw new PipelineError(row.file, row.line, `empty "${latColumn}" and "${lngColumn}"`);
  return value;
}

function identification(row: TableRow): Identification | null {
  const confidence = row.optional('confidence');
  const ja = row.optional('confidence_reason_ja');
  const en = row.optional('confidence_reason_en');
  if (confidence === null) {
    if (ja !== null || en !== null) throw new PipelineError(row.file, row.line, 'a confidence reason without a confidence');
    return null;
  }
  const level = oneOf(row, 'confidence', CONFIDENCE_LEVELS);
  if (ja === null || en === null)
    throw new PipelineError(row.file, row.line, `confidence "${level}" needs its reason in both confidence_reason_ja and confidence_reason_en`);
  return { confidence: level, reason: { ja, en } };
}

/** The `yomi` column: kana only, and required where the Japanese name has kanji (its gojūon sort key). */
function reading(row: TableRow, nameColumn: string): string | null {
  const value = row.optional('yomi');
  const name = row.get(nameColumn);
  if (value === null) {
    if (KANJI_PATTERN.test(name)) throw new PipelineError(row.file, row.line, `"${nameColumn}" "${name}" has kanji: give its reading in "yomi" (kana)`);
    return null;
  }
  if (!YOMI_PATTERN.test(value))
    throw new PipelineError(row.file, row.line, `"yomi" must be kana only (hiragana, katakana, ー, single spaces between words), got "${value}"`);
  return value;
}

function oneOf<T extends string>(row: TableRow, column: string, allowed: readonly T[]): T {
  const value = required(row, column);
  if (!(allowed as readonly string[]).includes(value))
    throw new PipelineError(row.file, row.line, `"${column}" must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function slug(row: TableRow, column: string): string {
  const value = required(row, column);
  if (!SLUG_PATTERN.test(value)) throw new PipelineError(row.file, row.line, `"${column}" must be a lowercase slug, got "${value}"`);
  return value;
}

function iso2(row: TableRow, column: string): string {
  const value = required(row, column);
  if (!ISO_ALPHA2_PATTERN.test(value)) throw new PipelineError(row.file, row.line, `"${column}" must be an ISO 3166-1 alpha-2 code, got "${value}"`);
  return value;
}

function unique<T extends Located>(rows: T[], key: (row: T) => string, what: string): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const previous = seen.get(k);
    if (previous) throw new PipelineError(row.file, row.row, `duplicate ${what} "${k}" (first at line ${previous.row})`);
    seen.set(k, row);
  }
  return rows;
}

export function loadCuration(sources: CurationSources): Curation {
  const regions = readTable(sources.regions, ['id', 'name_ja', 'name_en']).map((r) => ({
    ...at(r),
    id: oneOf(r, 'id', REGION_IDS),
    ja: required(r, 'name_ja'),
    en: required(r, 'name_en'),
  }));
  const countries = readTable(sources.countries, ['code', 'seed_ja', 'name_ja', 'yomi', 'name_en', 'region', 'includes']).map((r) => ({
    ...at(r),
    code: iso2(r, 'code'),
    seedNames: (r.optional('seed_ja') ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean),
    ja: required(r, 'name_ja'),
    yomi: reading(r, 'name_ja'),
    en: required(r, 'name_en'),
    region: oneOf(r, 'region', REGION_IDS),
    includes: (r.optional('includes') ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean),
  }));
  const institutions = readTable(sources.institutions, [
    'id',
    'seed_line',
    'seed_ja',
    'name_ja',
    'yomi',
    'name_en',
    'country',
    'city_en',
    'city_ja',
    'geoname_id',
    'gazetteer_name',
    'campus_lat',
    'campus_lng',
    'pin',
    'member_of',
    'aliases',
    'confidence',
    'confidence_reason_ja',
    'confidence_reason_en',
  ]).map((r) => {
    const campus = coordinate(r, 'campus_lat', 'campus_lng');
    const pin = r.optional('pin');
    if (pin !== null && pin !== 'campus') throw new PipelineError(r.file, r.line, `"pin" must be empty (the gazetteer place) or "campus", got "${pin}"`);
    if (pin === 'campus' && !campus) throw new PipelineError(r.file, r.line, 'pin "campus" needs campus_lat and campus_lng');
    return {
      ...at(r),
      id: slug(r, 'id'),
      seedLine: positiveInt(r, 'seed_line'),
      seedJa: required(r, 'seed_ja'),
      ja: required(r, 'name_ja'),
      yomi: reading(r, 'name_ja'),
      en: required(r, 'name_en'),
      country: iso2(r, 'country'),
      cityEn: required(r, 'city_en'),
      cityJa: r.optional('city_ja'),
      geonameId: positiveInt(r, 'geoname_id'),
      gazetteerName: r.optional('gazetteer_name'),
      campus,
      pinAtCampus: pin === 'campus',
      memberOf: r.optional('member_of') === null ? null : positiveInt(r, 'member_of'),
      aliases: (r.optional('aliases') ?? '')
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean),
      identification: identification(r),
    };
  });
  const departments = readTable(sources.departments, ['id', 'seed_line', 'seed_text', 'name_ja', 'name_en', 'stated_count']).map((r) => ({
    ...at(r),
    id: slug(r, 'id'),
    seedLine: positiveInt(r, 'seed_line'),
    seedText: r.optional('seed_text'),
    ja: required(r, 'name_ja'),
    en: required(r, 'name_en'),
    statedCount: optionalInt(r, 'stated_count'),
  }));
  const departmentAgreements = readTable(sources.departmentAgreements, [
    'line',
    'seed_text',
    'department_id',
    'institution_id',
    'unit_ja',
    'unit_en',
    'confidence',
    'confidence_reason_ja',
    'confidence_reason_en',
  ]).map((r) => {
    const unitJa = r.optional('unit_ja');
    const unitEn = r.optional('unit_en');
    if ((unitJa === null) !== (unitEn === null)) throw new PipelineError(r.file, r.line, 'unit_ja and unit_en must be both given or both empty');
    return {
      ...at(r),
      line: positiveInt(r, 'line'),
      seedText: required(r, 'seed_text'),
      departmentId: slug(r, 'department_id'),
      institutionId: slug(r, 'institution_id'),
      unit: unitJa !== null && unitEn !== null ? { ja: unitJa, en: unitEn } : null,
      identification: identification(r),
    };
  });
  const corrections = readTable(sources.corrections, ['line', 'seed_text', 'kind', 'decision', 'reason', 'decision_ja', 'reason_ja'], {
    multiline: ['decision', 'reason', 'decision_ja', 'reason_ja'],
  }).map((r) => ({
    ...at(r),
    line: positiveInt(r, 'line'),
    seedText: r.get('seed_text'),
    kind: oneOf(r, 'kind', CORRECTION_KINDS),
    decision: required(r, 'decision'),
    reason: required(r, 'reason'),
    ja: { decision: required(r, 'decision_ja'), reason: required(r, 'reason_ja') },
  }));
  const labelRows = readTable(sources.labels, ['text', 'kind']).map((r) => ({ ...at(r), text: required(r, 'text') }));
  checkVocabulary(
    unique(countries, (c) => c.code, 'country'),
    labelRows,
  );
  const homeRows = readTable(sources.home, ['id', 'name_ja', 'name_en', 'city_en', 'city_ja', 'country', 'geoname_id', 'campus_lat', 'campus_lng', 'founded']);
  const [homeRow] = homeRows;
  if (!homeRow || homeRows.length !== 1) throw new PipelineError(sources.home.path, null, 'must have exactly one row');
  const home: HomeRow = {
    ...at(homeRow),
    id: slug(homeRow, 'id'),
    ja: required(homeRow, 'name_ja'),
    en: required(homeRow, 'name_en'),
    cityEn: required(homeRow, 'city_en'),
    cityJa: required(homeRow, 'city_ja'),
    country: iso2(homeRow, 'country'),
    geonameId: positiveInt(homeRow, 'geoname_id'),
    campus: requiredCoordinate(homeRow, 'campus_lat', 'campus_lng'),
    founded: positiveInt(homeRow, 'founded'),
  };
  return {
    meta: loadMeta(sources.meta),
    regions: unique(regions, (r) => r.id, 'region'),
    countries,
    institutions: unique(institutions, (i) => i.id, 'institution id'),
    departments: unique(departments, (d) => d.id, 'department id'),
    departmentAgreements,
    // Duplicate department-agreement rows need no check here: the second cannot find its text left on the line.
    corrections: unique(corrections, (c) => `line ${c.line}, "${c.seedText}", ${c.kind}`, 'correction'),
    labels: new Set(labelRows.map((r) => r.text)),
    home,
  };
}

function loadMeta(source: SourceFile): MetaRow {
  const about = ['counting', 'corrections'].flatMap((k) => [`about_${k}_ja`, `about_${k}_en`]);
  const rows = readTable(source, ['title_ja', 'title_en', 'source', 'as_of', ...about]);
  const [row] = rows;
  if (!row || rows.length !== 1) throw new PipelineError(source.path, null, 'must have exactly one row');
  const asOf = required(row, 'as_of');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) throw new PipelineError(row.file, row.line, `"as_of" must be a month YYYY-MM, got "${asOf}"`);
  const note = (k: string) => ({ ja: required(row, `about_${k}_ja`), en: required(row, `about_${k}_en`) });
  const titles = { titleJa: required(row, 'title_ja'), titleEn: required(row, 'title_en') };
  return { ...at(row), ...titles, source: required(row, 'source'), asOf, about: { counting: note('counting'), corrections: note('corrections') } };
}

/**
 * The seed's vocabulary is looked up by text, so one text must mean one thing: a country heading named twice would
 * silently go to the last country, and a heading that is also a label would silently be skipped as a label.
 */
function checkVocabulary(countries: (Located & { code: string; seedNames: string[] })[], labels: (Located & { text: string })[]): void {
  const headings = unique(
    countries.flatMap((c) => c.seedNames.map((name) => ({ file: c.file, row: c.row, name }))),
    (h) => h.name,
    'country seed_ja name',
  );
  unique(labels, (l) => l.text, 'label');
  const byName = new Map(headings.map((h) => [h.name, h]));
  for (const label of labels) {
    const heading = byName.get(label.text);
    if (heading) throw new PipelineError(label.file, label.row, `label "${label.text}" is also a country name in countries.csv (line ${heading.row})`);
  }
}
