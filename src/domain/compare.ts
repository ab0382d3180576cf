// Two homes' networks compared: the partner institutions both have, only A has, only B has, under the other filters.
// Typed arrays over the index's links (no Set or object per link): ~1 ms at the national list's 42k agreements.
import { countedYears, type YearBasis } from './active';

/** A partner's (or a link's) class in a comparison: a bit for A, a bit for B; SHARED is both. */
export const ONLY_A = 1;
export const ONLY_B = 2;
export const SHARED = 3;
export type CompareClass = 0 | typeof ONLY_A | typeof ONLY_B | typeof SHARED;

/** What a comparison needs of the index: per link its agreement and institution, per agreement its home. */
export interface CompareInput {
  links: readonly { agreementNo: number; institutionNo: number }[];
  /** Agreement index → home index (atlas-index.ts). */
  homeOf: ArrayLike<number>;
  institutionCount: number;
}

export interface Comparison {
  /** Home indices of A and B. */
  a: number;
  b: number;
  /** Per institution (institutionNo): ONLY_A, ONLY_B, SHARED, or 0 when neither has it under the filters. */
  institutionClass: Uint8Array;
  /** Per link: its institution's class when the link is A's or B's and passes the filters, else 0. */
  linkClass: Uint8Array;
  /** institutionNo of the partners in each class, ascending. */
  shared: Int32Array;
  onlyA: Int32Array;
  onlyB: Int32Array;
}

/**
 * Compares homes `a` and `b` over the links whose filter mask has no bit outside `allowed` (the evaluation's masks,
 * with the home filter's bit allowed: a comparison names its own two homes). Without masks every link counts.
 */
export function compareHomes(input: CompareInput, a: number, b: number, masks?: Uint8Array, allowed = 0): Comparison {
  const { links, homeOf, institutionCount } = input;
  const institutionClass = new Uint8Array(institutionCount);
  const linkHome = new Uint8Array(links.length);
  for (let n = 0; n < links.length; n += 1) {
    if (masks && (masks[n]! & ~allowed) !== 0) continue;
    const link = links[n]!;
    const home = homeOf[link.agreementNo];
    const bit = home === a ? ONLY_A : home === b ? ONLY_B : 0;
    if (bit === 0) continue;
    linkHome[n] = bit;
    institutionClass[link.institutionNo]! |= bit;
  }
  const linkClass = new Uint8Array(links.length);
  for (let n = 0; n < links.length; n += 1) if (linkHome[n]) linkClass[n] = institutionClass[links[n]!.institutionNo]!;
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < institutionCount; i += 1) counts[institutionClass[i]!]! += 1;
  const lists = [new Int32Array(0), new Int32Array(counts[1]!), new Int32Array(counts[2]!), new Int32Array(counts[3]!)];
  const fill = [0, 0, 0, 0];
  for (let i = 0; i < institutionCount; i += 1) {
    const c = institutionClass[i]!;
    if (c) lists[c]![fill[c]!++] = i;
  }
  return { a, b, institutionClass, linkClass, onlyA: lists[ONLY_A]!, onlyB: lists[ONLY_B]!, shared: lists[SHARED]! };
}

/** The counts the summary shows. */
export const comparisonCounts = (c: Comparison) => ({ shared: c.shared.length, onlyA: c.onlyA.length, onlyB: c.onlyB.length });

/** How many homes have a link passing every filter (mask 0): the homes count beside the other counts. */
export function countHomes(input: Pick<CompareInput, 'links' | 'homeOf'>, homeCount: number, masks: Uint8Array): number {
  const seen = new Uint8Array(homeCount);
  let count = 0;
  const { links, homeOf } = input;
  for (let n = 0; n < links.length; n += 1) {
    if (masks[n] !== 0) continue;
    const home = homeOf[links[n]!.agreementNo]!;
    if (!seen[home]) {
      seen[home] = 1;
      count += 1;
    }
  }
  return count;
}

/** The classes of a year's bar in a comparison, bottom first: only A, both, only B; 0 (no class) is not drawn. */
export const BAR_CLASSES = [ONLY_A, SHARED, ONLY_B] as const;

/**
 * The timeline's bars in a comparison: per year, A's and B's agreements by their partner's class (4 per year:
 * [none, only A, only B, both]), over the links the timeline counts (every filter but the years'; an agreement once,
 * as countByYear and the view count it). `none` is an agreement whose partner is in no class under the year range.
 */
export function compareYearClasses(
  links: readonly { agreementNo: number; institutionNo: number; year: number | null; endYear: number | null }[],
  comparison: Pick<Comparison, 'institutionClass'>,
  masks: Uint8Array,
  allowed: number,
  extent: readonly [number, number],
  basis: YearBasis,
): Int32Array {
  const out = new Int32Array((extent[1] - extent[0] + 1) * 4);
  let last = -1;
  for (let n = 0; n < links.length; n += 1) {
    if ((masks[n]! & ~allowed) !== 0) continue;
    const link = links[n]!;
    if (link.agreementNo === last) continue;
    last = link.agreementNo;
    const years = countedYears(basis, link.year, link.endYear, extent);
    if (!years) continue;
    const c = comparison.institutionClass[link.institutionNo]!;
    for (let year = years[0]; year <= years[1]; year += 1) out[(year - extent[0]) * 4 + c]! += 1;
  }
  return out;
}
