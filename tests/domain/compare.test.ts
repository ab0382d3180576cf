import { describe, expect, it } from 'vitest';
import { compareHomes, comparisonCounts, ONLY_A, ONLY_B, SHARED } from '../../src/domain/compare';

// Agreements 0–2 are home 0's, 3–5 home 1's, 6 home 2's; institutions 0..5.
const homeOf = Uint16Array.from([0, 0, 0, 1, 1, 1, 2]);
const links = [
  { agreementNo: 0, institutionNo: 0 },
  { agreementNo: 1, institutionNo: 1 },
  { agreementNo: 2, institutionNo: 2 },
  { agreementNo: 3, institutionNo: 1 },
  { agreementNo: 4, institutionNo: 3 },
  { agreementNo: 5, institutionNo: 4 },
  { agreementNo: 5, institutionNo: 0 },
  { agreementNo: 6, institutionNo: 5 },
];
const input = { links, homeOf, institutionCount: 6 };

describe('compareHomes', () => {
  it('sorts partners into shared, only A and only B; others are in no class', () => {
    const c = compareHomes(input, 0, 1);
    expect([...c.shared]).toEqual([0, 1]);
    expect([...c.onlyA]).toEqual([2]);
    expect([...c.onlyB]).toEqual([3, 4]);
    expect(c.institutionClass[5]).toBe(0);
    expect(comparisonCounts(c)).toEqual({ shared: 2, onlyA: 1, onlyB: 2 });
  });

  it("gives each of A's and B's links its partner's class, and home 2's links none", () => {
    const c = compareHomes(input, 0, 1);
    expect([...c.linkClass]).toEqual([SHARED, SHARED, ONLY_A, SHARED, ONLY_B, ONLY_B, SHARED, 0]);
  });

  it('is symmetric: swapping A and B swaps only-A and only-B', () => {
    const c = compareHomes(input, 1, 0);
    expect(comparisonCounts(c)).toEqual({ shared: 2, onlyA: 2, onlyB: 1 });
    expect(c.institutionClass[2]).toBe(ONLY_B);
    expect(c.institutionClass[3]).toBe(ONLY_A);
  });

  it('counts only the links that pass the other filters (bits outside `allowed`)', () => {
    const masks = new Uint8Array(links.length);
    masks[3] = 16; // B's link to institution 1 fails the country filter: 1 becomes A's alone
    masks[6] = 128; // the home filter's bit is allowed: still counted
    const c = compareHomes(input, 0, 1, masks, 128);
    expect(comparisonCounts(c)).toEqual({ shared: 1, onlyA: 2, onlyB: 2 });
    expect(c.institutionClass[1]).toBe(ONLY_A);
    expect(c.linkClass[3]).toBe(0);
  });

  it('compares two homes of a 42k-agreement list in well under 100 ms', () => {
    const agreements = 42_000;
    const big = { agreementNo: 0, institutionNo: 0 };
    const bigLinks = Array.from({ length: agreements }, (_, n) => ({ ...big, agreementNo: n, institutionNo: (n * 7919) % 9000 }));
    const bigHomeOf = Uint16Array.from({ length: agreements }, (_, n) => n % 770);
    const started = performance.now();
    const c = compareHomes({ links: bigLinks, homeOf: bigHomeOf, institutionCount: 9000 }, 3, 5);
    const elapsed = performance.now() - started;
    expect(c.onlyA.length + c.shared.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(100);
  });
});
