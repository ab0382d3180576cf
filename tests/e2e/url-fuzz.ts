// The random query strings of hardening.spec.ts's URL test, and what the URL contract says each one shows. One seeded
// generator for two tests: tests/state/url-fuzz.test.ts checks every sample in Node (the app's load path against the
// counts computed from the dataset), and the browser test loads a few of them to prove the page shows the same.
import fc from 'fast-check';
import type { Summary } from '../../src/domain/aggregate';
import { DEFAULT_SETTINGS, visibleYearRange } from '../../src/domain/playback';
import { DEFAULT_VIEW, parseUrl } from '../../src/state/url';
import { sanitise } from '../../src/state/url-sync';
import { datasetIndex, expectedCounts } from './atlas-page';

/** Values each parameter takes in real links, near misses and out-of-range ones, so the fuzz reaches the filters. */
const PLAUSIBLE = {
  lang: ['en', 'ja', 'EN'],
  level: ['university', 'department', 'all', 'faculty'],
  years: ['1995-2004', '2004-1995', '1900-2100', '2010-2010', '199-2004'],
  country: ['FR', 'KR,FR,ZZ', 'fr', 'CN,,US'],
  region: ['asia,europe', 'oceania', 'mars'],
  dept: ['engineering', 'imr,no-such-dept', 'law,law'],
  waiver: ['1', 'true'],
  q: ['Sorbonne', '東北', 'seoul', '%'],
  selected: ['rwth-aachen-university', 'nowhere'],
  play: ['2000', '1990', '3000'],
  window: ['3', '0'],
  present: ['0', '2', '999'],
  cam: ['139,35,4', '999,0,1'],
  embed: ['1', 'yes'],
} as const;
const PARAMETERS = Object.keys(PLAUSIBLE) as (keyof typeof PLAUSIBLE)[];
// Values go in as they are: the page's path is encodeURI'd below, so they reach the parsers decoded (a comma stays a
// list separator, an & or # may cut the query short, which is fuzz too).
const asQuery = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');

const QUERY = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.tuple(fc.constantFrom(...PARAMETERS), fc.string({ maxLength: 40 })), { maxLength: 6 }).map(asQuery),
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc
          .constantFrom(...PARAMETERS)
          .chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE[k]) }, fc.string({ maxLength: 12 })))),
        { minLength: 1, maxLength: 5 },
      )
      .map(asQuery),
  },
);

/** One sample: the raw query, the path the page is opened at, and what the URL contract makes of it. */
export interface FuzzCase {
  query: string;
  path: string;
  /** A query with a camera or a selection: the page starts the WebGL map to move it. */
  movesMap: boolean;
  /** The parsed and sanitised state (what the dataset does not know stripped). */
  state: ReturnType<typeof urlState>;
  /** The counts the page shows; for a storyline step, the counts after leaving it (the URL's filters). */
  counts: Summary;
}

/** The seeded samples (seed 20121, the browser test's since stop 20). */
export function fuzzCases(numRuns = 10): FuzzCase[] {
  return fc.sample(QUERY, { numRuns, seed: 20121 }).map((query) => {
    const path = `/?${encodeURI(query).replace(/#/g, '%23')}`;
    // The search string exactly as the page sees it (the browser's URL parser, which Node shares).
    const state = urlState(new URL(path, 'http://127.0.0.1/').search);
    const counts = state.view.presentStep === null ? countsFor(state) : expectedCounts(state.filters);
    return { query, path, movesMap: /(^|&)(cam|selected)=/.test(query), state, counts };
  });
}

/** What a URL asks for, through the URL contract: parsed, then stripped of what the dataset does not know. */
function urlState(search: string) {
  const state = sanitise(parseUrl(search), datasetIndex());
  return { filters: state.filters, view: state.view ?? DEFAULT_VIEW };
}

/** The counts for those filters; a playback year shows the network as it stood then, as the page does. */
function countsFor({ filters, view }: ReturnType<typeof urlState>): Summary {
  if (view.playYear === null) return expectedCounts(filters);
  const settings = {
    ...DEFAULT_SETTINGS,
    mode: view.windowYears === null ? 'cumulative' : 'window',
    windowYears: view.windowYears ?? DEFAULT_SETTINGS.windowYears,
  } as const;
  return expectedCounts({ ...filters, yearRange: visibleYearRange(view.playYear, settings, datasetIndex().yearExtent) });
}

/**
 * The samples the browser loads (the rest are checked in Node): a playback year on the page without the map, a
 * storyline step, and a narrowed view with a camera on the WebGL map. The first of each kind in the seeded list.
 */
export function browserCases(cases: FuzzCase[]): FuzzCase[] {
  const total = expectedCounts().agreements;
  const pick = (what: string, ok: (c: FuzzCase) => boolean) => {
    const found = cases.find(ok);
    if (!found) throw new Error(`no sample with ${what}`);
    return found;
  };
  return [
    pick('a playback year, without the map', (c) => !c.movesMap && c.state.view.playYear !== null),
    pick('a storyline step', (c) => c.state.view.presentStep !== null),
    pick('a narrowed view that moves the map', (c) => c.movesMap && c.state.view.presentStep === null && c.counts.agreements !== total),
  ];
}
