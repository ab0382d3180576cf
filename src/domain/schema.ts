// The schema of data/agreements.json: validated by the pipeline before writing and by the app after loading.
import * as z from 'zod';
import { SCHEMA_VERSION, upgradeDataset } from './dataset-version';
import { ISO_ALPHA2_PATTERN, REGION_IDS, SLUG_PATTERN } from './schema-ids';

export { ISO_ALPHA2_PATTERN, REGION_IDS, SCHEMA_VERSION, SLUG_PATTERN };

// No code generation: zod's JIT probes `new Function`, which the page's Content-Security-Policy forbids.
z.config({ jitless: true });

/**
 * Longest texts a record may hold. Real names stay far below (the longest is ~150 characters); a 10 MB name once
 * made the page take 10–15 s to become ready, so anything longer is rejected with a message instead.
 */
export const MAX_NAME_LENGTH = 400;
export const MAX_TEXT_LENGTH = 4000;
const name = z.string().min(1).max(MAX_NAME_LENGTH);
/**
 * A Japanese name's reading (yomi): kana only (hiragana, katakana, ー), words separated by single spaces. The
 * Japanese sort key of a name with kanji (韓国: かんこく), so that lists follow gojūon order (src/domain/name-order.ts).
 */
export const YOMI_PATTERN = /^[\u3041-\u3096\u30a1-\u30faー]+( [\u3041-\u3096\u30a1-\u30faー]+)*$/;
/** Kanji (and 々) in a Japanese name: such a name needs its reading in the curation tables. */
export const KANJI_PATTERN = /[\p{Script=Han}々〆]/u;
const yomi = name.regex(YOMI_PATTERN, 'must be kana only (hiragana, katakana, ー, single spaces)');
const text = z.string().max(MAX_TEXT_LENGTH);
const bilingual = z.object({ ja: name, en: name });
/** A paragraph in both languages (About the data). */
const longBilingual = z.object({ ja: text.min(1), en: text.min(1) });
const slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase slug');
const countryCode = z.string().regex(ISO_ALPHA2_PATTERN, 'must be an ISO 3166-1 alpha-2 code');
const source = z.object({
  line: z.number().int().positive(),
  text: text.min(1),
});

export const regionIdSchema = z.enum(REGION_IDS);

export const regionSchema = z.object({ id: regionIdSchema, name: bilingual });

export const countrySchema = z.object({
  code: countryCode,
  name: bilingual,
  /** The reading of name.ja (中国: ちゅうごく), its Japanese sort key. */
  yomi: yomi.optional(),
  region: regionIdSchema,
  /** world-atlas (ISO 3166-1 numeric) ids of the polygons that make up this heading (中国: China and Hong Kong). */
  borderIds: z.array(z.string().regex(/^\d{3}$/)).min(1),
});

/** How sure an identification that is a curation judgement is: confirmed, one reading that fits, or a guess. */
export const CONFIDENCE_LEVELS = ['certain', 'probable', 'uncertain'] as const;

/** Present only where identifying (or placing) a partner is a judgement; the card shows it (data/README.md). */
export const identificationSchema = z.object({ confidence: z.enum(CONFIDENCE_LEVELS), reason: bilingual });

/**
 * How an imported institution got its point (src/domain/import): the list's lat/lng, a known institution (built-in
 * or the institution gazetteer), the row's city, a city named in the institution's name, or its country's centre.
 */
export const PLACEMENTS = ['coordinates', 'institution', 'city', 'city-in-name', 'country'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const institutionSchema = z.object({
  id: slug,
  name: bilingual,
  /** The reading of name.ja where it has kanji (北京大学: ぺきんだいがく), its Japanese sort key. */
  yomi: yomi.optional(),
  /** Other names a student may search for (LSE, KAIST, Sorbonne …), from the curation table. */
  aliases: z.array(name).max(50),
  country: countryCode,
  city: z.object({ en: name, ja: name.optional() }),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** The GeoNames place of the point; absent for institutions placed from an imported list (src/domain/import). */
  geonameId: z.number().int().positive().optional(),
  source,
  identification: identificationSchema.optional(),
  /** Only on institutions read from a user's list: how its point was found (PLACEMENTS; data/README.md). */
  placement: z.enum(PLACEMENTS).optional(),
});

export const departmentSchema = z.object({
  id: slug,
  ja: name,
  en: name,
  statedCount: z.number().int().nonnegative().nullable(),
  source: source.nullable(),
});

/** How much of an imported agreement's date its list gave (agreementShape.signedPrecision). */
export const SIGNED_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type SignedPrecision = (typeof SIGNED_PRECISIONS)[number];

const departmentRef = z.object({ id: slug, ja: name, en: name });

/** How much of an end date a list gave: as for `signed`, a month or a year is stored as its first day. */
export const EXPIRY_PRECISIONS = ['day', 'month', 'year'] as const;
export const expirySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  precision: z.enum(EXPIRY_PRECISIONS),
});
export type Expiry = z.infer<typeof expirySchema>;

/** An agreement's fields; the rules between them are in agreementProblems. */
const agreementShape = z.object({
  id: slug,
  level: z.enum(['university', 'department']),
  institutionIds: z.array(slug).min(1),
  signed: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  tuitionWaiver: z.boolean().nullable(),
  department: departmentRef.nullable(),
  unit: bilingual.nullable(),
  source,
  /** How sure reading this department-level partner text as its institution is (アルピニ山大学 → Mines Albi). */
  identification: identificationSchema.optional(),
  /**
   * Present only on agreements read from a user's list (src/domain/import): how much of `signed` the list gave.
   * `signed` then holds the first day of the month (`month`) or year (`year`), or null (`unknown`), and the seed's
   * rules (dated university-wide agreements, undated department-level ones) do not apply.
   */
  signedPrecision: z.enum(SIGNED_PRECISIONS).optional(),
  /**
   * Optional: the end of the agreement's term (有効期限), where an imported list gives one. It is active in a year Y
   * when signed by Y and not ended before Y (domain/active.ts); absent means no end is known.
   */
  expires: expirySchema.optional(),
  /** The home whose agreement this is (an id in the dataset's `homes`). */
  homeId: slug,
});

/** An end date's own rules: a calendar day, stored as its month's or year's first day when coarser, not before `signed`. */
function expiryProblems(a: z.infer<typeof agreementShape>, problems: Problem[]): void {
  const expires = a.expires;
  if (expires === undefined) return;
  const add = (message: string) => problems.push({ path: ['expires', 'date'], message });
  const dateProblem = calendarProblem(expires.date);
  if (dateProblem) add(dateProblem);
  if (expires.precision === 'month' && !expires.date.endsWith('-01')) add('a month is stored as its first day');
  if (expires.precision === 'year' && !expires.date.endsWith('-01-01')) add('a year is stored as its first day');
  // Compared at the coarser of the two precisions: "2012-04" signed and "2012" ending is one year, not a contradiction.
  if (a.signed !== null && expires.date.slice(0, 4) < a.signed.slice(0, 4)) add(`ends (${expires.date}) before it was signed (${a.signed})`);
}

/** Rules for an agreement from an imported list, whose `signed` has the given precision (see signedPrecision). */
function importedProblems(a: z.infer<typeof agreementShape>, precision: SignedPrecision): readonly Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ path: [field], message });
  if (a.signed === null) {
    if (precision !== 'unknown') add('signed', `a date of precision "${precision}" is required`);
  } else {
    const dateProblem = calendarProblem(a.signed);
    if (dateProblem) add('signed', dateProblem);
    if (precision === 'unknown') add('signed', 'must be null when the precision is "unknown"');
    if (precision === 'month' && !a.signed.endsWith('-01')) add('signed', 'a month is stored as its first day');
    if (precision === 'year' && !a.signed.endsWith('-01-01')) add('signed', 'a year is stored as its first day');
  }
  if ((a.level === 'department') !== (a.department !== null)) add('department', a.level === 'department' ? 'is required' : 'must be null');
  expiryProblems(a, problems);
  return problems;
}

/** A rule between fields or records: where it is broken, and how. */
interface Problem {
  path: (string | number)[];
  message: string;
}

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** The first year an agreement can plausibly carry: no dataset of exchange agreements reaches further back. */
export const EARLIEST_AGREEMENT_YEAR = 1900;

/** `YYYY-MM-DD` names a real calendar day (not 2012-02-30) in a plausible year. */
function calendarProblem(iso: string): string | null {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return `"${iso}" is not a calendar date`;
  if (y < EARLIEST_AGREEMENT_YEAR) return `"${iso}" is before ${EARLIEST_AGREEMENT_YEAR}`;
  return null;
}

/** Rules between an agreement's fields (paths relative to the agreement). */
function agreementProblems(a: z.infer<typeof agreementShape>): readonly Problem[] {
  if (a.signedPrecision !== undefined) return importedProblems(a, a.signedPrecision);
  const dateProblem = a.signed === null ? null : calendarProblem(a.signed);
  // The common case first, without allocating: called for every agreement of a dataset.
  if (
    a.expires === undefined &&
    (dateProblem === null && a.level === 'university'
      ? a.signed !== null && a.tuitionWaiver !== null && a.department === null
      : a.signed === null && a.tuitionWaiver === null && a.department !== null)
  )
    return NO_PROBLEMS;
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ path: [field], message });
  if (dateProblem) add('signed', dateProblem);
  if (a.level === 'university') {
    if (a.signed === null) add('signed', 'university-wide agreements are dated');
    if (a.tuitionWaiver === null) add('tuitionWaiver', 'must be true or false');
    if (a.department !== null) add('department', 'must be null');
  } else {
    if (a.signed !== null) add('signed', 'the seed gives no date');
    if (a.tuitionWaiver !== null) add('tuitionWaiver', 'the seed gives no waiver');
    if (a.department === null) add('department', 'is required');
  }
  expiryProblems(a, problems);
  return problems;
}

const addProblems = (ctx: z.RefinementCtx, problems: readonly Problem[]) => {
  for (const p of problems) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
};

export const agreementSchema = agreementShape.superRefine((a, ctx) => addProblems(ctx, agreementProblems(a)));

export const correctionSchema = z.object({
  line: z.number().int().positive(),
  seedText: text,
  kind: z.enum(['country', 'header', 'department', 'duplicate', 'spelling', 'split', 'count', 'other']),
  decision: text.min(1),
  reason: text.min(1),
  /** The decision and reason in Japanese (the About dialog shows them in Japanese); decision and reason are English. */
  ja: z.object({ decision: text.min(1), reason: text.min(1) }).optional(),
});

/** Where a home is and what it is called: a dataset's home without its departments (an import's `--home`, a configuration). */
export const homePlaceSchema = z.object({
  id: slug,
  name: bilingual,
  city: z.object({ en: name, ja: name.optional() }),
  country: countryCode,
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Absent when an imported list's configuration names a home campus without a GeoNames place. */
  geonameId: z.number().int().positive().optional(),
});

/** A university whose agreements the dataset lists (one for the built-in list; several for a consortium's). */
export const homeSchema = homePlaceSchema.extend({
  /** The reading of name.ja where it has kanji (東北大学: とうほくだいがく). */
  yomi: yomi.optional(),
  /** Other names of this home (a list's 大学名 as written, an acronym). */
  aliases: z.array(name).max(50).optional(),
  /** This home's departments (ids in `departments`): a department-level agreement of this home names one of them. */
  departmentIds: z.array(slug),
});

/** The dataset's records and fields; the rules across records are in crossRecordProblems. */
const datasetShape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: z.object({
    title: bilingual,
    source: text,
    /** The month the list is as of: no agreement may be signed after it. */
    asOf: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
    stated: z.object({
      university: z.object({ institutions: z.number(), countries: z.number() }),
      department: z.object({ institutions: z.number(), countries: z.number() }),
    }),
    /**
     * The list's own notes for "About the data": how it counts, and what was corrected (the built-in list: from
     * curation/meta.csv; an imported list: written by the importer). Absent in datasets written before it existed.
     */
    about: z.object({ counting: longBilingual, corrections: longBilingual }).optional(),
  }),
  homes: z.array(homeSchema).min(1),
  regions: z.array(regionSchema),
  countries: z.array(countrySchema),
  departments: z.array(departmentSchema),
  institutions: z.array(institutionSchema),
  agreements: z.array(agreementSchema),
  corrections: z.array(correctionSchema),
  /**
   * Set by the build on the dataset the page downloads (scripts/dataset-asset.ts): the corrections are in this file
   * (its URL from the page, fetched when "About the data" opens), and `corrections` is empty. Not in the
   * repository's data/agreements.json.
   */
  correctionsFile: z.string().min(1).optional(),
});

/** Unique ids and references between records (paths from the dataset's root). */
function crossRecordProblems(d: z.infer<typeof datasetShape>): Problem[] {
  const problems: Problem[] = [];
  const countries = new Set(d.countries.map((c) => c.code));
  const institutions = new Set<string>();
  d.institutions.forEach((inst, i) => {
    if (institutions.has(inst.id)) problems.push({ path: ['institutions', i, 'id'], message: `duplicate id "${inst.id}"` });
    institutions.add(inst.id);
    if (!countries.has(inst.country)) problems.push({ path: ['institutions', i, 'country'], message: `unknown country "${inst.country}"` });
  });
  const agreements = new Set<string>();
  const departments = new Set(d.departments.map((x) => x.id));
  const homeDepartments = new Map<string, ReadonlySet<string>>();
  d.homes.forEach((home, h) => {
    if (homeDepartments.has(home.id)) problems.push({ path: ['homes', h, 'id'], message: `duplicate id "${home.id}"` });
    homeDepartments.set(home.id, new Set(home.departmentIds));
    home.departmentIds.forEach((id, j) => {
      if (!departments.has(id)) problems.push({ path: ['homes', h, 'departmentIds', j], message: `unknown department "${id}"` });
    });
  });
  d.agreements.forEach((a, i) => {
    if (agreements.has(a.id)) problems.push({ path: ['agreements', i, 'id'], message: `duplicate id "${a.id}"` });
    // Dates compare as text: "2012-05-31" < "2012-05~" for any day of the as-of month, and later months sort after.
    if (a.signed !== null && a.signed > `${d.meta.asOf}~`)
      problems.push({ path: ['agreements', i, 'signed'], message: `"${a.signed}" is after the list's date (${d.meta.asOf})` });
    agreements.add(a.id);
    a.institutionIds.forEach((id, j) => {
      if (!institutions.has(id)) problems.push({ path: ['agreements', i, 'institutionIds', j], message: `unknown institution "${id}"` });
    });
    const ofHome = homeDepartments.get(a.homeId);
    if (!ofHome) problems.push({ path: ['agreements', i, 'homeId'], message: `unknown home "${a.homeId}"` });
    if (a.department && !departments.has(a.department.id))
      problems.push({ path: ['agreements', i, 'department', 'id'], message: `unknown department "${a.department.id}"` });
    else if (a.department && ofHome && !ofHome.has(a.department.id))
      problems.push({ path: ['agreements', i, 'department', 'id'], message: `department "${a.department.id}" is not one of home "${a.homeId}"'s` });
  });
  return problems;
}

export const datasetSchema = datasetShape.superRefine((d, ctx) => addProblems(ctx, crossRecordProblems(d)));

export type Bilingual = z.infer<typeof bilingual>;
export type RegionId = z.infer<typeof regionIdSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Institution = z.infer<typeof institutionSchema>;
export type Identification = z.infer<typeof identificationSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Home = z.infer<typeof homeSchema>;
export type HomePlace = z.infer<typeof homePlaceSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type Level = Agreement['level'];
export type Lang = keyof Bilingual;

/** Turns zod issues into messages that name the record and the field, e.g. `agreements[12] (u-foo).signed: …`. */
export function describeIssues(data: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path;
    let label = '';
    if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'number') {
      const record = (data as Record<string, unknown[]> | null)?.[path[0]]?.[path[1]] as { id?: unknown; code?: unknown } | undefined;
      const key = record?.id ?? record?.code;
      label = `${path[0]}[${path[1]}]${typeof key === 'string' ? ` (${key})` : ''}`;
      const rest = path.slice(2).map(String).join('.');
      return `${label}${rest ? `.${rest}` : ''}: ${issue.message}`;
    }
    return `${path.map(String).join('.') || 'dataset'}: ${issue.message}`;
  });
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid dataset: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'DatasetError';
  }
}

/** The dataset, upgraded from an older schema version (dataset-version.ts) and validated; throws a DatasetError. */
export function parseDataset(raw: unknown): Dataset {
  const data = upgradeDataset(raw);
  const result = datasetSchema.safeParse(data);
  if (!result.success) throw new DatasetError(describeIssues(data, result.error.issues));
  return result.data;
}
