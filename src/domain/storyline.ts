// Derives a presentation storyline (milestone slides as facts, no words) from the links, with no hand-written script.
import { type AtlasIndex, type Link, storyOrderOf } from './atlas-index';
import { summarise } from './aggregate';
import type { Institution, RegionId } from './schema';
import { countriesReached, fastestGrowing, firstHomeIn, homesOfLinks, mostConnected, type ConnectedPartner, type GrowingHome } from './storyline-homes';

/** An agreement's partners as a slide names them: the first institution in seed order, and how many more. */
export interface Partners {
  institutionId: string;
  others: number;
  countryCode: string;
}

interface MilestoneBase {
  /** Stable and unique within a storyline (e.g. `first-in-region:europe`, `partner-count:50`), for React keys and URLs. */
  id: string;
  year: number | null;
  institutionIds: string[];
  countryCode: string | null;
  /** Where the map flies; null means the whole world. */
  focus: { lng: number; lat: number } | null;
  /** The home whose agreement it is, when the story is of several homes (issue 28); absent in a one-home story. */
  homeId?: string;
}

/**
 * One slide, as facts (kinds, years, counts, ids): the words are chosen by src/i18n/storyline.ts, so the core
 * holds no language.
 */
export type Milestone =
  | (MilestoneBase & {
      kind: 'title';
      /** The homes the story is of, when the filters keep some of a many-homes dataset's (`home=`, `compare=`). */
      homeIds?: string[];
    })
  | (MilestoneBase & InTime & { kind: 'first-agreement' | 'latest-agreement'; partners: Partners })
  | (MilestoneBase & InTime & { kind: 'first-in-region'; regionId: RegionId; partners: Partners })
  | (MilestoneBase &
      InTime & {
        kind: 'partner-count';
        year: number;
        /** The partner's rank (50th…) and the partners by the end of that year, the number the playback overlay shows. */
        count: number;
        byYearEnd: number;
        partners: Partners;
      })
  | (MilestoneBase & InTime & { kind: 'busiest-year'; agreements: number })
  /** Several homes: the network reaches its Nth country; `homeId` is the first home to partner with it. */
  | (MilestoneBase & InTime & { kind: 'countries-reached'; count: number; homeId: string; partners: Partners })
  | (MilestoneBase & {
      kind: 'top-country';
      countryCode: string;
      institutions: number;
      agreements: number;
      /** Several homes: the first home to partner with the country, and when (absent when none of its agreements is dated). */
      firstHome?: { homeId: string; year: number };
    })
  /** Several homes: the partners with the most homes. */
  | (MilestoneBase & { kind: 'most-connected'; partners: ConnectedPartner[] })
  /** Several homes: the homes that added the most agreements from `from` to `to`. */
  | (MilestoneBase & { kind: 'fastest-growing'; from: number; to: number; homes: GrowingHome[] })
  | (MilestoneBase & {
      kind: 'end';
      agreements: number;
      institutions: number;
      countries: number;
      undated: Undated;
      /** Why institutions can outnumber agreements: one agreement covers several (a group of campuses). */
      shared: SharedAgreements;
    });

/**
 * A slide placed in a year: the map and its counts show the network as it stood then, grown from the dated
 * agreements only. `undated` says how many of the storyline's agreements that growth leaves out.
 */
interface InTime {
  year: number;
  undated: Undated;
}

/** The agreements without a signing date among a storyline's links, and whether all of them are department-level. */
export interface Undated {
  agreements: number;
  departmentLevel: boolean;
}

/** Agreements that cover more than one institution: how many, and the most institutions one of them covers. */
export interface SharedAgreements {
  agreements: number;
  largest: number;
}

export type MilestoneKind = Milestone['kind'];

/** The partner counts worth a slide of their own. */
export const PARTNER_COUNT_MILESTONES = [50, 100, 150] as const;

/**
 * The dated links in the order things happened (atlas-index.ts storyOrderOf: signing date, seed lines, id). The
 * index's order of all its links, filtered to `links`, when `links` are the index's own (the page's filtered links);
 * else (links built apart from the index) sorted here.
 */
function chronological(index: AtlasIndex, links: readonly Link[]): Link[] {
  const kept = new Set(links);
  const all = index.links;
  const dated: Link[] = [];
  for (const n of index.linksInStoryOrder()) if (kept.has(all[n]!)) dated.push(all[n]!);
  let count = 0;
  for (const l of links) if (l.agreement.signed !== null) count += 1;
  return count === dated.length ? dated : storyOrderOf(links).map((n) => links[n]!);
}

const institutionFocus = (inst: Institution) => ({ lng: inst.lng, lat: inst.lat });

/**
 * The facts of a slide about one agreement: its institutions among the given links (optionally only those in one
 * region), in seed order, so the slide names and flies to the same campus whichever of them put the agreement in
 * the story.
 */
function agreementFacts(id: string, link: Link, links: readonly Link[], many: boolean, region?: RegionId) {
  const own = links
    .filter((l) => l.agreement.id === link.agreement.id && (region === undefined || l.region === region))
    .sort((a, b) => a.institution.source.line - b.institution.source.line || a.institution.id.localeCompare(b.institution.id));
  const lead = own[0] ?? link;
  const institutionIds = [...new Set(own.map((l) => l.institution.id))];
  return {
    id,
    year: link.year!,
    institutionIds,
    countryCode: lead.country.code,
    focus: institutionFocus(lead.institution),
    partners: { institutionId: lead.institution.id, others: institutionIds.length - 1, countryCode: lead.country.code },
    ...homeOf(link, many),
  };
}

/** The link's home, in a story of several homes only (a one-home story keeps its facts as they were). */
const homeOf = (link: Link, many: boolean) => (many ? { homeId: link.agreement.homeId } : {});

/** A slide placed in time: `seq` is a position in the chronological link list (fractions sit between links). */
interface Timed {
  seq: number;
  milestone: Milestone;
}

/**
 * The storyline for `links` (normally the filtered links, so the story follows the user's filters): title, then the
 * events in the order they happened — first agreement, first agreement in each further region, the 50th/100th/150th
 * partner, the busiest year (told after that year's other events) — then the closing slides: the country with the
 * most partners, the latest agreement, and the totals. Slides that cannot be computed from `links` are left out.
 */
export function deriveMilestones(index: AtlasIndex, links: readonly Link[]): Milestone[] {
  const homeIds = homesOfLinks(links);
  // The story of several homes (the whole network, or two compared) tells who did what; one home's stays as it was.
  const many = homeIds.length > 1;
  const some = index.homes.length > 1 && homeIds.length > 0 && homeIds.length < index.homes.length ? { homeIds } : {};
  const title: Milestone = { id: 'title', kind: 'title', year: null, institutionIds: [], countryCode: null, focus: null, ...some };
  const dated = chronological(index, links);
  const undated = undatedAgreements(links);
  const timed: Timed[] = [];
  const closing: Milestone[] = [];
  const firstLink = dated[0];

  if (firstLink) {
    timed.push({ seq: 0, milestone: { kind: 'first-agreement', ...agreementFacts('first-agreement', firstLink, links, many), undated } });

    // The first agreement already opened its own region, so that region gets no second slide.
    const opened = new Set<RegionId>([firstLink.region]);
    dated.forEach((link, seq) => {
      if (opened.has(link.region)) return;
      opened.add(link.region);
      timed.push({
        seq,
        milestone: {
          kind: 'first-in-region',
          regionId: link.region,
          ...agreementFacts(`first-in-region:${link.region}`, link, links, many, link.region),
          undated,
        },
      });
    });

    // A partner counts from its first dated agreement; the chronological order already breaks ties by seed line.
    const counted = new Set<string>();
    const partnersByYearEnd = new Map<number, number>();
    for (const link of dated) {
      counted.add(link.institution.id);
      partnersByYearEnd.set(link.year!, counted.size);
    }
    counted.clear();
    dated.forEach((link, seq) => {
      if (counted.has(link.institution.id)) return;
      counted.add(link.institution.id);
      const n = counted.size;
      if (!(PARTNER_COUNT_MILESTONES as readonly number[]).includes(n)) return;
      timed.push({
        seq,
        milestone: {
          id: `partner-count:${n}`,
          kind: 'partner-count',
          year: link.year!,
          count: n,
          byYearEnd: partnersByYearEnd.get(link.year!)!,
          institutionIds: [link.institution.id],
          countryCode: link.country.code,
          focus: institutionFocus(link.institution),
          partners: { institutionId: link.institution.id, others: 0, countryCode: link.country.code },
          ...homeOf(link, many),
          undated,
        },
      });
    });

    if (many)
      for (const reached of countriesReached(dated))
        timed.push({
          seq: reached.seq,
          milestone: {
            ...agreementFacts(`countries-reached:${reached.count}`, reached.link, links, many),
            kind: 'countries-reached',
            count: reached.count,
            homeId: reached.homeId,
            undated,
          },
        });

    timed.push(busiestYear(dated, undated));
    closing.push(...topCountry(index, links, many ? dated : null));
    if (many) closing.push(...networkClosing(index, links, dated));

    const lastLink = dated[dated.length - 1]!;
    // With a single dated agreement the first and the latest are the same slide.
    if (lastLink.agreement.id !== firstLink.agreement.id)
      closing.push({ kind: 'latest-agreement', ...agreementFacts('latest-agreement', lastLink, links, many), undated });
  } else {
    // Only undated agreements: there is no time line, but "most partners" still holds.
    closing.push(...topCountry(index, links, null));
    if (many) closing.push(...networkClosing(index, links, dated));
  }

  // The sort is stable, so events on the same link keep the order they were pushed in (first, region, count).
  const events = timed.sort((a, b) => a.seq - b.seq).map((t) => t.milestone);
  return [title, ...events, ...closing, endSlide(links, undated)];
}

/** The year with the most dated agreements (ties → earliest), placed just after that year's last link. */
function busiestYear(dated: readonly Link[], undated: Undated): Timed {
  const perYear = new Map<number, Set<string>>();
  const lastSeq = new Map<number, number>();
  dated.forEach((l, seq) => {
    const year = l.year!;
    if (!perYear.has(year)) perYear.set(year, new Set());
    perYear.get(year)!.add(l.agreement.id);
    lastSeq.set(year, seq);
  });
  let best: [number, Set<string>] | null = null;
  // Map order is chronological because `dated` is, so a strict > keeps the earliest of tied years.
  for (const entry of perYear) if (!best || entry[1].size > best[1].size) best = entry;
  const [year, agreements] = best!;
  const institutionIds = [...new Set(dated.filter((l) => agreements.has(l.agreement.id)).map((l) => l.institution.id))];
  return {
    seq: lastSeq.get(year)! + 0.5,
    milestone: { id: 'busiest-year', kind: 'busiest-year', year, agreements: agreements.size, institutionIds, countryCode: null, focus: null, undated },
  };
}

/** Several homes: the partners with the most homes, and the homes that grew fastest (each when there is one). */
function networkClosing(index: AtlasIndex, links: readonly Link[], dated: readonly Link[]): Milestone[] {
  const out: Milestone[] = [];
  const partners = mostConnected(index, links);
  const none = { year: null, countryCode: null, focus: null };
  if (partners.length > 0) out.push({ id: 'most-connected', kind: 'most-connected', partners, institutionIds: partners.map((p) => p.institutionId), ...none });
  const growth = fastestGrowing(dated);
  if (growth) out.push({ id: 'fastest-growing', kind: 'fastest-growing', ...growth, institutionIds: [], ...none });
  return out;
}

/**
 * The country with the most distinct partner institutions, dated or not (ties → more agreements, then country code);
 * with `dated` (a story of several homes), the first home to partner with it.
 */
function topCountry(index: AtlasIndex, links: readonly Link[], dated: readonly Link[] | null): Milestone[] {
  // Counted on numbers, not a set of ids per country: 42,000 links cost a set's hashing of two strings each.
  const codes: string[] = [];
  const countryNo = new Map<string, number>();
  const institutions: number[] = [];
  const instSeen = new Uint8Array(index.dataset.institutions.length);
  let agreementCount = 1;
  for (const l of links) agreementCount = Math.max(agreementCount, l.agreementNo + 1);
  // Country × agreement keys, sorted: a country's distinct agreements are its run of distinct keys.
  const keys = new Float64Array(links.length);
  links.forEach((l, n) => {
    const code = l.country.code;
    let no = countryNo.get(code);
    if (no === undefined) {
      no = codes.length;
      countryNo.set(code, no);
      codes.push(code);
      institutions.push(0);
    }
    if (!instSeen[l.institutionNo]) {
      instSeen[l.institutionNo] = 1;
      institutions[no]! += 1;
    }
    keys[n] = no * agreementCount + l.agreementNo;
  });
  keys.sort();
  const agreements = new Array<number>(codes.length).fill(0);
  for (let n = 0; n < keys.length; n++) if (n === 0 || keys[n] !== keys[n - 1]) agreements[Math.floor(keys[n]! / agreementCount)]! += 1;
  // More partners, then more agreements, then the code first in order.
  const rank = (a: number, b: number) => institutions[a]! - institutions[b]! || agreements[a]! - agreements[b]! || codes[b]!.localeCompare(codes[a]!);
  let best = -1;
  for (let no = 0; no < codes.length; no++) if (best < 0 || rank(no, best) > 0) best = no;
  if (best < 0) return [];
  const code = codes[best]!;
  // The top country's partners in the order first seen, as the set of ids gave them.
  const ids = new Set<string>();
  for (const l of links) if (l.country.code === code) ids.add(l.institution.id);
  const anchor = index.countryAnchors.get(code);
  const first = dated && firstHomeIn(dated, code);
  return [
    {
      id: 'top-country',
      kind: 'top-country',
      year: null,
      institutions: ids.size,
      agreements: agreements[best]!,
      institutionIds: [...ids],
      countryCode: code,
      focus: anchor ? { lng: anchor[0], lat: anchor[1] } : null,
      ...(first ? { firstHome: first } : {}),
    },
  ];
}

/** The undated agreements among the links (the seed's department-level ones): the growth slides cannot count them. */
export function undatedAgreements(links: readonly Link[]): Undated {
  const ids = new Set<string>();
  let departmentLevel = true;
  for (const l of links) {
    if (l.agreement.signed !== null) continue;
    ids.add(l.agreement.id);
    if (l.agreement.level !== 'department') departmentLevel = false;
  }
  return { agreements: ids.size, departmentLevel };
}

/** The agreements among the links that cover several institutions, and the largest such group. */
export function sharedAgreements(links: readonly Link[]): SharedAgreements {
  // Agreement × institution keys, sorted: an agreement's distinct institutions are its run of distinct keys
  // (numbers rather than a set per agreement: a quarter of a second less at 42,000 links).
  let institutions = 1;
  for (const l of links) institutions = Math.max(institutions, l.institutionNo + 1);
  const keys = new Float64Array(links.length);
  links.forEach((l, n) => {
    keys[n] = l.agreementNo * institutions + l.institutionNo;
  });
  keys.sort();
  let agreements = 0;
  let largest = 0;
  let run = 0;
  const close = () => {
    if (run < 2) return;
    agreements += 1;
    largest = Math.max(largest, run);
  };
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    if (n > 0 && key === keys[n - 1]) continue;
    if (n > 0 && Math.floor(key / institutions) !== Math.floor(keys[n - 1]! / institutions)) {
      close();
      run = 0;
    }
    run += 1;
  }
  close();
  return { agreements, largest };
}

function endSlide(links: readonly Link[], undated: Undated): Milestone {
  const s = summarise(links);
  return {
    id: 'end',
    kind: 'end',
    year: null,
    agreements: s.agreements,
    institutions: s.institutions,
    countries: s.countries,
    undated,
    shared: sharedAgreements(links),
    institutionIds: [],
    countryCode: null,
    focus: null,
  };
}
