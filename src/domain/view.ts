// Everything the views show for one filter state, computed in a single pass over the filter masks.
// Equivalent to combining selectLinks with one plain function per view (tests/domain/reference.ts; a test
// checks that), but with no intermediate arrays: at 100k agreements that is the
// difference between ~130 ms and a few ms per filter change.
import type { CountryCount, Summary, YearCounts } from './aggregate';
import type { AtlasIndex, Link } from './atlas-index';
import type { FilterEvaluation, FilterMemo, Filters } from './filters';
import { evaluateFilters, filterBit, selectLinks } from './filters';
import { isNewInYear, playbackRange, visibleYearRange, type PlaybackSettings } from './playback';
import { nameComparator } from './name-order';
import { orderBy } from './list-order';
import { listRow, type ListRow } from './list-row';
import { rankPassing, type Relevance } from './relevance';
import type { Lang, RegionId } from './schema';
import { REGION_IDS } from './schema-ids';

/** Per institution, among the links that pass every filter. */
export interface InstitutionTally {
  agreements: Int32Array;
  university: Int32Array;
  department: Int32Array;
  /** Earliest signing date as YYYYMMDD, 0 when none is dated. */
  firstSigned: Int32Array;
}

export interface AtlasView {
  /** Links passing every filter (built on first use: only exports and playback need the list itself). */
  readonly links: Link[];
  /** Links passing every filter but the year range (the storyline), built on first use. */
  readonly timelineLinks: Link[];
  summary: Summary;
  /** Per country, ignoring the country filter: the markers (others dimmed) and the country facet. */
  countryCounts: Map<string, CountryCount>;
  years: YearCounts;
  /**
   * Per year, the partner institutions so far (signed basis: those with a dated agreement signed by then), or those
   * with an agreement active that year (active basis).
   */
  cumulative: { year: number; total: number }[];
  departmentFacet: Map<string, number>;
  /**
   * University-wide agreements that pass every filter but the department one: choosing any department adds them
   * to its own (they are open to every department's students), so a department's row reads "own + these".
   */
  universityWideForDepartments: number;
  regionFacet: Map<RegionId, number>;
  /** Institutions passing every filter, with their tallies; `passing` lists their institutionNo in index order. */
  passing: number[];
  tally: InstitutionTally;
  /** Institutions passing every filter, per country code. */
  institutionsPerCountry: Map<string, number>;
  /** With a search query: the passing institutions' rank keys and match reasons (built on first use); else null. */
  readonly relevance: Relevance | null;
  /** The filter pass it was computed from (its masks: a comparison, the homes count and the arcs read them). */
  evaluation: FilterEvaluation;
}

export function computeView(evaluation: FilterEvaluation): AtlasView {
  const { index, masks } = evaluation;
  const all = index.links;
  const { countries, departments, institutions } = index.dataset;
  const exceptCountries = ~filterBit('countries');
  const exceptYears = ~filterBit('yearRange');
  const exceptDepartments = ~filterBit('departments');
  const exceptRegions = ~filterBit('regions');
  const [firstYear, lastYear] = index.yearExtent;
  const years = lastYear - firstYear + 1;
  const regionCount = REGION_IDS.length;
  const active = evaluation.basis === 'active';

  const tally: InstitutionTally = {
    agreements: new Int32Array(institutions.length),
    university: new Int32Array(institutions.length),
    department: new Int32Array(institutions.length),
    firstSigned: new Int32Array(institutions.length),
  };
  // "Last agreement counted" per institution, country and region: an agreement's links are adjacent (index
  // order), so an agreement is counted once per institution, country and region without a Set.
  const lastAgreementOfInstitution = new Int32Array(institutions.length).fill(-1);
  const lastAgreementOfCountry = new Int32Array(countries.length).fill(-1);
  const lastAgreementOfRegion = new Int32Array(regionCount).fill(-1);
  const countedInstitutionForCountry = new Uint8Array(institutions.length);
  const firstDatedYear = new Int16Array(institutions.length);
  const perCountry = {
    agreements: new Int32Array(countries.length),
    institutions: new Int32Array(countries.length),
    university: new Int32Array(countries.length),
    department: new Int32Array(countries.length),
  };
  const passingPerCountry = new Int32Array(countries.length);
  const departmentCount = new Int32Array(departments.length);
  const regionCountFacet = new Int32Array(regionCount);
  // Signed: counts per year and region. Active: first their differences (+1 the year an agreement starts to count,
  // -1 the year after it ends), summed up after the pass: no loop over each agreement's years.
  const yearRegion = new Int32Array((years + 1) * regionCount);
  const passing: number[] = [];
  let undated = 0;
  let agreements = 0;
  let lastPassingAgreement = -1;
  let lastTimelineAgreement = -1;
  let lastDepartmentAgreement = -1;
  let universityWideForDepartments = 0;
  let lastUniversityWideAgreement = -1;

  for (let n = 0; n < all.length; n += 1) {
    const mask = masks[n]!;
    const link = all[n]!;
    const agreementNo = link.agreementNo;
    if (mask === 0) {
      const i = link.institutionNo;
      if (agreementNo !== lastPassingAgreement) {
        lastPassingAgreement = agreementNo;
        agreements += 1;
      }
      if (lastAgreementOfInstitution[i] === -1) {
        passing.push(i);
        passingPerCountry[link.countryNo]! += 1;
      }
      if (lastAgreementOfInstitution[i] !== agreementNo) {
        lastAgreementOfInstitution[i] = agreementNo;
        tally.agreements[i]! += 1;
        if (link.departmentNo < 0) tally.university[i]! += 1;
        else tally.department[i]! += 1;
        const d = link.signedNo;
        if (d && (tally.firstSigned[i] === 0 || d < tally.firstSigned[i]!)) tally.firstSigned[i] = d;
      }
    }
    if ((mask & exceptCountries) === 0) {
      const c = link.countryNo;
      if (lastAgreementOfCountry[c] !== agreementNo) {
        lastAgreementOfCountry[c] = agreementNo;
        perCountry.agreements[c]! += 1;
        if (link.departmentNo < 0) perCountry.university[c]! += 1;
        else perCountry.department[c]! += 1;
      }
      if (!countedInstitutionForCountry[link.institutionNo]) {
        countedInstitutionForCountry[link.institutionNo] = 1;
        perCountry.institutions[c]! += 1;
      }
    }
    if ((mask & exceptYears) === 0) {
      if (agreementNo !== lastTimelineAgreement) {
        lastTimelineAgreement = agreementNo;
        if (link.year === null) undated += 1;
        else if (active) {
          const start = Math.max(firstYear, link.year);
          const end = Math.min(lastYear, link.endYear ?? lastYear);
          if (link.year <= lastYear && end >= start) {
            yearRegion[(start - firstYear) * regionCount + link.regionNo]! += 1;
            yearRegion[(end + 1 - firstYear) * regionCount + link.regionNo]! -= 1;
          }
        } else if (link.year >= firstYear && link.year <= lastYear) yearRegion[(link.year - firstYear) * regionCount + link.regionNo]! += 1;
      }
      if (link.year !== null && !active) {
        const i = link.institutionNo;
        if (firstDatedYear[i] === 0 || link.year < firstDatedYear[i]!) firstDatedYear[i] = link.year;
      }
    }
    if ((mask & exceptDepartments) === 0) {
      if (link.departmentNo >= 0 && agreementNo !== lastDepartmentAgreement) {
        lastDepartmentAgreement = agreementNo;
        departmentCount[link.departmentNo]! += 1;
      } else if (link.departmentNo < 0 && agreementNo !== lastUniversityWideAgreement) {
        lastUniversityWideAgreement = agreementNo;
        universityWideForDepartments += 1;
      }
    }
    if ((mask & exceptRegions) === 0 && lastAgreementOfRegion[link.regionNo] !== agreementNo) {
      lastAgreementOfRegion[link.regionNo] = agreementNo;
      regionCountFacet[link.regionNo]! += 1;
    }
  }

  const countryCounts = new Map<string, CountryCount>();
  const institutionsPerCountry = new Map<string, number>();
  let countriesWithPassing = 0;
  countries.forEach((country, c) => {
    if (perCountry.agreements[c]! > 0 || perCountry.institutions[c]! > 0)
      countryCounts.set(country.code, {
        code: country.code,
        agreements: perCountry.agreements[c]!,
        institutions: perCountry.institutions[c]!,
        university: perCountry.university[c]!,
        department: perCountry.department[c]!,
      });
    if (passingPerCountry[c]! > 0) {
      institutionsPerCountry.set(country.code, passingPerCountry[c]!);
      countriesWithPassing += 1;
    }
  });
  if (active) for (let k = regionCount; k < yearRegion.length; k += 1) yearRegion[k]! += yearRegion[k - regionCount]!;
  const bins = [];
  for (let y = 0; y < years; y += 1) {
    const byRegion = {} as Record<RegionId, number>;
    let total = 0;
    REGION_IDS.forEach((r, k) => {
      byRegion[r] = yearRegion[y * regionCount + k]!;
      total += byRegion[r];
    });
    bins.push({ year: firstYear + y, total, byRegion });
  }
  // Signed: institutions by the year of their first dated agreement, summed up. Active: the years each institution
  // has an agreement in force, the union of its agreements' spans: walked in signing order, each link adds only the
  // years past those its institution already counts in (a later-signed agreement cannot fill an earlier gap).
  const perYear = new Int32Array(years + 1);
  if (active) {
    const countedUntil = new Int32Array(institutions.length).fill(-1);
    for (const n of index.linksBySigning()) {
      if ((masks[n]! & exceptYears) !== 0) continue;
      const link = all[n]!;
      if (link.year! > lastYear) continue;
      const i = link.institutionNo;
      const start = Math.max(Math.max(firstYear, link.year!) - firstYear, countedUntil[i]! + 1);
      const end = Math.min(lastYear, link.endYear ?? lastYear) - firstYear;
      if (end < start) continue;
      perYear[start]! += 1;
      perYear[end + 1]! -= 1;
      countedUntil[i] = end;
    }
  } else for (const y of firstDatedYear) if (y) perYear[y - firstYear]! += 1;
  const cumulative: { year: number; total: number }[] = [];
  let running = 0;
  for (let y = 0; y < years; y += 1) {
    running += perYear[y]!;
    cumulative.push({ year: firstYear + y, total: running });
  }
  const departmentFacet = new Map<string, number>();
  departments.forEach((d, k) => {
    if (departmentCount[k]! > 0) departmentFacet.set(d.id, departmentCount[k]!);
  });
  const regionFacet = new Map<RegionId, number>();
  REGION_IDS.forEach((r, k) => {
    if (regionCountFacet[k]! > 0) regionFacet.set(r, regionCountFacet[k]!);
  });

  let links: Link[] | null = null;
  let timelineLinks: Link[] | null = null;
  let relevance: Relevance | null | undefined;
  return {
    evaluation,
    get relevance() {
      if (relevance === undefined) relevance = rankPassing(evaluation, passing);
      return relevance;
    },
    get links() {
      return (links ??= selectLinks(evaluation));
    },
    get timelineLinks() {
      return (timelineLinks ??= selectLinks(evaluation, 'yearRange'));
    },
    summary: { agreements, institutions: passing.length, countries: countriesWithPassing },
    countryCounts,
    years: { bins, undated },
    cumulative,
    departmentFacet,
    universityWideForDepartments,
    regionFacet,
    passing,
    tally,
    institutionsPerCountry,
  };
}

/** 'relevance' orders by how well the search query matched (best first), and by name when there is no query. */
export type ListSort = 'relevance' | 'name' | 'date';

export type { ListRow } from './list-row';

export interface ListGroup {
  country: AtlasIndex['dataset']['countries'][number];
  /** Institutions in this country that pass the filters (the rows may be fewer, see `limit`). */
  total: number;
  rows: ListRow[];
  /** In a comparison (compare-list.ts): whose partners the group's are, ONLY_A, ONLY_B or SHARED (domain/compare.ts). */
  compareClass?: number;
}

const UNDATED = 99999999;
/** Above any relevance key (rankPassing: under 64 × 1024). */
const MAX_RELEVANCE = 2 ** 16;

/**
 * The results list: passing institutions grouped by country, sorted by name (the index's precomputed rank), by
 * first signing date, or by relevance to the search query. By name or date, the largest group comes first; by
 * relevance, the group holding the best match (so the best match heads the list). Rows stop at `limit` in all, in
 * list order, since no more are shown (a group's `total` still counts all; later groups may have no rows): at 100k
 * agreements a broad search passes ~40,000 institutions, and building, and explaining, 500 rows instead of
 * thousands keeps the first keystroke within budget.
 */
export function listGroups(index: AtlasIndex, view: AtlasView, lang: Lang, sort: ListSort, limit: number): ListGroup[] {
  const rank = index.nameRank(lang);
  const relevance = view.relevance;
  const byRelevance = sort === 'relevance' && relevance !== null;
  const firstSigned = view.tally.firstSigned;
  const order = byRelevance
    ? orderBy(view.passing, rank, (n) => MAX_RELEVANCE - relevance.key[n]!)
    : sort === 'date'
      ? orderBy(view.passing, rank, (n) => firstSigned[n] || UNDATED)
      : orderBy(view.passing, rank, null);
  const { institutions } = index.dataset;
  // Each country's institutions in list order; countries in order of their best row.
  const members = new Map<string, number[]>();
  for (const n of order) {
    const code = institutions[n]!.country;
    let list = members.get(code);
    if (!list) members.set(code, (list = []));
    list.push(n);
  }
  let groups: ListGroup[] = [...members.keys()].map((code) => ({
    country: index.countriesByCode.get(code)!,
    total: view.institutionsPerCountry.get(code) ?? 0,
    rows: [],
  }));
  if (!byRelevance) {
    const byName = nameComparator(lang);
    groups = groups.sort((a, b) => b.total - a.total || byName(a.country, b.country));
  }
  let budget = limit;
  for (const group of groups) {
    for (const n of members.get(group.country.code)!) {
      if (budget <= 0) break;
      budget -= 1;
      group.rows.push(listRow(index, view.tally, relevance, n, lang));
    }
  }
  return groups;
}

/**
 * Playback on top of a view computed with the playback years as its year range: the year label, the running
 * total and the partners new that year. Equals the plain playbackFrame (tests/domain/reference.ts) on the same links (tested); this
 * form reuses the one-pass view instead of filtering the links again.
 */
export function playbackSummary(view: AtlasView, year: number): { year: number; runningTotal: number; newInstitutionIds: string[] } {
  // Read from the masks (a link passes every filter when its mask is 0), not from view.links: building that list
  // each playback year allocated an array of every passing link (tens of thousands at 42k) to find one year's few.
  const { masks, index } = view.evaluation;
  const links = index.links;
  const fresh = new Set<string>();
  for (let n = 0; n < links.length; n += 1) if (masks[n] === 0 && isNewInYear(links[n]!.year, year)) fresh.add(links[n]!.institution.id);
  return { year, runningTotal: view.summary.institutions, newInstitutionIds: [...fresh] };
}

/**
 * The view at a playback year: the network as it stood in `playYear` (or over the last N years), counted from the
 * first year playback runs over (the brushed range's, when there is one); the plain view when not in playback.
 * The page and the video export both draw from it, so a video frame shows what the page shows for that year.
 * `memo` (the runtime's) reuses the last filter masks when only the language, sort or list length changed.
 */
export function viewAtYear(index: AtlasIndex, filters: Filters, playYear: number | null, settings: PlaybackSettings, memo?: FilterMemo) {
  const range = playbackRange(filters.yearRange, index.yearExtent);
  const effective = playYear === null ? filters : { ...filters, yearRange: visibleYearRange(playYear, settings, range) };
  const basis = settings.basis ?? 'signed';
  const view = memo ? memo.derived(memo.evaluate(index, effective, basis), computeView) : computeView(evaluateFilters(index, effective, basis));
  const frame = playYear === null ? null : playbackSummary(view, playYear);
  return { view, frame };
}
