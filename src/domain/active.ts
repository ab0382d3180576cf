// "Active in year": where a list gives end dates (有効期限), the timeline and playback can count the agreements in
// force each year instead of those signed by then. An agreement is active in year Y when it was signed in or
// before Y and has no end date or ends in or after Y; undated agreements belong to no year in either reading.

/** What a year means on the timeline and in playback: signings ('signed') or agreements in force ('active'). */
export type YearBasis = 'signed' | 'active';
export const YEAR_BASES: readonly YearBasis[] = ['signed', 'active'];

/** Whether an agreement signed in `signed` and ending in `ends` (null: no end given) is active in `year`. */
export const isActiveInYear = (signed: number | null, ends: number | null, year: number): boolean =>
  signed !== null && signed <= year && (ends === null || ends >= year);

/** Whether it is active at some time in the inclusive years [from, to]: the two spans overlap. */
export const isActiveDuring = (signed: number | null, ends: number | null, from: number, to: number): boolean =>
  signed !== null && signed <= to && (ends === null || ends >= from);

/** The years an agreement counts in, clipped to the extent: its signing year only, or every year it is active. */
export function countedYears(basis: YearBasis, signed: number | null, ends: number | null, [first, last]: readonly [number, number]): [number, number] | null {
  if (signed === null || signed > last) return null;
  if (basis === 'signed') return signed < first ? null : [signed, signed];
  const end = Math.min(last, ends ?? last);
  const start = Math.max(first, signed);
  return end < start ? null : [start, end];
}
