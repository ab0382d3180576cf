// Frame-exact timing of a playback video: how many frames, and where in the playback each frame stands.
import { clampSpeed, SECONDS_PER_YEAR_AT_1X, type YearExtent } from './playback';

/** The last year stays on screen this long at the end of the video (issue 26: under half a second was too short to read). */
export const HOLD_LAST_YEAR_S = 2;

export const VIDEO_SIZES = { '1080p': { width: 1920, height: 1080 }, '720p': { width: 1280, height: 720 } } as const;
export type VideoSize = keyof typeof VIDEO_SIZES;
export const VIDEO_FPS = [30, 60] as const;
export type VideoFps = (typeof VIDEO_FPS)[number];

export interface VideoTiming {
  fps: number;
  /** Whole frames: duration × fps. */
  frames: number;
  /** Seconds: frames / fps. */
  duration: number;
  /** Years since the range's first year at frame i (0 = the first year as it begins; span = the last year in full). */
  positionAt(frame: number): number;
  /** The year frame i shows, and how far through that year (0..1): what the playback controller's seek gives. */
  yearAt(frame: number): { year: number; progress: number };
}

/** Playback at `speed` over `range`, the same pace as on screen, then the last year held; frames at `fps`. */
export function videoTiming(range: YearExtent, speed: number, fps: number): VideoTiming {
  const span = range[1] - range[0] + 1;
  const yearsPerSecond = clampSpeed(speed) / SECONDS_PER_YEAR_AT_1X;
  const frames = Math.round((span / yearsPerSecond + HOLD_LAST_YEAR_S) * fps);
  const positionAt = (frame: number) => Math.min(span, (frame / fps) * yearsPerSecond);
  return {
    fps,
    frames,
    duration: frames / fps,
    positionAt,
    yearAt(frame) {
      const at = positionAt(frame);
      const whole = Math.min(Math.floor(at), span - 1);
      return { year: range[0] + whole, progress: at - whole };
    },
  };
}
