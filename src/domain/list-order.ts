// The results list's order, computed without a comparator sort (listGroups in view.ts uses it).

/**
 * Institutions ordered by `primary` (ascending), then by name rank, without a comparator sort: name order by
 * walking the rank (a permutation), then a stable counting sort over the few distinct primary values (relevance
 * keys, signing dates). At 40,000 passing institutions that is a few times faster than sorting with a comparator,
 * and each keystroke re-sorts them.
 */
export function orderBy(passing: readonly number[], rank: Uint32Array, primary: ((institutionNo: number) => number) | null): number[] {
  const atRank = new Int32Array(rank.length).fill(-1);
  for (const n of passing) atRank[rank[n]!] = n;
  const byName: number[] = [];
  for (const n of atRank) if (n >= 0) byName.push(n);
  if (!primary) return byName;
  // Dense slots for the distinct primary values, in ascending order.
  const slots = new Int32Array(byName.length);
  const slotOf = new Map<number, number>();
  for (let k = 0; k < byName.length; k += 1) {
    const value = primary(byName[k]!);
    let slot = slotOf.get(value);
    if (slot === undefined) slotOf.set(value, (slot = slotOf.size));
    slots[k] = slot;
  }
  if (slotOf.size < 2) return byName;
  const ascending = new Int32Array(slotOf.size);
  [...slotOf.keys()]
    .sort((a, b) => a - b)
    .forEach((value, position) => {
      ascending[slotOf.get(value)!] = position;
    });
  const start = new Int32Array(slotOf.size + 1);
  for (let k = 0; k < slots.length; k += 1) start[(slots[k] = ascending[slots[k]!]!) + 1]! += 1;
  for (let k = 1; k < start.length; k += 1) start[k]! += start[k - 1]!;
  const out = new Array<number>(byName.length);
  for (let k = 0; k < byName.length; k += 1) out[start[slots[k]!]!++] = byName[k]!;
  return out;
}
