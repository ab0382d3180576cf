// Derives a presentation storyline (milestone slides with bilingual captions) from the links, with no hand-written script.
import type { AtlasIndex, Link } from './atlas-index';
import { summarise } from './aggregate';
import type { Bilingual, Country, Institution, RegionId } from './schema';

export type MilestoneKind =
  | 'title'
  | 'first-agreement'
  | 'first-in-region'
  | 'partner-count'
  | 'busiest-year'
  | 'top-country'
  | 'latest-agreement'
  | 'end';

export interface Milestone {
  /** Stable and unique within a storyline (e.g. `first-in-region:europe`, `partner-count:50`), for React keys and URLs. */
  id: string;
  kind: MilestoneKind;
  year: number | null;
  institutionIds: string[];
  countryCode: string | null;
  /** Where the map flies; null means the whole world. */
  focus: { lng: number; lat: number } | null;
  caption: Bilingual;
}

/** The partner counts worth a slide of their own. */
export const PARTNER_COUNT_MILESTONES = [50, 100, 150] as const;

/**
 * Dated links in the order things happened: signing date, then seed line of the agreement, then seed line
 * of the institution (which orders the campuses of one group agreement). Undated links have no place in time.
 */
function chronological(links: readonly Link[]): Link[] {
  return links
    .filter((l) => l.agreement.signed !== null)
    .sort(
      (a, b) =>
        a.agreement.signed!.localeCompare(b.agreement.signed!) ||
        a.agreement.source.line - b.agreement.source.line ||
        a.institution.source.line - b.institution.source.line ||
        a.institution.id.localeCompare(b.institution.id),
    );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "Northeastern University, Shenyang" / "ソウル大学校 (ソウル)"; the city is left out when the name already says it. */
function placeName(inst: Institution): Bilingual {
  const en = inst.name.en.toLowerCase().includes(inst.city.en.toLowerCase()) ? inst.name.en : `${inst.name.en}, ${inst.city.en}`;
  const cityJa = inst.city.ja;
  const ja = !cityJa || inst.name.ja.includes(cityJa) ? inst.name.ja : `${inst.name.ja} (${cityJa})`;
  return { en, ja };
}

/** Names the first institution of an agreement, the rest as a count (the University of California has ten campuses), then the country. */
function partnersPhrase(institutions: readonly Institution[], country: Country): Bilingual {
  const name = placeName(institutions[0]!);
  const others = institutions.length - 1;
  return {
    en: `${name.en}${others ? ` and ${plural(others, 'other', 'others')}` : ''} (${country.name.en})`,
    ja: `${name.ja}${others ? `ほか${others}機関` : ''}(${country.name.ja})`,
  };
}

const institutionFocus = (inst: Institution) => ({ lng: inst.lng, lat: inst.lat });

/**
 * A slide about one agreement: its institutions among the given links (optionally only those in one region), in
 * seed order, so the slide names and flies to the same campus whichever of them put the agreement in the story.
 */
function agreementMilestone(
  id: string,
  kind: MilestoneKind,
  link: Link,
  links: readonly Link[],
  caption: (year: number, partners: Bilingual) => Bilingual,
  region?: RegionId,
): Milestone {
  const own = links
    .filter((l) => l.agreement.id === link.agreement.id && (region === undefined || l.region === region))
    .sort((a, b) => a.institution.source.line - b.institution.source.line || a.institution.id.localeCompare(b.institution.id));
  const lead = own[0] ?? link;
  const institutions = [...new Set(own.map((l) => l.institution))];
  const year = link.year!;
  return {
    id,
    kind,
    year,
    institutionIds: institutions.map((i) => i.id),
    countryCode: lead.country.code,
    focus: institutionFocus(lead.institution),
    caption: caption(year, partnersPhrase(institutions, lead.country)),
  };
}

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
export function deriveStoryline(index: AtlasIndex, links: readonly Link[]): Milestone[] {
  const meta = index.dataset.meta;
  const title: Milestone = { id: 'title', kind: 'title', year: null, institutionIds: [], countryCode: null, focus: null, caption: { ...meta.title } };
  const dated = chronological(links);
  const timed: Timed[] = [];
  const closing: Milestone[] = [];
  const firstLink = dated[0];

  if (firstLink) {
    timed.push({
      seq: 0,
      milestone: agreementMilestone('first-agreement', 'first-agreement', firstLink, links, (year, p) => ({
        en: `${year}: the first agreement — ${p.en}`,
        ja: `${year}年 最初の協定：${p.ja}`,
      })),
    });

    // The first agreement already opened its own region, so that region gets no second slide.
    const regionNames = new Map(index.dataset.regions.map((r) => [r.id, r.name]));
    const opened = new Set<RegionId>([firstLink.region]);
    dated.forEach((link, seq) => {
      if (opened.has(link.region)) return;
      opened.add(link.region);
      const name = regionNames.get(link.region) ?? { en: link.region, ja: link.region };
      // English says "in the Middle East" but "in Europe".
      const region = link.region === 'middle-east' ? { ...name, en: `the ${name.en}` } : name;
      timed.push({
        seq,
        milestone: agreementMilestone(
          `first-in-region:${link.region}`,
          'first-in-region',
          link,
          links,
          (year, p) => ({ en: `${year}: the first agreement in ${region.en} — ${p.en}`, ja: `${year}年 ${region.ja}で最初の協定：${p.ja}` }),
          link.region,
        ),
      });
    });

    // A partner counts from its first dated agreement; the chronological order already breaks ties by seed line.
    const counted = new Set<string>();
    dated.forEach((link, seq) => {
      if (counted.has(link.institution.id)) return;
      counted.add(link.institution.id);
      const n = counted.size;
      if (!(PARTNER_COUNT_MILESTONES as readonly number[]).includes(n)) return;
      const p = partnersPhrase([link.institution], link.country);
      timed.push({
        seq,
        milestone: {
          id: `partner-count:${n}`,
          kind: 'partner-count',
          year: link.year,
          institutionIds: [link.institution.id],
          countryCode: link.country.code,
          focus: institutionFocus(link.institution),
          caption: { en: `${link.year}: ${ordinal(n)} partner — ${p.en}`, ja: `${link.year}年 ${n}番目の協定機関：${p.ja}` },
        },
      });
    });

    timed.push(busiestYear(dated));
    closing.push(...topCountry(index, links));

    const lastLink = dated[dated.length - 1]!;
    // With a single dated agreement the first and the latest are the same slide.
    if (lastLink.agreement.id !== firstLink.agreement.id) {
      closing.push(
        agreementMilestone('latest-agreement', 'latest-agreement', lastLink, links, (year, p) => ({
          en: `${year}: the latest agreement — ${p.en}`,
          ja: `${year}年 最新の協定：${p.ja}`,
        })),
      );
    }
  } else {
    // Only undated agreements: there is no time line, but "most partners" still holds.
    closing.push(...topCountry(index, links));
  }

  // The sort is stable, so events on the same link keep the order they were pushed in (first, region, count).
  const events = timed.sort((a, b) => a.seq - b.seq).map((t) => t.milestone);
  return [title, ...events, ...closing, endSlide(links)];
}

/** The year with the most dated agreements (ties → earliest), placed just after that year's last link. */
function busiestYear(dated: readonly Link[]): Timed {
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
  const n = agreements.size;
  return {
    seq: lastSeq.get(year)! + 0.5,
    milestone: {
      id: 'busiest-year',
      kind: 'busiest-year',
      year,
      institutionIds,
      countryCode: null,
      focus: null,
      caption: { en: `${year} was the busiest year: ${plural(n, 'agreement', 'agreements')}`, ja: `${year}年は協定締結が最も多い年：${n}件` },
    },
  };
}

/** The country with the most distinct partner institutions, dated or not (ties → more agreements, then country code). */
function topCountry(index: AtlasIndex, links: readonly Link[]): Milestone[] {
  const byCountry = new Map<string, { institutions: Set<string>; agreements: Set<string> }>();
  for (const l of links) {
    const code = l.country.code;
    if (!byCountry.has(code)) byCountry.set(code, { institutions: new Set(), agreements: new Set() });
    byCountry.get(code)!.institutions.add(l.institution.id);
    byCountry.get(code)!.agreements.add(l.agreement.id);
  }
  const ranked = [...byCountry].sort(
    ([codeA, a], [codeB, b]) =>
      b.institutions.size - a.institutions.size || b.agreements.size - a.agreements.size || codeA.localeCompare(codeB),
  );
  const top = ranked[0];
  if (!top) return [];
  const [code, counts] = top;
  const country = index.countriesByCode.get(code)!;
  const anchor = index.countryAnchors.get(code);
  const n = counts.institutions.size;
  return [
    {
      id: 'top-country',
      kind: 'top-country',
      year: null,
      institutionIds: [...counts.institutions],
      countryCode: code,
      focus: anchor ? { lng: anchor[0], lat: anchor[1] } : null,
      caption: { en: `${country.name.en} has the most partners: ${n}`, ja: `協定機関数が最も多いのは${country.name.ja}：${n}機関` },
    },
  ];
}

function endSlide(links: readonly Link[]): Milestone {
  const s = summarise(links);
  return {
    id: 'end',
    kind: 'end',
    year: null,
    institutionIds: [],
    countryCode: null,
    focus: null,
    caption: {
      en: `In all: ${plural(s.agreements, 'agreement', 'agreements')} with ${plural(s.institutions, 'institution', 'institutions')} in ${plural(s.countries, 'country or region', 'countries and regions')}`,
      ja: `合計：${s.countries}の国・地域、${s.institutions}機関と${s.agreements}件の協定`,
    },
  };
}
