// Storyline: milestone order, tie and omission rules, the facts of each slide and their captions in both languages,
// over the mini fixture and a 155-partner synthetic dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, type AtlasIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import { parseDataset, type Agreement, type Dataset, type Institution } from '../../src/domain/schema';
import { milestoneSubject } from '../../src/domain/milestone-subject';
import { deriveMilestones, type Milestone } from '../../src/domain/storyline';
import { storylineCaption, storylineNotes } from '../../src/i18n/storyline';
import { MINI } from '../fixtures/mini-dataset';

const mini = buildIndex(parseDataset(MINI));
const byId = (story: Milestone[], id: string) => story.find((m) => m.id === id);
/** The words of a slide in both languages, as the presentation shows them. */
const captionOf = (index: AtlasIndex, m: Milestone | undefined) => ({ en: storylineCaption('en', index, m!), ja: storylineCaption('ja', index, m!) });

/** A partner for the synthetic dataset: one institution and its own agreement (university-wide when dated). */
interface Partner {
  id: string;
  country: 'CN' | 'KR' | 'DE' | 'US' | 'BR';
  signed: string | null;
  line: number;
}

const CITIES = { CN: [116.4, 39.9], KR: [126.98, 37.57], DE: [13.4, 52.52], US: [-71.06, 42.36], BR: [-46.63, -23.55] } as const;

/** Builds a dataset from partners (in the given array order) plus optional group agreements, checked by parseDataset. */
function makeDataset(partners: Partner[], groups: { id: string; institutionIds: string[]; signed: string; line: number }[] = []): Dataset {
  const institutions: Institution[] = partners.map((p) => ({
    id: p.id,
    name: { ja: `${p.id}大学`, en: `University ${p.id}` },
    aliases: [],
    country: p.country,
    city: { en: `City-${p.country}`, ja: `${p.country}市` },
    lng: CITIES[p.country][0],
    lat: CITIES[p.country][1],
    geonameId: 1,
    source: { line: p.line, text: p.id },
  }));
  const agreements: Agreement[] = partners
    .filter((p) => !groups.some((g) => g.institutionIds.includes(p.id)))
    .map((p) =>
      p.signed
        ? {
            id: `u-${p.id}`,
            level: 'university',
            institutionIds: [p.id],
            signed: p.signed,
            tuitionWaiver: false,
            department: null,
            unit: null,
            source: { line: p.line, text: p.id },
            homeId: 'tohoku-university',
          }
        : {
            id: `d-${p.id}`,
            level: 'department',
            institutionIds: [p.id],
            signed: null,
            tuitionWaiver: null,
            department: { id: 'engineering', ja: '工学研究科・工学部', en: 'School of Engineering' },
            unit: null,
            source: { line: p.line, text: p.id },
            homeId: 'tohoku-university',
          },
    );
  for (const g of groups) {
    agreements.push({
      id: g.id,
      level: 'university',
      institutionIds: g.institutionIds,
      signed: g.signed,
      tuitionWaiver: false,
      department: null,
      unit: null,
      source: { line: g.line, text: g.id },
      homeId: 'tohoku-university',
    });
  }
  return parseDataset({
    ...MINI,
    countries: [
      { code: 'CN', name: { ja: '中国', en: 'China' }, region: 'asia', borderIds: ['156'] },
      { code: 'KR', name: { ja: '韓国', en: 'South Korea' }, region: 'asia', borderIds: ['410'] },
      { code: 'DE', name: { ja: 'ドイツ', en: 'Germany' }, region: 'europe', borderIds: ['276'] },
      { code: 'US', name: { ja: 'アメリカ', en: 'United States' }, region: 'north-america', borderIds: ['840'] },
      { code: 'BR', name: { ja: 'ブラジル', en: 'Brazil' }, region: 'latin-america', borderIds: ['076'] },
    ],
    departments: MINI.departments.slice(0, 1),
    homes: [{ ...MINI.homes[0]!, departmentIds: [MINI.departments[0]!.id] }],
    institutions,
    agreements,
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
let nextLine = 1000;
/** `count` Chinese partners signed in `year`, on consecutive days, so that only their count matters. */
const fillers = (year: number, count: number): Partner[] =>
  Array.from({ length: count }, (_, i) => ({ id: `cn-${year}-${i}`, country: 'CN', signed: `${year}-02-${pad(i + 1)}`, line: nextLine++ }));

/*
 * 155 partners in this chronological order: 1 first (China, 1983); 2–3 Germany and the US on the same day (seed
 * lines order them); 4–49 fillers; 50–51 two Koreans on the same day whose seed lines disagree with the array order;
 * 52–99 fillers, with 2002 at 20 agreements; 100 Brazil (also the first in Latin America); 101–149 fillers, with
 * 2007 also at 20 (a tie for busiest year); 150 Germany; then two Koreans and a three-campus US group as the latest.
 */
const BIG_PARTNERS: Partner[] = [
  { id: 'first', country: 'CN', signed: '1983-08-05', line: 500 },
  { id: 'us-first', country: 'US', signed: '1988-05-04', line: 300 },
  { id: 'de-first', country: 'DE', signed: '1988-05-04', line: 200 },
  ...[1990, 1991, 1992, 1993, 1994, 1995].flatMap((y) => fillers(y, 5)),
  ...[1996, 1997, 1998, 1999].flatMap((y) => fillers(y, 4)),
  { id: 'tie-late', country: 'KR', signed: '2000-06-01', line: 5000 },
  { id: 'tie-early', country: 'KR', signed: '2000-06-01', line: 10 },
  ...fillers(2001, 8),
  ...fillers(2002, 20),
  ...fillers(2003, 10),
  ...fillers(2004, 10),
  { id: 'hundredth', country: 'BR', signed: '2005-03-03', line: 600 },
  ...fillers(2006, 9),
  ...fillers(2007, 20),
  ...fillers(2008, 10),
  ...fillers(2009, 10),
  { id: 'one-fiftieth', country: 'DE', signed: '2010-01-01', line: 700 },
  { id: 'kr-2011-a', country: 'KR', signed: '2011-03-01', line: 710 },
  { id: 'kr-2011-b', country: 'KR', signed: '2011-04-01', line: 720 },
  { id: 'us-g1', country: 'US', signed: null, line: 801 },
  { id: 'us-g2', country: 'US', signed: null, line: 802 },
  { id: 'us-g3', country: 'US', signed: null, line: 803 },
];
const BIG_GROUP = { id: 'u-us-group', institutionIds: ['us-g2', 'us-g1', 'us-g3'], signed: '2011-12-20', line: 800 };
const big: AtlasIndex = buildIndex(makeDataset(BIG_PARTNERS, [BIG_GROUP]));
const bigStory = deriveMilestones(big, big.links);

describe('storyline over a synthetic dataset', () => {
  it('has the expected size', () => {
    expect(big.dataset.institutions).toHaveLength(155);
    expect(big.dataset.agreements).toHaveLength(153);
  });

  it('tells the milestones in order', () => {
    expect(bigStory.map((m) => m.id)).toEqual([
      'title',
      'first-agreement',
      'first-in-region:europe',
      'first-in-region:north-america',
      'partner-count:50',
      'busiest-year',
      'first-in-region:latin-america',
      'partner-count:100',
      'partner-count:150',
      'top-country',
      'latest-agreement',
      'end',
    ]);
    expect(new Set(bigStory.map((m) => m.id)).size).toBe(bigStory.length);
  });

  it('tells the same story from links built apart from the index (sorted on the spot) as from its own (its story order)', () => {
    // Two links in three of the index's own: a subset its order is filtered to.
    const own = filterLinks(big, DEFAULT_FILTERS).filter((_, n) => n % 3 !== 0);
    const apart = own.map((l) => ({ ...l }));
    const story = deriveMilestones(big, own);
    expect(story.map((m) => m.id)).toEqual(expect.arrayContaining(['first-agreement', 'partner-count:50', 'busiest-year', 'latest-agreement']));
    expect(deriveMilestones(big, apart)).toEqual(story);
    // The index's order: signing dates never go back.
    const signed = [...big.linksInStoryOrder()].map((n) => big.links[n]!.agreement.signed!);
    expect(signed).toEqual([...signed].sort());
    expect(signed).toHaveLength(big.links.filter((l) => l.agreement.signed !== null).length);
  });
  it('opens with the first agreement and does not repeat its region', () => {
    const first = bigStory[1]!;
    expect(first).toMatchObject({
      kind: 'first-agreement',
      year: 1983,
      institutionIds: ['first'],
      countryCode: 'CN',
      focus: { lng: 116.4, lat: 39.9 },
      partners: { institutionId: 'first', others: 0, countryCode: 'CN' },
    });
    expect(captionOf(big, first)).toEqual({
      en: '1983: the first agreement — University first (City-CN, China)',
      ja: '1983年 最初の協定：first大学(中国・CN市)',
    });
    expect(byId(bigStory, 'first-in-region:asia')).toBeUndefined();
  });

  it('orders region firsts signed on the same day by seed line', () => {
    expect(byId(bigStory, 'first-in-region:europe')).toMatchObject({ year: 1988, institutionIds: ['de-first'], countryCode: 'DE' });
    expect(captionOf(big, byId(bigStory, 'first-in-region:europe'))).toEqual({
      en: '1988: the first agreement in Europe — University de-first (City-DE, Germany)',
      ja: '1988年 ヨーロッパで最初の協定：de-first大学(ドイツ・DE市)',
    });
  });

  it('counts partners by first agreement, breaking same-day ties by seed line', () => {
    expect(byId(bigStory, 'partner-count:50')).toMatchObject({
      kind: 'partner-count',
      year: 2000,
      count: 50,
      institutionIds: ['tie-early'],
      countryCode: 'KR',
      // tie-late, signed the same day, is the 51st: the slide's total is the year's end, as the playback overlay counts.
      byYearEnd: 51,
    });
    expect(captionOf(big, byId(bigStory, 'partner-count:50'))).toEqual({
      en: '2000: 50th partner institution — University tie-early (City-KR, South Korea). 51 partner institutions by the end of the year',
      ja: '2000年 50番目の協定機関：tie-early大学(韓国・KR市)。年末までに51機関',
    });
    expect(byId(bigStory, 'partner-count:100')).toMatchObject({ year: 2005, institutionIds: ['hundredth'] });
    expect(byId(bigStory, 'partner-count:150')).toMatchObject({ year: 2010, institutionIds: ['one-fiftieth'], focus: { lng: 13.4, lat: 52.52 } });
    expect(captionOf(big, byId(bigStory, 'partner-count:150')).en).toMatch(
      /^2010: 150th partner institution — University one-fiftieth \(City-DE, Germany\)\. \d+ partner institutions by the end of the year$/,
    );
  });

  it('tells a region first before a partner count on the same agreement', () => {
    const ids = bigStory.map((m) => m.id);
    expect(ids.indexOf('first-in-region:latin-america')).toBe(ids.indexOf('partner-count:100') - 1);
  });

  it('picks the earliest of tied busiest years and tells it after that year', () => {
    const busiest = byId(bigStory, 'busiest-year')!;
    expect(busiest).toMatchObject({ year: 2002, agreements: 20, countryCode: null, focus: null });
    expect(busiest.institutionIds).toHaveLength(20);
    expect(captionOf(big, busiest)).toEqual({ en: '2002 was the busiest year: 20 agreements', ja: '2002年は協定締結が最も多い年：20件' });
  });

  it('names the country with the most partners and flies to its anchor', () => {
    const top = byId(bigStory, 'top-country')!;
    const anchor = big.countryAnchors.get('CN')!;
    expect(top).toMatchObject({ year: null, countryCode: 'CN', institutions: 144, agreements: 144, focus: { lng: anchor[0], lat: anchor[1] } });
    // 'first' and 143 fillers (30 + 16 + 48 + 49).
    expect(top.institutionIds).toHaveLength(144);
    expect(captionOf(big, top)).toEqual({
      en: 'China has the most partners: 144 institutions and 144 agreements',
      ja: '協定機関数が最も多いのは中国：144機関・協定144件',
    });
  });

  it('closes on the latest agreement, naming a group by its first campus, then the totals', () => {
    const latest = byId(bigStory, 'latest-agreement')!;
    // The group lists its campuses out of seed order; the slide names the campus with the earliest seed line.
    expect(latest).toMatchObject({
      year: 2011,
      institutionIds: ['us-g1', 'us-g2', 'us-g3'],
      countryCode: 'US',
      focus: { lng: -71.06, lat: 42.36 },
      partners: { institutionId: 'us-g1', others: 2, countryCode: 'US' },
    });
    expect(captionOf(big, latest)).toEqual({
      en: '2011: the latest agreement — University us-g1, City-US and 2 others (United States)',
      ja: '2011年 最新の協定：us-g1大学 (US市)ほか2機関(アメリカ)',
    });
    expect(bigStory[bigStory.length - 1]).toMatchObject({
      kind: 'end',
      year: null,
      institutionIds: [],
      focus: null,
      agreements: 153,
      institutions: 155,
      countries: 5,
    });
    expect(captionOf(big, bigStory[bigStory.length - 1])).toEqual({
      en: 'In all: 153 agreements with 155 institutions in 5 countries and regions',
      ja: '合計：5の国・地域、155機関と153件の協定',
    });
  });

  it('leaves out the partner counts that the given links do not reach', () => {
    const story = deriveMilestones(
      big,
      big.links.filter((l) => l.year !== null && l.year <= 2004),
    );
    const ids = story.map((m) => m.id);
    expect(ids).toContain('partner-count:50');
    expect(ids).not.toContain('partner-count:100');
    expect(ids).not.toContain('partner-count:150');
    expect(ids).not.toContain('first-in-region:latin-america');
  });
});

describe('storyline over the mini fixture', () => {
  const story = deriveMilestones(mini, mini.links);

  it('follows the data, with the title from the dataset', () => {
    expect(story.map((m) => m.id)).toEqual([
      'title',
      'first-agreement',
      'busiest-year',
      'first-in-region:asia',
      'first-in-region:europe',
      'top-country',
      'latest-agreement',
      'end',
    ]);
    expect(story[0]).toEqual({ id: 'title', kind: 'title', year: null, institutionIds: [], countryCode: null, focus: null });
    expect(captionOf(mini, story[0])).toEqual({ ja: 'テスト', en: 'Test' });
  });

  it('names a group agreement by its first campus, and leaves out a city the name already gives or the data lacks', () => {
    expect(story[1]).toMatchObject({ year: 1990, institutionIds: ['uc-a', 'uc-b'], countryCode: 'US', focus: { lng: -122.27, lat: 37.87 } });
    expect(captionOf(mini, story[1])).toEqual({
      en: '1990: the first agreement — University of California, A, Berkeley and 1 other (United States)',
      ja: '1990年 最初の協定：カリフォルニア大学A校ほか1機関(アメリカ)',
    });
    expect(captionOf(mini, byId(story, 'first-in-region:asia'))).toEqual({
      en: '1998: the first agreement in Asia — Seoul National University (South Korea)',
      ja: '1998年 アジアで最初の協定：ソウル大学校(韓国)',
    });
  });

  it('breaks a busiest-year tie by the earliest year and says "1 agreement"', () => {
    expect(byId(story, 'busiest-year')).toMatchObject({ year: 1990, agreements: 1, institutionIds: ['uc-a', 'uc-b'] });
    expect(captionOf(mini, byId(story, 'busiest-year')).en).toBe('1990 was the busiest year: 1 agreement');
  });

  it('counts undated partners for the top country and breaks a tie by agreements', () => {
    // Korea and the US both have two partners (Yonsei only through an undated agreement); Korea has three agreements to one.
    expect(byId(story, 'top-country')).toMatchObject({ countryCode: 'KR', institutionIds: ['seoul', 'yonsei'], agreements: 3 });
    expect(captionOf(mini, byId(story, 'top-country'))).toEqual({
      en: 'South Korea has the most partners: 2 institutions and 3 agreements',
      ja: '協定機関数が最も多いのは韓国：2機関・協定3件',
    });
  });

  it('follows the filtered links it is given', () => {
    const europe = deriveMilestones(mini, filterLinks(mini, { ...DEFAULT_FILTERS, regions: ['europe'] }));
    // One dated agreement: the first is also the latest, so it is told once.
    expect(europe.map((m) => m.id)).toEqual(['title', 'first-agreement', 'busiest-year', 'top-country', 'end']);
    expect(captionOf(mini, europe[europe.length - 1]).en).toBe('In all: 1 agreement with 1 institution in 1 country or region');
  });

  it('has no timeline slides when only undated agreements are given', () => {
    const undated = deriveMilestones(mini, filterLinks(mini, { ...DEFAULT_FILTERS, level: 'department' }));
    expect(undated.map((m) => m.kind)).toEqual(['title', 'top-country', 'end']);
    expect(undated[1]).toMatchObject({ countryCode: 'KR', year: null });
  });

  it('rings on the map the partner a slide names, or the top country, and nothing on whole-network slides', () => {
    expect(story.map((m) => [m.id, milestoneSubject(m)])).toEqual([
      ['title', null],
      // A group agreement: the first campus, the one the caption names.
      ['first-agreement', { kind: 'institution', id: 'uc-a' }],
      ['busiest-year', null],
      ['first-in-region:asia', { kind: 'institution', id: 'seoul' }],
      ['first-in-region:europe', { kind: 'institution', id: 'sorbonne' }],
      ['top-country', { kind: 'country', code: 'KR' }],
      ['latest-agreement', { kind: 'institution', id: 'sorbonne' }],
      ['end', null],
    ]);
    const partnerCount = bigStory.find((m) => m.kind === 'partner-count')!;
    expect(milestoneSubject(partnerCount)).toEqual({ kind: 'institution', id: partnerCount.institutionIds[0] });
  });

  it('gives only the title and the end for no links', () => {
    const empty = deriveMilestones(mini, []);
    expect(empty.map((m) => m.kind)).toEqual(['title', 'end']);
    expect(captionOf(mini, empty[1])).toEqual({
      en: 'In all: 0 agreements with 0 institutions in 0 countries and regions',
      ja: '合計：0の国・地域、0機関と0件の協定',
    });
  });
});

describe('storyline notes (issue 26): what the growth leaves out, and why the totals differ', () => {
  // The committed dataset, as the presentation tells it.
  const atlas = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
  const notesOf = (m: Milestone | undefined) => ({ en: storylineNotes('en', m!), ja: storylineNotes('ja', m!) });
  const undatedIn = (links: readonly { agreement: { id: string; signed: string | null } }[]) =>
    new Set(links.filter((l) => l.agreement.signed === null).map((l) => l.agreement.id)).size;

  it('every slide placed in a year says the undated department-level agreements are not in its growth', () => {
    const links = filterLinks(atlas, DEFAULT_FILTERS);
    const story = deriveMilestones(atlas, links);
    const undated = undatedIn(links);
    expect(undated).toBeGreaterThan(0);
    for (const m of story.filter((s) => s.year !== null)) {
      const notes = notesOf(m);
      expect(notes.en, m.id).toEqual([
        `The growth counts dated agreements only: ${undated} undated department-level agreements are not in it (the source gives them no date).`,
      ]);
      expect(notes.ja[0], m.id).toContain(`日付のない部局間協定 ${undated} 件は含まれません`);
    }
    expect(notesOf(story[0]).en).toEqual([]);
  });

  it('the last slide says how many of its agreements are undated, and why institutions and agreements differ, from the data', () => {
    const links = filterLinks(atlas, { ...DEFAULT_FILTERS, departments: ['engineering'], tuitionWaiverOnly: true });
    const story = deriveMilestones(atlas, links);
    const end = story[story.length - 1]!;
    if (end.kind !== 'end') throw new Error('the last slide is the totals');
    expect(end.institutions).toBeGreaterThan(end.agreements);
    const perAgreement = new Map<string, Set<string>>();
    for (const l of links) perAgreement.set(l.agreement.id, (perAgreement.get(l.agreement.id) ?? new Set()).add(l.institution.id));
    const shared = [...perAgreement.values()].filter((s) => s.size > 1);
    const largest = Math.max(...shared.map((s) => s.size));
    expect(end.shared).toEqual({ agreements: shared.length, largest });
    const notes = notesOf(end);
    expect(notes.en.at(-1)).toBe(
      `One agreement can cover several institutions (${shared.length} agreements do, up to ${largest} in one), and one institution can hold several agreements, so the two totals differ.`,
    );
    expect(notes.ja.at(-1)).toContain(`最大 ${largest} 機関`);

    const all = deriveMilestones(atlas, filterLinks(atlas, DEFAULT_FILTERS));
    const allEnd = notesOf(all[all.length - 1]);
    const undated = undatedIn(filterLinks(atlas, DEFAULT_FILTERS));
    expect(allEnd.en[0]).toBe(`${undated} of them are undated department-level agreements, not in the year-by-year growth.`);
    expect(allEnd.ja[0]).toBe(`うち ${undated} 件は日付のない部局間協定で、年ごとの推移には含まれません。`);
  });
});
