// The page's quick dataset check (a pass over the zod schema, src/domain/validate-dataset.ts) must never accept
// what zod rejects: it decides alone only when it accepts, so a looser pass would let bad data through.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { datasetSchema, DatasetError } from '../../src/domain/schema';
import { acceptsAsZodWould, isDataset, validateDataset } from '../../src/domain/validate-dataset';
import { MINI } from '../fixtures/mini-dataset';

const real = JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'));
const clone = <T>(x: T): T => structuredClone(x);
const asJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const COLLECTIONS = ['regions', 'countries', 'departments', 'institutions', 'agreements', 'corrections'] as const;

/** Values a corrupt or hostile file might hold in any field. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(null, '', ' ', 'x', 'Not-A-Slug', 'AB', '2003-13-45?', 0, -1, 1.5, 1e21, true, false, [], {}, ['x'], { ja: '', en: '' }),
  fc.jsonValue(),
);

/** Sets, deletes or adds one field somewhere in the dataset, nested up to two objects deep. */
function mutate(base: unknown, where: { collection: number; record: number; keys: number[]; value: unknown; op: 'set' | 'delete' | 'add' }) {
  const data = clone(base) as Record<string, unknown>;
  const name = where.collection < COLLECTIONS.length ? COLLECTIONS[where.collection]! : where.collection % 2 ? 'home' : 'meta';
  let target = data[name] as unknown;
  if (Array.isArray(target)) {
    if (target.length === 0) return data;
    target = target[where.record % target.length];
  }
  for (const pick of where.keys) {
    if (typeof target !== 'object' || target === null) break;
    const keys = Object.keys(target);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length]!;
    const child = (target as Record<string, unknown>)[key];
    if (pick % 3 === 0 || typeof child !== 'object' || child === null) {
      const object = target as Record<string, unknown>;
      if (where.op === 'delete') delete object[key];
      else if (where.op === 'add') object.unexpected = where.value;
      else object[key] = where.value;
      return data;
    }
    target = child;
  }
  return data;
}

const mutation = fc.record({
  collection: fc.nat(COLLECTIONS.length + 1),
  record: fc.nat(1000),
  keys: fc.array(fc.nat(20), { minLength: 1, maxLength: 3 }),
  value: oddValue,
  op: fc.constantFrom<'set' | 'delete' | 'add'>('set', 'set', 'set', 'delete', 'add'),
});

describe('end dates (expires)', () => {
  const withExpiry = (expires: unknown, signed = '2001-04-01') => {
    const data = clone(MINI) as { agreements: Record<string, unknown>[] };
    const university = data.agreements.find((a) => a.level === 'university')!;
    university.signed = signed;
    university.expires = expires;
    return data;
  };

  it('are optional: datasets without them stay valid, and a valid one is taken the quick way', () => {
    expect(isDataset(clone(MINI))).toBe(true);
    const data = withExpiry({ date: '2010-03-31', precision: 'day' });
    expect(isDataset(data)).toBe(true);
    expect(validateDataset(data)).toBe(data);
    expect(isDataset(withExpiry({ date: '2010-01-01', precision: 'year' }))).toBe(true);
  });

  it.each([
    [{ date: '2010-02-30', precision: 'day' }, 'not a calendar date'],
    [{ date: '2010-03-31', precision: 'month' }, 'a month is stored as its first day'],
    [{ date: '2000-03-31', precision: 'day' }, 'before it was signed'],
    [{ date: '2010-03-31' }, 'expires.precision'],
  ])('reject %j: %s', (expires, message) => {
    const data = withExpiry(expires);
    expect(isDataset(data)).toBe(false);
    expect(() => validateDataset(data)).toThrow(DatasetError);
    expect(() => validateDataset(data)).toThrow(message);
  });
});

describe('validateDataset', () => {
  it('takes the quick path for the real dataset and the fixture, returning them as they are', () => {
    for (const dataset of [real, MINI]) {
      expect(isDataset(dataset)).toBe(true);
      expect(validateDataset(dataset)).toBe(dataset);
    }
  });

  // The fixture takes many runs cheaply; the real dataset fewer (each run clones and checks 500 agreements).
  it.each([
    ['the fixture', MINI, 2000],
    ['the real dataset', real, 150],
  ] as const)('never lets through what zod rejects, and rejects exactly what zod rejects (%s)', (_, base, numRuns) => {
    fc.assert(
      fc.property(mutation, (where) => {
        const data = mutate(base, where);
        const result = datasetSchema.safeParse(data);
        const zod = result.success;
        // What the quick pass accepts, zod accepts and would return unchanged, as JSON (so the page may use it as is;
        // the mutation can give an array a named property, which JSON cannot hold and zod's copy drops).
        if (isDataset(data)) expect(zod && isDeepStrictEqual(asJson(result.data), asJson(data))).toBe(true);
        if (zod) expect(() => validateDataset(data)).not.toThrow();
        else expect(() => validateDataset(data)).toThrow(DatasetError);
      }),
      { numRuns },
    );
  });

  it('names the record and the field when it fails', () => {
    const data = clone(real);
    data.agreements[3].signed = '2003-13-45?';
    data.institutions[5].lat = 'north';
    let error: unknown;
    try {
      validateDataset(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const problems = (error as DatasetError).problems.join('\n');
    expect(problems).toContain(`agreements[3] (${data.agreements[3].id}).signed`);
    expect(problems).toContain(`institutions[5] (${data.institutions[5].id}).lat`);
  });
});

// The pass is read off whatever schema it is given, so it is checked on random schemas built from the kinds the
// dataset uses, against random values shaped to sometimes fit them (unknown keys included): it must accept exactly
// the values zod accepts and would return unchanged, so the page may use the value as zod's result.
const KEYS = ['a', 'b', 'c'] as const;
const leafSchema = fc.oneof(
  fc.constantFrom<z.ZodType>(
    z.string(),
    z.string().min(1),
    z.string().regex(/^[a-z]+$/, 'lowercase'),
    z
      .string()
      .min(2)
      .regex(/^[A-Z]{2}$/),
    z.number(),
    z.number().int().positive(),
    z.number().int().nonnegative(),
    z.number().min(-1).max(1),
    z.boolean(),
    z.enum(['x', 'ab']),
  ),
);
const anySchema: fc.Arbitrary<z.ZodType> = fc.letrec<{ schema: z.ZodType }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafSchema,
    tie('schema').map((s) => s.nullable()),
    tie('schema').map((s) => s.optional()),
    fc.tuple(tie('schema'), fc.nat(2)).map(([s, min]) => z.array(s).min(min)),
    fc.dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 3 }).map((shape) => z.object(shape)),
    // A refinement, run by zod's own check function: an object must not hold the same value under a and b.
    fc.dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 3 }).map((shape) =>
      z.object(shape).superRefine((o, ctx) => {
        const value = o as Record<string, unknown>;
        if ('a' in value && value.a === value.b) ctx.addIssue({ code: 'custom', path: ['b'], message: 'same as a' });
      }),
    ),
  ),
})).schema;
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(undefined, null, '', 'x', 'ab', 'AB', 'Ab', 0, 1, -1, 0.5, 2, 2 ** 53, -0, true, false),
    fc.array(tie('value'), { maxLength: 3 }),
    // Plain objects, as JSON.parse makes them (zod's copy always has Object's prototype).
    fc.dictionary(fc.constantFrom(...KEYS, 'extra'), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Values that often fit the schema (every field shaped by it), sometimes with a key missing or added, or noise. */
function near(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  let fitting: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'string':
      fitting = fc.constantFrom('', 'x', 'ab', 'AB', 'Ab');
      break;
    case 'number':
      fitting = fc.constantFrom(0, 1, -1, 0.5, 2, -0, 2 ** 53);
      break;
    case 'boolean':
      fitting = fc.boolean();
      break;
    case 'enum':
      fitting = fc.constantFrom('x', 'ab', 'y');
      break;
    case 'nullable':
      fitting = fc.oneof(fc.constant(null), near(def.innerType));
      break;
    case 'optional':
      fitting = fc.oneof(fc.constant(undefined), near(def.innerType));
      break;
    case 'array':
      fitting = fc.array(near(def.element), { maxLength: 3 });
      break;
    case 'object': {
      const fields = Object.fromEntries(Object.entries(def.shape).map(([key, field]) => [key, near(field)]));
      const keys = Object.keys(fields);
      fitting = fc
        .tuple(fc.record(fields, { requiredKeys: keys.filter((k) => k !== 'c'), noNullPrototype: true }), fc.option(anyValue, { freq: 4 }))
        .map(([record, extra]) => (extra === null ? record : { ...record, extra }));
      break;
    }
    default:
      throw new Error(`near: ${def.type}`);
  }
  return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: anyValue });
}

describe('acceptsAsZodWould', () => {
  it('accepts exactly what zod accepts and returns unchanged, on random schemas and values', () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(
        anySchema.chain((schema) => fc.tuple(fc.constant(schema), fc.array(near(schema), { minLength: 1, maxLength: 20 }))),
        ([schema, values]) => {
          const accepts = acceptsAsZodWould(schema);
          for (const value of values) {
            const zod = schema.safeParse(value);
            expect(accepts(value), JSON.stringify(value)).toBe(zod.success && isDeepStrictEqual(zod.data, value));
            seen[accepts(value) ? 'accepted' : 'rejected'] += 1;
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Not vacuous: both verdicts come up often (about 7,000 and 12,000).
    expect(Math.min(seen.accepted, seen.rejected)).toBeGreaterThan(3000);
  });

  it('refuses, when built, a schema it cannot mirror exactly', () => {
    expect(() => acceptsAsZodWould(z.object({ a: z.union([z.string(), z.number()]) }))).toThrow(/"union"/);
    expect(() => acceptsAsZodWould(z.strictObject({ a: z.string() }))).toThrow(/strict/);
    expect(() => acceptsAsZodWould(z.array(z.coerce.number()))).toThrow(/coercion/);
    expect(() => acceptsAsZodWould(z.string().transform((s) => s.length))).toThrow(/"pipe"/);
  });

  it('leaves an async refinement to zod', () => {
    const schema = z.string().refine(async () => true);
    expect(acceptsAsZodWould(schema)('x')).toBe(false);
  });
});
