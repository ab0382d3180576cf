// A list of 130,000 dated agreements can be indexed: no data-sized array is spread into a call (Math.min(...years)
// overflowed the stack past ~125k arguments: issue 27, item 8).
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { MINI } from '../fixtures/mini-dataset';

describe('a 130k-row list', () => {
  it('gets an index with its year extent', () => {
    const template = MINI.agreements.find((a) => a.signed)!;
    const agreements = Array.from({ length: 130_000 }, (_, n) => ({
      ...template,
      id: `row-${n}`,
      signed: `${1990 + (n % 20)}-04-01`,
      signedPrecision: 'day' as const,
    }));
    const index = buildIndex({ ...MINI, agreements });
    expect(index.yearExtent).toEqual([1990, 2009]);
  });
});
