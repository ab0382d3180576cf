// hardening.spec.ts's random query strings, all of them, checked in Node (issue 25: the browser test loaded ten pages,
// 41 s; it now loads three of these samples). The app's load path (parse, sanitise, hydrate the store, derive the view)
// must give the counts the sanitised filters describe, computed from the dataset by the plain filter and summary.
import { describe, expect, it } from 'vitest';
import { computeView } from '../../src/domain/view';
import { evaluateFilters } from '../../src/domain/filters';
import { datasetIndex, expectedCounts } from '../e2e/atlas-page';
import { browserCases, fuzzCases } from '../e2e/url-fuzz';
import { loadFromUrl } from '../fixtures/url-load';

const index = datasetIndex();

/** What the page derives from `search` when it loads: the store hydrated from the URL, and the counts of its view. */
function loaded(search: string) {
  const { state: s, filters, onScreen } = loadFromUrl(search, index);
  return { state: s, counts: computeView(evaluateFilters(index, onScreen)).summary, urlCounts: computeView(evaluateFilters(index, filters)).summary };
}

describe('the browser fuzz test’s random query strings (seed 20121), every sample', () => {
  const cases = fuzzCases();

  it.each(cases.map((c) => [c.query, c] as const))('%j: the load path shows the counts its sanitised filters describe', (_query, c) => {
    const { state, counts, urlCounts } = loaded(new URL(c.path, 'http://127.0.0.1/').search);
    if (c.state.view.presentStep === null) expect(counts).toEqual(c.counts);
    else {
      // A storyline step picks its own playback year; leaving it shows the URL's filters (hardening.spec's Escape).
      expect(state.presentStep).toBe(c.state.view.presentStep);
      expect(urlCounts).toEqual(c.counts);
    }
  });

  it('is not only junk: several samples narrow the view, some move the map, and the browser test has its three', () => {
    const total = expectedCounts();
    expect(cases.filter((c) => c.counts.agreements !== total.agreements).length).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.movesMap).length).toBeGreaterThanOrEqual(2);
    const chosen = browserCases(cases);
    expect(chosen.map((c) => c.query)).toEqual([...new Set(chosen.map((c) => c.query))]);
    expect(chosen).toHaveLength(3);
  });
});
