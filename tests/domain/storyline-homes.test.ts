// The story of many homes (issue 28 item 6): the facts a network of several homes adds to the storyline (the first
// home to partner with a country as the network reaches N countries, the partners with the most homes, the homes that
// grew fastest), their words in ja and en, the story following home= and compare=, a one-home story unchanged, and
// the cost on the synthetic national list (770 homes, 42,000 agreements).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, type AtlasIndex, type Link } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks, type Filters } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { deriveMilestones, type Milestone } from '../../src/domain/storyline';
import { COUNTRY_MILESTONES, GROWTH_SPAN_YEARS } from '../../src/domain/storyline-homes';
import { storylineCaption } from '../../src/i18n/storyline';
import { nationalDataset } from '../../scripts/bench-homes';
import { KYOTO, OSAKA, TOHOKU, threeHomesDataset } from '../fixtures/three-homes';

const three = buildIndex(threeHomesDataset());
const linksOf = (index: AtlasIndex, filters: Partial<Filters> = {}) => filterLinks(index, { ...DEFAULT_FILTERS, ...filters });
const of = <K extends Milestone['kind']>(story: Milestone[], kind: K) => story.filter((m): m is Milestone & { kind: K } => m.kind === kind);
const captions = (index: AtlasIndex, m: Milestone) => ({ en: storylineCaption('en', index, m), ja: storylineCaption('ja', index, m) });

/** The network's countries in the order their first dated agreement came: [code, signing date]. */
function countryOrder(links: readonly Link[]): [string, string][] {
  const first = new Map<string, string>();
  for (const l of links) {
    const signed = l.agreement.signed;
    if (signed === null) continue;
    const was = first.get(l.country.code);
    if (was === undefined || signed < was) first.set(l.country.code, signed);
  }
  return [...first].sort((a, b) => a[1].localeCompare(b[1]));
}

/** Every partner's number of homes, counted here without the domain's code. */
function homesPerPartner(links: readonly Link[]): Map<string, number> {
  const homes = new Map<string, Set<string>>();
  for (const l of links) {
    if (!homes.has(l.institution.id)) homes.set(l.institution.id, new Set());
    homes.get(l.institution.id)!.add(l.agreement.homeId);
  }
  return new Map([...homes].map(([id, s]) => [id, s.size]));
}

/** The facts of a story that hold whatever the dataset: the countries reached, the most connected, the fastest grown. */
function expectNetworkFacts(links: readonly Link[], story: Milestone[]) {
  const order = countryOrder(links);
  const reached = of(story, 'countries-reached');
  expect(reached.map((m) => m.count)).toEqual(COUNTRY_MILESTONES.filter((n) => n <= order.length));
  for (const m of reached) {
    const [, signed] = order[m.count - 1]!;
    expect(m.year).toBe(Number(signed.slice(0, 4)));
    // The home named is one that signed with that country on the country's first day.
    const firsts = links.filter(
      (l) => l.country.code === m.partners.countryCode && l.agreement.signed === order.find(([c]) => c === m.partners.countryCode)![1],
    );
    expect(firsts.map((l) => l.agreement.homeId)).toContain(m.homeId);
  }
  const perPartner = homesPerPartner(links);
  const most = Math.max(...perPartner.values());
  const [connected] = of(story, 'most-connected');
  expect(connected!.partners[0]!.homes).toBe(most);
  for (const p of connected!.partners) expect(p.homes).toBe(perPartner.get(p.institutionId));
  const [growth] = of(story, 'fastest-growing');
  const to = Math.max(...links.filter((l) => l.year !== null).map((l) => l.year!));
  expect(growth!.to).toBe(to);
  expect(growth!.from).toBe(to - GROWTH_SPAN_YEARS + 1);
  for (const h of growth!.homes) {
    const added = new Set(links.filter((l) => l.agreement.homeId === h.homeId && l.year !== null && l.year >= growth!.from).map((l) => l.agreement.id));
    expect(h.added).toBe(added.size);
  }
  const addedBy = (home: string) =>
    new Set(links.filter((l) => l.agreement.homeId === home && l.year !== null && l.year >= growth!.from).map((l) => l.agreement.id)).size;
  const best = Math.max(...[...new Set(links.map((l) => l.agreement.homeId))].map(addedBy));
  expect(growth!.homes[0]!.added).toBe(best);
}

describe('the story of the whole network (three homes)', () => {
  const links = linksOf(three);
  const story = deriveMilestones(three, links);

  it('adds the countries reached, the most connected partners and the homes that grew fastest, checked against a count of its own', () => {
    expectNetworkFacts(links, story);
    expect(of(story, 'countries-reached').length).toBeGreaterThan(0);
    // Every partner the three share: the most connected have all three homes.
    expect(of(story, 'most-connected')[0]!.partners.every((p) => p.homes === 3)).toBe(true);
    // Events in time stay in order of year.
    const years = story.filter((m) => 'undated' in m && m.kind !== 'end' && m.year !== null).map((m) => m.year!);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('says whose each agreement is: the first agreement is the first home’s, named in both languages', () => {
    const [first] = of(story, 'first-agreement');
    // Kyoto's copies have Tohoku's dates and lines: the dataset's order decides, so the first is Tohoku's.
    expect(first!.homeId).toBe(TOHOKU);
    const words = captions(three, first!);
    expect(words.en).toMatch(/^Tohoku University: \d{4}: the first agreement — /);
    expect(words.ja).toMatch(/^東北大学：\d{4}年 最初の協定：/);
  });

  it('words the network slides with plural rules and list formats', () => {
    const reached = of(story, 'countries-reached')[0]!;
    const en = captions(three, reached).en;
    expect(en).toMatch(new RegExp(`^${reached.year}: the network reaches ${reached.count} countries — .+ is the first to partner with `));
    expect(captions(three, reached).ja).toMatch(new RegExp(`^${reached.year}年 協定のある国・地域が${reached.count}に：`));
    const connected = captions(three, of(story, 'most-connected')[0]!);
    expect(connected.en).toMatch(/^The partners of the most homes: .+ \(3 homes\), .+ \(3 homes\),? and .+ \(3 homes\)$/);
    expect(connected.ja).toMatch(/^最も多くの大学と協定のある機関：.+\(3大学\)、.+\(3大学\)、.+\(3大学\)$/);
    const growth = of(story, 'fastest-growing')[0]!;
    expect(captions(three, growth).en).toContain(`The homes that grew fastest, ${growth.from}–${growth.to}: `);
    expect(captions(three, growth).en).toMatch(/\(\+\d+ agreements?\)/);
    expect(captions(three, growth).ja).toContain(`${growth.from}〜${growth.to}年に協定を最も増やした大学：`);
    const top = of(story, 'top-country')[0]!;
    expect(top.firstHome?.homeId).toBe(TOHOKU);
    expect(captions(three, top).en).toContain('The first to partner with');
  });
});

describe('the story follows home= and compare=', () => {
  it('one home of many: that home’s story as a one-home dataset tells it, titled with its name', () => {
    const story = deriveMilestones(three, linksOf(three, { homes: [KYOTO] }));
    expect(story.some((m) => m.homeId !== undefined)).toBe(false);
    for (const kind of ['countries-reached', 'most-connected', 'fastest-growing'] as const) expect(of(story, kind)).toHaveLength(0);
    const title = of(story, 'title')[0]!;
    expect(title.homeIds).toEqual([KYOTO]);
    expect(captions(three, title).en).toMatch(/: Kyoto University$/);
    expect(captions(three, title).ja).toMatch(/：京都大学$/);
  });

  it('two compared: the story of the two, both named in the title and the most connected shared by both', () => {
    const links = linksOf(three, { compare: [KYOTO, OSAKA] });
    const story = deriveMilestones(three, links);
    expect(new Set(story.flatMap((m) => (m.homeId ? [m.homeId] : [])))).toEqual(new Set([KYOTO, OSAKA]));
    expect(captions(three, of(story, 'title')[0]!).en).toMatch(/: Kyoto University and Osaka University$/);
    expect(captions(three, of(story, 'title')[0]!).ja).toMatch(/：京都大学、大阪大学$/);
    expectNetworkFacts(links, story);
    expect(of(story, 'most-connected')[0]!.partners.every((p) => p.homes === 2)).toBe(true);
  });

  it('a one-home dataset: no home named anywhere, no network slides, the title its own', () => {
    const one = buildIndex(parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8'))));
    const story = deriveMilestones(one, linksOf(one));
    expect(story.some((m) => 'homeId' in m || 'homeIds' in m || 'firstHome' in m)).toBe(false);
    expect(story.map((m) => m.kind)).not.toContain('countries-reached');
    expect(storylineCaption('en', one, story[0]!)).toBe(one.dataset.meta.title.en);
  });
});

describe('the national list (770 homes, 42,000 agreements)', () => {
  const real = parseDataset(JSON.parse(readFileSync('data/agreements.json', 'utf8')));
  const national = buildIndex(nationalDataset(real));
  const links = linksOf(national);

  it('tells the network story, right, at little more than the one-home story costs on the same links', () => {
    // The same links as one home's: the story without the network's facts. Runs interleaved, medians of 5.
    const dataset = national.dataset;
    const oneHome = buildIndex({ ...dataset, homes: [dataset.homes[0]!], agreements: dataset.agreements.map((a) => ({ ...a, homeId: dataset.homes[0]!.id })) });
    const oneLinks = linksOf(oneHome);
    const times = { network: [] as number[], oneHome: [] as number[] };
    let story: Milestone[] = [];
    for (let run = 0; run < 5; run++) {
      let start = performance.now();
      story = deriveMilestones(national, links);
      times.network.push(performance.now() - start);
      start = performance.now();
      deriveMilestones(oneHome, oneLinks);
      times.oneHome.push(performance.now() - start);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    const [network, one] = [median(times.network), median(times.oneHome)];
    console.log(
      `deriveMilestones, ${links.length} links: ${national.homes.length} homes ${network.toFixed(0)} ms, as one home ${one.toFixed(0)} ms (medians of 5), ×${(network / one).toFixed(2)}`,
    );
    expect(network / one).toBeLessThan(1.6);
    expectNetworkFacts(links, story);
    expect(of(story, 'countries-reached').length).toBeGreaterThan(0);
    for (const m of story) expect(captions(national, m).en.length).toBeGreaterThan(0);
  }, 240_000);
});
