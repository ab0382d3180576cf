// "Also partners with …": every home that has an agreement with a partner, with its closest tie (university-wide
// before department-level) and its first signing date. For a student: which other universities send students there.
import type { AtlasIndex } from './atlas-index';
import type { Home } from './schema';
import { foldForSearch } from './search';

export interface HomeTie {
  home: Home;
  /** University-wide when any of the home's agreements with the partner is. */
  level: 'university' | 'department';
  /** The home's first signing date with the partner (ISO day), or null when every agreement is undated. */
  signed: string | null;
  agreements: number;
}

/** The homes with an agreement with `institutionId`, earliest first (undated last, then by home order). */
export function alsoPartners(index: Pick<AtlasIndex, 'agreementsByInstitution' | 'homes'>, institutionId: string): HomeTie[] {
  const homes = new Map(index.homes.map((h, n) => [h.id, n]));
  const ties = new Map<number, HomeTie>();
  for (const a of index.agreementsByInstitution.get(institutionId) ?? []) {
    const n = homes.get(a.homeId);
    if (n === undefined) continue;
    const tie = ties.get(n);
    if (!tie) {
      ties.set(n, { home: index.homes[n]!, level: a.level, signed: a.signed, agreements: 1 });
      continue;
    }
    tie.agreements += 1;
    if (a.level === 'university') tie.level = 'university';
    if (a.signed && (!tie.signed || a.signed < tie.signed)) tie.signed = a.signed;
  }
  const order = (t: HomeTie) => homes.get(t.home.id)!;
  return [...ties.values()].sort((x, y) => (x.signed ?? '9999').localeCompare(y.signed ?? '9999') || order(x) - order(y));
}

/**
 * Homes whose name (either language), reading or alias contains the query, folded as search folds it; at most
 * `limit`, best match first: a name equal to the query, then one starting with it, then one with a word starting with
 * it, then any other. Among equal matches the larger home (`size`, e.g. its agreements) comes first, then home order,
 * so 京都 finds 京都大学 before 東京都立大学.
 */
export function findHomes(homes: readonly Home[], query: string, limit = 5, size?: (home: Home) => number): Home[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const found: { home: Home; rank: number; size: number; order: number }[] = [];
  homes.forEach((home, order) => {
    let rank = Number.POSITIVE_INFINITY;
    for (const name of [home.name.ja, home.name.en, home.yomi ?? '', ...(home.aliases ?? [])]) {
      if (name) rank = Math.min(rank, matchRank(foldForSearch(name), q));
    }
    if (rank < Number.POSITIVE_INFINITY) found.push({ home, rank, size: size?.(home) ?? 0, order });
  });
  found.sort((x, y) => x.rank - y.rank || y.size - x.size || x.order - y.order);
  return found.slice(0, limit).map((f) => f.home);
}

/** 0 equal, 1 prefix, 2 a word's prefix, 3 elsewhere, Infinity absent (both folded). */
function matchRank(name: string, q: string): number {
  if (name === q) return 0;
  const at = name.indexOf(q);
  if (at < 0) return Number.POSITIVE_INFINITY;
  if (at === 0) return 1;
  return /[\s\-(（・]/.test(name[at - 1] ?? '') || name.includes(` ${q}`) ? 2 : 3;
}
