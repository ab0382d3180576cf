// Headless playback model: turns elapsed time into a year and picks the links to draw as the network grows.
import type { YearBasis } from './active';

export type PlaybackMode = 'cumulative' | 'window';

export interface PlaybackSettings {
  /** Multiplier on SECONDS_PER_YEAR_AT_1X; one of SPEEDS. */
  speed: number;
  /** Start over from the first year instead of stopping at the last. */
  loop: boolean;
  /** 'cumulative' shows every partner so far; 'window' only the last `windowYears` years. */
  mode: PlaybackMode;
  /** Years shown in window mode, at least 1. */
  windowYears: number;
  /**
   * What a year shows (domain/active.ts): the agreements signed by then ('signed', the default), or, for a list
   * with end dates, those in force that year ('active'). The timeline's bars and its year range follow it too.
   */
  basis?: YearBasis;
}

export interface PlaybackState {
  playing: boolean;
  /** Current year, an integer inside the extent. */
  year: number;
  /** How far through the current year, 0..1, so the view can fade new partners in smoothly. */
  progress: number;
}

export type YearExtent = readonly [number, number];

export const SECONDS_PER_YEAR_AT_1X = 0.8;
export const SPEEDS = [0.5, 1, 2, 4] as const;
export const DEFAULT_SETTINGS: PlaybackSettings = { speed: 1, loop: false, mode: 'cumulative', windowYears: 5 };

export const clampYear = (year: number, [first, last]: YearExtent) => Math.max(first, Math.min(last, Math.round(year)));

/**
 * The nearest allowed speed. Distance is measured on a log scale because the speeds double
 * (3× is nearer 4× than 2×); a tie goes to the slower speed. NaN (e.g. a bad URL value) falls back to 1×.
 */
export function clampSpeed(x: number): number {
  if (Number.isNaN(x)) return DEFAULT_SETTINGS.speed;
  if (x <= SPEEDS[0]) return SPEEDS[0];
  if (x >= SPEEDS[SPEEDS.length - 1]!) return SPEEDS[SPEEDS.length - 1]!;
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(Math.log2(x / s)) < Math.abs(Math.log2(x / best))) best = s;
  return best;
}

/**
 * Moves time forward by `elapsedMs` of wall-clock time scaled by the speed. Time is kept as one number
 * (years since the first year plus progress) so a long frame can cross several year boundaries at once.
 * At the end it loops back to the first year or stops on the last year, fully shown.
 */
export function advance(state: PlaybackState, elapsedMs: number, settings: PlaybackSettings, extent: YearExtent): PlaybackState {
  if (!state.playing || !(elapsedMs > 0)) return state;
  const [first, last] = extent;
  const span = last - first + 1;
  const years = ((elapsedMs / 1000) * clampSpeed(settings.speed)) / SECONDS_PER_YEAR_AT_1X;
  let position = clampYear(state.year, extent) - first + Math.max(0, Math.min(1, state.progress)) + years;
  if (position >= span) {
    if (!settings.loop) return { playing: false, year: last, progress: 1 };
    position %= span;
  }
  const whole = Math.floor(position);
  return { playing: true, year: first + whole, progress: position - whole };
}

/** The years playback runs over: the brushed year range (inside the dataset's extent), or every year. */
export function playbackRange(yearRange: readonly [number, number] | null, [first, last]: YearExtent): [number, number] {
  if (!yearRange) return [first, last];
  const from = clampYear(yearRange[0], [first, last]);
  return [from, Math.max(from, clampYear(yearRange[1], [first, last]))];
}

/** The year playback shows after `year` over the brushed range (its first again when looping), or null at its end. */
export function nextPlaybackYear(year: number, settings: PlaybackSettings, extent: YearExtent, yearRange: readonly [number, number] | null): number | null {
  const [from, to] = playbackRange(yearRange, extent);
  if (year < to) return Math.max(from, year + 1);
  return settings.loop ? from : null;
}

/**
 * Inclusive years on screen at `year`: everything so far, or the trailing window. `extent` is the years playback
 * runs over (see playbackRange): with a brushed range, "so far" starts at the range's first year.
 */
export function visibleYearRange(year: number, settings: PlaybackSettings, extent: YearExtent): [number, number] {
  const current = clampYear(year, extent);
  // Active in a year: what is in force then, not everything since the first year (the filter reads the range as
  // "active at some time in it", domain/filters.ts).
  if (settings.mode === 'cumulative') return settings.basis === 'active' ? [current, current] : [extent[0], current];
  const width = Math.max(1, Math.floor(settings.windowYears));
  return [Math.max(extent[0], current - width + 1), current];
}

/** A link signed in the current year is highlighted as "new that year"; undated links never are. */
export const isNewInYear = (linkYear: number | null, year: number): boolean => linkYear !== null && linkYear === year;
