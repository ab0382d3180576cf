import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { countByYear, summarise } from '../../src/domain/aggregate';
import { countByCountry, groupByCountry } from '../domain/reference';
import { filterLinks } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { parseUrl, serialiseUrl } from '../../src/state/url';
import { computeView } from '../../src/domain/view';
import { evaluateFilters } from '../../src/domain/filters';
import { loadFromUrl } from '../fixtures/url-load';

const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));

const KEYS = ['lang', 'level', 'years', 'country', 'region', 'dept', 'waiver', 'q', 'selected', 'home', 'compare', 'x', ''];
const plausibleValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'ja',
    'en',
    'all',
    'university',
    'department',
    '2000-2005',
    '1983-2012',
    '2012-1983',
    'FR,KR',
    'asia,europe',
    'engineering',
    '1',
    'seoul-national-university',
    'tohoku-university,kyoto-university',
    'tohoku-university,tohoku-university',
  ),
  fc.integer().map(String),
  fc.string({ maxLength: 3000 }),
);
const queryString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), plausibleValue), { maxLength: 12 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), fc.string({ unit: 'binary' })), { maxLength: 12 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);

describe('URL parsing under random input (fast-check)', () => {
  it('never throws, and parse ∘ serialise ∘ parse = parse', () => {
    fc.assert(
      fc.property(queryString, (search) => {
        const state = parseUrl(search);
        expect(parseUrl(serialiseUrl(state))).toEqual(state);
      }),
      { numRuns: 3000 },
    );
  });

  it('the app load path (parse, sanitise, hydrate, derive the view) never throws, and the view equals the reference', () => {
    fc.assert(
      fc.property(queryString, (search) => {
        // The filters the app derives its view from, as App does: playback narrows the year range.
        const { state: s, onScreen: effective } = loadFromUrl(search, index);
        const view = computeView(evaluateFilters(index, effective));
        const links = filterLinks(index, effective);
        expect(view.summary).toEqual(summarise(links));
        expect(Object.fromEntries(view.countryCounts)).toEqual(Object.fromEntries(countByCountry(filterLinks(index, effective, 'countries'))));
        expect(countByYear(filterLinks(index, effective, 'yearRange'), index.yearExtent).undated).toBe(view.years.undated);
        groupByCountry(index, links, s.lang, 'name');
        if (s.selected) expect(index.institutionsById.has(s.selected)).toBe(true);
        for (const c of s.countries) expect(index.countriesByCode.has(c)).toBe(true);
        if (s.yearRange) expect(s.yearRange[0]).toBeLessThanOrEqual(s.yearRange[1]);
        if (s.playYear !== null) expect(s.playYear).toBeGreaterThanOrEqual(index.yearExtent[0]);
      }),
      { numRuns: 2000 },
    );
  });
});
