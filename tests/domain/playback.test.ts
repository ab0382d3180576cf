// Playback model: time to year, speeds, loop/stop, step/jump, visible ranges and frames over the mini fixture.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, filterLinks } from '../../src/domain/filters';
import {
  advance,
  clampSpeed,
  DEFAULT_SETTINGS,
  isNewInYear,
  nextPlaybackYear,
  playbackRange,
  SECONDS_PER_YEAR_AT_1X,
  SPEEDS,
  visibleYearRange,
  type PlaybackSettings,
  type PlaybackState,
} from '../../src/domain/playback';
import { playbackFrame } from './reference';
import { parseDataset } from '../../src/domain/schema';
import { MINI } from '../fixtures/mini-dataset';

const index = buildIndex(parseDataset(MINI));
// MINI signs in 1990 (the two UC campuses), 1998 (Seoul) and 1999 (Sorbonne); Yonsei has only an undated agreement.
const extent: [number, number] = [1990, 1999];
const settings: PlaybackSettings = { ...DEFAULT_SETTINGS, speed: 1, loop: false };
const playing = (year: number, progress = 0): PlaybackState => ({ playing: true, year, progress });
/** Wall-clock milliseconds that play `years` years at `speed`. */
const ms = (years: number, speed = 1) => (years * SECONDS_PER_YEAR_AT_1X * 1000) / speed;

describe('playback time', () => {
  it('uses the index extent of the fixture', () => {
    expect(index.yearExtent).toEqual(extent);
  });

  it('moves within a year, then across one or several year boundaries', () => {
    const half = advance(playing(1990), ms(0.5), settings, extent);
    expect(half.year).toBe(1990);
    expect(half.progress).toBeCloseTo(0.5);

    const next = advance(playing(1990, 0.75), ms(0.5), settings, extent);
    expect(next.year).toBe(1991);
    expect(next.progress).toBeCloseTo(0.25);

    const several = advance(playing(1990, 0.2), ms(3.5), settings, extent);
    expect(several).toMatchObject({ playing: true, year: 1993 });
    expect(several.progress).toBeCloseTo(0.7);
  });

  it('scales time by the speed', () => {
    // The same wall-clock time plays twice the years at 2×.
    const double = advance(playing(1990), ms(0.625), { ...settings, speed: 2 }, extent);
    expect(double.year).toBe(1991);
    expect(double.progress).toBeCloseTo(0.25);
    const fast = advance(playing(1990), ms(2.5, 4), { ...settings, speed: 4 }, extent);
    expect(fast.year).toBe(1992);
    expect(fast.progress).toBeCloseTo(0.5);
    const slow = advance(playing(1990), ms(0.5), { ...settings, speed: 0.5 }, extent);
    expect(slow.year).toBe(1990);
    expect(slow.progress).toBeCloseTo(0.25);
    // An out-of-list speed is played at the nearest allowed one.
    expect(advance(playing(1990), ms(1.5, 4), { ...settings, speed: 3 }, extent).year).toBe(1991);
  });

  it('does nothing while paused or for no elapsed time', () => {
    const paused: PlaybackState = { playing: false, year: 1995, progress: 0.3 };
    expect(advance(paused, 5000, settings, extent)).toBe(paused);
    const p = playing(1995, 0.3);
    expect(advance(p, 0, settings, extent)).toBe(p);
    expect(advance(p, Number.NaN, settings, extent)).toBe(p);
  });

  it('stops on the last year, fully shown, unless it loops', () => {
    expect(advance(playing(1999, 0.5), ms(0.6), settings, extent)).toEqual({ playing: false, year: 1999, progress: 1 });
    expect(advance(playing(1997), ms(100), settings, extent)).toEqual({ playing: false, year: 1999, progress: 1 });

    const looped = advance(playing(1999, 0.5), ms(0.75), { ...settings, loop: true }, extent);
    expect(looped).toMatchObject({ playing: true, year: 1990 });
    expect(looped.progress).toBeCloseTo(0.25);
    // Ten years span the extent, so 23.5 years from the start of 1990 lands in the middle of 1993.
    const around = advance(playing(1990), ms(23.5), { ...settings, loop: true }, extent);
    expect(around.year).toBe(1993);
    expect(around.progress).toBeCloseTo(0.5);
  });

  it('plays a whole run frame by frame, year after year, and stops', () => {
    let state: PlaybackState = playing(1990);
    const years: number[] = [];
    for (let frame = 0; frame < 1000 && state.playing; frame += 1) {
      state = advance(state, 1000 / 60, settings, extent);
      if (years[years.length - 1] !== state.year) years.push(state.year);
    }
    expect(years).toEqual([1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999]);
    expect(state).toEqual({ playing: false, year: 1999, progress: 1 });
  });
});

describe('playback controls', () => {
  it('snaps speeds to the allowed list', () => {
    expect(SPEEDS).toEqual([0.5, 1, 2, 4]);
    expect(clampSpeed(1)).toBe(1);
    expect(clampSpeed(3)).toBe(4);
    expect(clampSpeed(1.5)).toBe(2);
    expect(clampSpeed(0.7)).toBe(0.5);
    expect(clampSpeed(0.1)).toBe(0.5);
    expect(clampSpeed(-2)).toBe(0.5);
    expect(clampSpeed(10)).toBe(4);
    expect(clampSpeed(Infinity)).toBe(4);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });

  it('runs over the brushed range, inside the extent', () => {
    expect(playbackRange(null, extent)).toEqual([1990, 1999]);
    expect(playbackRange([1995, 1997], extent)).toEqual([1995, 1997]);
    expect(playbackRange([1980, 2005], extent)).toEqual([1990, 1999]);
    expect(playbackRange([2003, 2005], extent)).toEqual([1999, 1999]);
  });
});

describe('visible years', () => {
  it('shows everything so far in cumulative mode', () => {
    expect(visibleYearRange(1995, { ...settings, mode: 'cumulative' }, extent)).toEqual([1990, 1995]);
    expect(visibleYearRange(2005, { ...settings, mode: 'cumulative' }, extent)).toEqual([1990, 1999]);
  });

  it('shows the trailing window in window mode, cut at the first year', () => {
    const window = (windowYears: number): PlaybackSettings => ({ ...settings, mode: 'window', windowYears });
    expect(visibleYearRange(1995, window(3), extent)).toEqual([1993, 1995]);
    expect(visibleYearRange(1991, window(3), extent)).toEqual([1990, 1991]);
    expect(visibleYearRange(1995, window(1), extent)).toEqual([1995, 1995]);
    expect(visibleYearRange(1995, window(0), extent)).toEqual([1995, 1995]);
  });

  it('marks links signed in the current year as new', () => {
    expect(isNewInYear(1998, 1998)).toBe(true);
    expect(isNewInYear(1997, 1998)).toBe(false);
    expect(isNewInYear(null, 1998)).toBe(false);
  });
});

describe('playback frames', () => {
  const at = (year: number, s: PlaybackSettings = settings) => playbackFrame(index, index.links, { playing: true, year, progress: 0.5 }, s);
  const ids = (frame: ReturnType<typeof at>) => [...new Set(frame.visibleLinks.map((l) => l.institution.id))].sort();

  it('grows the network year by year with running totals and the new partners of each year', () => {
    expect(at(1990)).toMatchObject({ year: 1990, range: [1990, 1990], newInstitutionIds: ['uc-a', 'uc-b'], runningTotal: 2 });
    expect(at(1995)).toMatchObject({ range: [1990, 1995], newInstitutionIds: [], runningTotal: 2 });
    expect(at(1998)).toMatchObject({ newInstitutionIds: ['seoul'], runningTotal: 3 });
    expect(at(1999)).toMatchObject({ newInstitutionIds: ['sorbonne'], runningTotal: 4 });
    expect(ids(at(1999))).toEqual(['seoul', 'sorbonne', 'uc-a', 'uc-b']);
  });

  it('never shows undated department-level agreements', () => {
    const all = at(1999).visibleLinks;
    expect(all.every((l) => l.year !== null)).toBe(true);
    expect(all.map((l) => l.agreement.id)).not.toContain('d-imr-seoul');
    expect(all.map((l) => l.institution.id)).not.toContain('yonsei');
  });

  it('counts only the window in window mode', () => {
    const frame = at(1999, { ...settings, mode: 'window', windowYears: 2 });
    expect(frame.range).toEqual([1998, 1999]);
    expect(ids(frame)).toEqual(['seoul', 'sorbonne']);
    expect(frame.runningTotal).toBe(2);
    expect(at(1997, { ...settings, mode: 'window', windowYears: 2 }).runningTotal).toBe(0);
  });

  it('respects the links it is given (the filtered links, year range ignored)', () => {
    const filters = { ...DEFAULT_FILTERS, regions: ['asia' as const], yearRange: [1990, 1991] as [number, number] };
    const links = filterLinks(index, filters, 'yearRange');
    const frame = playbackFrame(index, links, playing(1999), settings);
    expect(ids(frame)).toEqual(['seoul']);
    expect(frame.runningTotal).toBe(1);
    expect(frame.newInstitutionIds).toEqual([]);
    expect(playbackFrame(index, [], playing(1999), settings)).toMatchObject({ visibleLinks: [], newInstitutionIds: [], runningTotal: 0 });
  });

  it('clamps a year outside the extent', () => {
    expect(at(2020)).toMatchObject({ year: 1999, runningTotal: 4 });
  });
});

describe('the next playback year (computed ahead while playing)', () => {
  it('is the year after, within the brushed range, then the first again when looping, else none', () => {
    const extent = [1983, 2012] as const;
    expect(nextPlaybackYear(1990, DEFAULT_SETTINGS, extent, null)).toBe(1991);
    expect(nextPlaybackYear(2012, DEFAULT_SETTINGS, extent, null)).toBeNull();
    expect(nextPlaybackYear(2005, DEFAULT_SETTINGS, extent, [2000, 2005])).toBeNull();
    expect(nextPlaybackYear(2005, { ...DEFAULT_SETTINGS, loop: true }, extent, [2000, 2005])).toBe(2000);
    expect(nextPlaybackYear(1990, DEFAULT_SETTINGS, extent, [2000, 2005])).toBe(2000);
  });
});
