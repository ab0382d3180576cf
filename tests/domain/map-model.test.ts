// The pure map model: what the map draws from (index, view, countries, selection, lines, language). The page and the
// video export build it with the same function; each part keeps its identity while its own inputs do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import type { AtlasIndex } from '../../src/domain/atlas-index';
import { MARKER_SIZE_FULL, markerSizeScale } from '../../src/domain/map-data';
import { createMapModelBuilder } from '../../src/domain/map-model';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { parseDataset } from '../../src/domain/schema';
import { viewAtYear } from '../../src/domain/view';

const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
const filters = { ...DEFAULT_FILTERS, countries: ['FR'] };

describe('map model', () => {
  it('draws a playback year as the view at that year counts it: one marker number per country, the names in the language', () => {
    const { view } = viewAtYear(index, filters, 2000, DEFAULT_SETTINGS);
    const model = createMapModelBuilder()({ index, lang: 'ja', view, countryCounts: view.countryCounts, countries: filters.countries });
    const markers = model.countryMarkers.features.filter((f) => f.properties.count > 0);
    expect(markers.length).toBe(view.countryCounts.size);
    for (const f of markers) expect(f.properties.count).toBe(view.countryCounts.get(f.properties.code)!.agreements);
    const france = model.countryMarkers.features.find((f) => f.properties.code === 'FR')!;
    expect(france.properties).toMatchObject({ name: 'フランス', selected: true, dimmed: false });
    const points = typeof model.institutions === 'function' ? model.institutions() : model.institutions;
    expect(points.features.length).toBe(view.passing.length);
    expect(model.focusCountries).toEqual(['FR']);
    expect(model.flows).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('keeps each part while its inputs are the same objects, so the map sends again only what changed', () => {
    const build = createMapModelBuilder();
    const { view } = viewAtYear(index, filters, null, DEFAULT_SETTINGS);
    const input = { index, lang: 'en' as const, view, countryCounts: view.countryCounts, countries: filters.countries };
    const first = build(input);
    expect(build({ ...input })).toBe(first);
    const hovered = build({ ...input, hovered: index.dataset.institutions[0]!.id });
    expect(hovered.highlight).not.toBe(first.highlight);
    expect(hovered.highlight.features).toHaveLength(1);
    expect(hovered.countryMarkers).toBe(first.countryMarkers);
    expect(hovered.institutions).toBe(first.institutions);
    const later = viewAtYear(index, filters, 2005, DEFAULT_SETTINGS).view;
    const year = build({ ...input, view: later, countryCounts: later.countryCounts });
    expect(year.countryMarkers).not.toBe(first.countryMarkers);
    expect(year.home).toBe(first.home);
  });

  it('draws a one-home list’s markers at full size (size = count), and scales a national list’s down by its largest country', () => {
    expect(markerSizeScale(index)).toBe(1);
    const { view } = viewAtYear(index, DEFAULT_FILTERS, null, DEFAULT_SETTINGS);
    const model = createMapModelBuilder()({ index, lang: 'en', view, countryCounts: view.countryCounts, countries: [] });
    for (const f of model.countryMarkers.features) expect(f.properties.size).toBe(f.properties.count);
    // 2,000 agreements with two partners each in country 0 (each counted once there), 10 in country 1.
    const links = [
      ...Array.from({ length: 4000 }, (_, n) => ({ agreementNo: Math.floor(n / 2), countryNo: 0 })),
      ...Array.from({ length: 10 }, (_, n) => ({ agreementNo: 2000 + n, countryNo: 1 })),
    ];
    expect(markerSizeScale({ links } as unknown as AtlasIndex)).toBeCloseTo(MARKER_SIZE_FULL / 2000);
  });
});
