// The quick dataset check (compiled from the zod schema at build time) must never pass what zod rejects: it
// decides alone only when it passes, so a looser quick check would let bad data through.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import quickCheck from 'virtual:dataset-validator';
import { datasetSchema, DatasetError } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate-dataset';
import { datasetValidatorCode } from '../../scripts/dataset-validator';
import { MINI } from '../fixtures/mini-dataset';

const real = JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'));
const clone = <T>(x: T): T => structuredClone(x);
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

describe('validateDataset', () => {
  it('uses a quick check that is self-contained code (no imports: the dev server once failed to resolve one)', () => {
    const code = datasetValidatorCode();
    expect(code).not.toMatch(/\brequire\(|\bimport\s*[\w{*(]/);
    expect(code).toMatch(/export default/);
  });

  it('takes the quick path for the real dataset and the fixture, returning them as they are', () => {
    for (const dataset of [real, MINI]) {
      expect(quickCheck(dataset)).toBe(true);
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
        const zod = datasetSchema.safeParse(data).success;
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
