// Frame timing of the playback video: frame count, first frame, pace and the held last year.
import { describe, expect, it } from 'vitest';
import { HOLD_LAST_YEAR_S, videoTiming } from '../../src/domain/video-timing';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';

describe('video timing', () => {
  it('counts duration × fps frames: the years at the playback pace plus the held last year', () => {
    const timing = videoTiming([1983, 2012], 1, 30);
    expect(timing.duration).toBeCloseTo(30 * SECONDS_PER_YEAR_AT_1X + HOLD_LAST_YEAR_S, 6);
    expect(timing.frames).toBe(Math.round(timing.duration * 30));
    expect(timing.frames).toBe(780);
    expect(videoTiming([1983, 2012], 1, 60).frames).toBe(1560);
    expect(videoTiming([2008, 2012], 4, 30).frames).toBe(90);
  });

  it('starts on the first year as it begins and ends on the last year in full', () => {
    const timing = videoTiming([2008, 2012], 2, 30);
    expect(timing.positionAt(0)).toBe(0);
    expect(timing.positionAt(timing.frames - 1)).toBe(5);
    // One year at 2× takes 0.4 s: 12 frames at 30 fps.
    expect(timing.positionAt(12)).toBeCloseTo(1, 9);
    expect(timing.yearAt(0)).toEqual({ year: 2008, progress: 0 });
    expect(timing.yearAt(18)).toEqual({ year: 2009, progress: expect.closeTo(0.5, 9) });
    expect(timing.yearAt(timing.frames - 1)).toEqual({ year: 2012, progress: 1 });
  });

  it('holds the last year at least two seconds (issue 26)', () => {
    for (const speed of [0.5, 1, 2, 4]) {
      const timing = videoTiming([1983, 2012], speed, 30);
      const lastYearFull = timing.frames - [...Array(timing.frames).keys()].findIndex((i) => timing.positionAt(i) >= 30);
      expect(lastYearFull / 30).toBeGreaterThanOrEqual(2);
    }
  });

  it('moves forward every frame until the end, never backward', () => {
    const timing = videoTiming([1983, 2012], 4, 60);
    let last = -1;
    for (let i = 0; i < timing.frames; i += 1) {
      const p = timing.positionAt(i);
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
  });
});
