// Frame timing of the playback video: frame count, first frame, pace and the held last year.
import { describe, expect, it } from 'vitest';
import { HOLD_LAST_YEAR_S, videoTiming } from '../../src/domain/video-timing';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';

describe('video timing', () => {
  it('counts duration × fps frames: the years at the playback pace plus the held last year', () => {
    const timing = videoTiming([1983, 2012], 1, 30);
    expect(timing.duration).toBeCloseTo(30 * SECONDS_PER_YEAR_AT_1X + HOLD_LAST_YEAR_S, 6);
    expect(timing.frames).toBe(Math.round(timing.duration * 30));
    expect(timing.frames).toBe(750);
    expect(videoTiming([1983, 2012], 1, 60).frames).toBe(1500);
    expect(videoTiming([2008, 2012], 4, 30).frames).toBe(60);
  });

  it('starts on the first year as it begins and ends on the last year in full', () => {
    const timing = videoTiming([2008, 2012], 2, 30);
    expect(timing.positionAt(0)).toBe(0);
    expect(timing.positionAt(timing.frames - 1)).toBe(5);
    // One year at 2× takes 0.4 s: 12 frames at 30 fps.
    expect(timing.positionAt(12)).toBeCloseTo(1, 9);
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
