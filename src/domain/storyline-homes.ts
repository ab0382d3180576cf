// The story of many homes (issue 28): facts a network of several home universities adds to the storyline, derived
// from the links alone (no words; src/i18n/storyline-homes.ts says them). With the links of one home (a one-home
// dataset, or `home=` one of many) there is nothing to add and the storyline is the one home's, unchanged; with
// `compare=` the links are the two homes' and the story is theirs.
import type { AtlasIndex, Link } from './atlas-index';

/** How many countries the network has reached worth a slide of their own (when the Nth country's first agreement comes). */
export const COUNTRY_MILESTONES = [10, 25, 50, 100] as const;
/** Homes and partners named on a closing slide at most. */
export const STORY_TOP = 3;
/** The span, in years up to the latest signing year, in which the homes that grew fastest are counted. */
export const GROWTH_SPAN_YEARS = 5;

/** The homes the links belong to, in the dataset's order (by agreement position: a dataset lists a home's agreements together or not, the first seen wins). */
export function homesOfLinks(links: readonly Link[]): string[] {
  const seen = new Set<string>();
  for (const l of links) seen.add(l.agreement.homeId);
  return [...seen];
}

/** A country reached: the Nth country of the network, the year, the home that partnered with it first and through whom. */
export interface CountryReached {
  count: number;
  year: number;
  countryCode: string;
  homeId: string;
  /** The link that brought the country (its position in the chronological list, for placing the slide). */
  seq: number;
  link: Link;
}

/**
 * The Nth country's first dated agreement, for each N of COUNTRY_MILESTONES that the links reach: the first home to
 * partner with that country. `dated` is the storyline's chronological list.
 */
export function countriesReached(dated: readonly Link[]): CountryReached[] {
  const seen = new Set<string>();
  const out: CountryReached[] = [];
  dated.forEach((link, seq) => {
    const code = link.country.code;
    if (seen.has(code)) return;
    seen.add(code);
    if ((COUNTRY_MILESTONES as readonly number[]).includes(seen.size))
      out.push({ count: seen.size, year: link.year!, countryCode: code, homeId: link.agreement.homeId, seq, link });
  });
  return out;
}

/** A partner and the homes that have an agreement with it. */
export interface ConnectedPartner {
  institutionId: string;
  countryCode: string;
  homes: number;
}

/**
 * The partners with the most homes (dated or not), at most STORY_TOP, each with at least two homes; ties: more
 * agreements, then the partner's id. Empty when no partner is shared. Counted on numbers (a sort of partner × home
 * keys), not sets: 42,000 links in tens of milliseconds.
 */
export function mostConnected(index: Pick<AtlasIndex, 'homes' | 'homeOf' | 'dataset'>, links: readonly Link[]): ConnectedPartner[] {
  const homeCount = Math.max(1, index.homes.length);
  const institutions = index.dataset.institutions.length;
  const keys = new Float64Array(links.length);
  // A link of each partner (the first seen), by institutionNo: -1 for none.
  const linkOf = new Int32Array(institutions).fill(-1);
  links.forEach((l, n) => {
    keys[n] = l.institutionNo * homeCount + index.homeOf[l.agreementNo]!;
    if (linkOf[l.institutionNo] === -1) linkOf[l.institutionNo] = n;
  });
  keys.sort();
  // Per partner: distinct homes, and links (one per agreement with it).
  const homes = new Uint32Array(institutions);
  const agreements = new Uint32Array(institutions);
  let previous = -1;
  for (const key of keys) {
    const no = Math.floor(key / homeCount);
    agreements[no]! += 1;
    if (key !== previous) homes[no]! += 1;
    previous = key;
  }
  const shared: number[] = [];
  for (let no = 0; no < institutions; no++) if (homes[no]! >= 2) shared.push(no);
  const idOf = (no: number) => links[linkOf[no]!]!.institution.id;
  shared.sort((a, b) => homes[b]! - homes[a]! || agreements[b]! - agreements[a]! || idOf(a).localeCompare(idOf(b)));
  return shared.slice(0, STORY_TOP).map((no) => {
    const link = links[linkOf[no]!]!;
    return { institutionId: link.institution.id, countryCode: link.country.code, homes: homes[no]! };
  });
}

/** A home and the agreements it signed in a span of years. */
export interface GrowingHome {
  homeId: string;
  added: number;
}

/**
 * The homes that added the most dated agreements in the GROWTH_SPAN_YEARS up to the latest signing year (a shorter
 * span when the links start later), at most STORY_TOP, each with at least one; ties: the home seen first.
 */
export function fastestGrowing(dated: readonly Link[]): { from: number; to: number; homes: GrowingHome[] } | null {
  const last = dated.at(-1);
  if (!last) return null;
  const to = last.year!;
  const from = Math.max(dated[0]!.year!, to - GROWTH_SPAN_YEARS + 1);
  // Agreements counted by number (an agreement has one home), not a set of ids per home.
  const added = new Map<string, number>();
  const seen = new Set<number>();
  for (const l of dated) {
    if (l.year! < from || seen.has(l.agreementNo)) continue;
    seen.add(l.agreementNo);
    added.set(l.agreement.homeId, (added.get(l.agreement.homeId) ?? 0) + 1);
  }
  // Map order is the order first seen in the span, so a stable sort keeps it for ties.
  const homes = [...added]
    .map(([homeId, count]) => ({ homeId, added: count }))
    .sort((a, b) => b.added - a.added)
    .slice(0, STORY_TOP);
  return homes.length > 0 ? { from, to, homes } : null;
}

/** The home whose agreement first reached a country (dated links, in the storyline's order), or null if none did. */
export function firstHomeIn(dated: readonly Link[], countryCode: string): { homeId: string; year: number } | null {
  const link = dated.find((l) => l.country.code === countryCode);
  return link ? { homeId: link.agreement.homeId, year: link.year! } : null;
}
