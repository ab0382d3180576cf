// Playback by year deltas (issue 29): a year step hands the timeline the same bars and partners-so-far line (the same
// objects), so React does not render the bars again each year; anything that changed is the new view's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, selectLinks } from '../../src/domain/filters';
import { DEFAULT_SETTINGS } from '../../src/domain/playback';
import { parseDataset } from '../../src/domain/schema';
import { playbackSummary, viewAtYear } from '../../src/domain/view';
import { keepUnchanged } from '../../src/domain/view-reuse';

const index = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));

describe('keepUnchanged', () => {
  it('keeps the bars and the partners-so-far line from one playback year to the next, with their numbers', () => {
    const a = viewAtYear(index, DEFAULT_FILTERS, 2000, DEFAULT_SETTINGS).view;
    const b = viewAtYear(index, DEFAULT_FILTERS, 2001, DEFAULT_SETTINGS).view;
    const fresh = viewAtYear(index, DEFAULT_FILTERS, 2001, DEFAULT_SETTINGS).view;
    expect(b.years).not.toBe(a.years);
    const kept = keepUnchanged(a, b);
    expect(kept).toBe(b);
    expect(kept.years).toBe(a.years);
    expect(kept.cumulative).toBe(a.cumulative);
    expect(kept.years).toEqual(fresh.years);
    expect(kept.cumulative).toEqual(fresh.cumulative);
    // What a year changes stays the new year's.
    expect(kept.summary).toEqual(fresh.summary);
    expect(kept.summary.agreements).toBeGreaterThan(a.summary.agreements);
  });

  it('takes the new bars when the filters change them', () => {
    const a = viewAtYear(index, DEFAULT_FILTERS, 2000, DEFAULT_SETTINGS).view;
    const b = viewAtYear(index, { ...DEFAULT_FILTERS, regions: ['europe'] }, 2000, DEFAULT_SETTINGS).view;
    const years = b.years;
    const cumulative = b.cumulative;
    keepUnchanged(a, b);
    expect(b.years).toBe(years);
    expect(b.cumulative).toBe(cumulative);
    expect(keepUnchanged(null, b)).toBe(b);
  });
});

describe('playbackSummary', () => {
  it('finds the partners new in the year from the masks as from the passing links', () => {
    for (const year of [1990, 2000, 2010, 2015]) {
      const { view } = viewAtYear(index, DEFAULT_FILTERS, year, DEFAULT_SETTINGS);
      const expected = [
        ...new Set(
          selectLinks(view.evaluation)
            .filter((l) => l.year === year)
            .map((l) => l.institution.id),
        ),
      ];
      const got = playbackSummary(view, year);
      expect(got.newInstitutionIds).toEqual(expected);
      expect(got.runningTotal).toBe(view.summary.institutions);
    }
  });
});
