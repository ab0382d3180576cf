// The one owner of playback (the role of OWID Grapher's TimelineController): the only writer of the playback year,
// its progress through that year and whether it plays. Buttons, keys, presentation, video export and the URL
// restore all call it; none writes the year itself. Headless: time comes from a Clock, so tests use a fake one.
import type { YearBasis } from '../domain/active';
import { advance, clampSpeed, clampYear, playbackRange, type PlaybackMode, type YearExtent } from '../domain/playback';
import type { AtlasStoreApi } from './atlas-store';

export interface Clock {
  now(): number;
  requestFrame(callback: (now: number) => void): number;
  cancelFrame(id: number): void;
  /** Runs `callback` in a task of its own after the current frame (the year's render is not part of the frame). */
  afterFrame(callback: () => void): () => void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (id) => cancelAnimationFrame(id),
  afterFrame: (callback) => {
    const id = setTimeout(callback, 0);
    return () => clearTimeout(id);
  },
};

interface Written {
  year: number | null;
  playing: boolean;
}

export class PlaybackController {
  /** How far through the current year, 0..1. Only whole years reach the store (and so React and the map). */
  private progress = 0;
  private frame: number | null = null;
  private last = 0;
  /**
   * A year the frame loop has reached but not yet written: the store (and so React's render of the year, the map's
   * setData) takes it in a task after the animation frame, not inside it (issue 29). Every other call writes it first.
   */
  private pending: { written: Written; cancel: () => void } | null = null;

  constructor(
    private readonly store: AtlasStoreApi,
    private readonly extent: YearExtent,
    private readonly clock: Clock = browserClock,
  ) {}

  /** The years playback runs over: the brushed year range, or every year. */
  range(): YearExtent {
    return playbackRange(this.store.getState().yearRange, this.extent);
  }

  /** Where playback stands: the year on screen and how far through it. */
  position(): { year: number | null; progress: number; playing: boolean } {
    this.flush();
    const s = this.store.getState();
    return { year: s.playYear, progress: this.progress, playing: s.playing };
  }

  /**
   * Plays from where it stands: after a step it goes on into the next year. It starts at the range's first year
   * when not in playback yet, when the year lies outside the range, or when the range has been played to its end.
   */
  play(): void {
    const s = this.store.getState();
    if (s.playing) return;
    const [from, to] = this.range();
    let year = s.playYear;
    if (year === null || year < from || year > to || (year >= to && this.progress >= 1)) {
      year = from;
      this.progress = 0;
    }
    this.write(year, true);
    this.startLoop();
  }

  pause(): void {
    const s = this.store.getState();
    this.stopLoop();
    if (s.playing) this.write(s.playYear, false);
  }

  toggle(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /** One year back or forward: a manual look at one year, so it pauses and shows the year in full. */
  step(delta: -1 | 1): void {
    const year = this.store.getState().playYear;
    const [from] = this.range();
    this.stopLoop();
    this.progress = 1;
    this.write(year === null ? from : clampYear(year + delta, this.range()), false);
  }

  /** Home: the range's first year, before its agreements appear; End: the range's last year in full. */
  jump(to: 'start' | 'end'): void {
    const [from, last] = this.range();
    this.stopLoop();
    this.progress = to === 'start' ? 0 : 1;
    this.write(to === 'start' ? from : last, false);
  }

  /** Shows the network as it stood in `year`, paused (presentation steps, a shared link). */
  show(year: number): void {
    this.stopLoop();
    this.progress = 1;
    this.write(clampYear(year, this.extent), false);
  }

  /**
   * A still at `position` years into the range (0 = the first year as it begins, span = the last year in full),
   * paused: video export steps through playback frame by frame with it instead of the wall clock.
   */
  seek(position: number): { year: number; progress: number } {
    const [from, to] = this.range();
    const span = to - from + 1;
    const at = Math.max(0, Math.min(span, Number.isFinite(position) ? position : 0));
    const whole = Math.min(Math.floor(at), span - 1);
    this.stopLoop();
    this.progress = at - whole;
    this.write(from + whole, false);
    return { year: from + whole, progress: this.progress };
  }

  /** Back to a position read with position() (after an export): the year, its progress, and playing if it was. */
  restore(position: { year: number | null; progress: number; playing: boolean }): void {
    this.stopLoop();
    this.progress = Math.max(0, Math.min(1, position.progress));
    this.write(position.year, false);
    if (position.playing && position.year !== null) {
      this.write(position.year, true);
      this.startLoop();
    }
  }

  /** Leaves playback: the ordinary view of every year in the filters. */
  exit(): void {
    this.stopLoop();
    this.progress = 0;
    this.write(null, false);
  }

  /** The position is kept: the next frame simply moves at the new speed. */
  setSpeed(speed: number): void {
    this.store.getState().setPlaybackSettings({ speed: clampSpeed(speed) });
  }

  setLoop(loop: boolean): void {
    this.store.getState().setPlaybackSettings({ loop });
  }

  /** What a year shows: signings, or (for a list with end dates) the agreements in force (domain/active.ts). */
  setBasis(basis: YearBasis): void {
    this.store.getState().setPlaybackSettings({ basis });
  }

  setMode(mode: PlaybackMode, windowYears?: number): void {
    this.store.getState().setPlaybackSettings(windowYears === undefined ? { mode } : { mode, windowYears: Math.max(1, Math.floor(windowYears)) });
  }

  /** Stops the frame loop (the page is going away); the store keeps its state. */
  dispose(): void {
    this.pending?.cancel();
    this.pending = null;
    this.stopLoop();
  }

  private write(year: number | null, playing: boolean): void {
    this.flush();
    const s = this.store.getState();
    if (s.playYear !== year || s.playing !== playing) s.setPlayback(year, playing);
  }

  private startLoop(): void {
    this.stopLoop();
    this.last = this.clock.now();
    const tick = (now: number) => {
      const elapsed = now - this.last;
      this.last = now;
      const s = this.store.getState();
      const shown = this.pending?.written ?? { year: s.playYear, playing: s.playing };
      if (!shown.playing || shown.year === null) {
        this.frame = null;
        return;
      }
      // Settings and range are read on every frame: a speed change keeps the position, a new brush applies at once.
      const next = advance({ playing: true, year: shown.year, progress: this.progress }, elapsed, s.playbackSettings, this.range());
      this.progress = next.progress;
      if (next.year !== shown.year || next.playing !== shown.playing) this.writeAfterFrame({ year: next.year, playing: next.playing });
      this.frame = next.playing ? this.clock.requestFrame(tick) : null;
    };
    this.frame = this.clock.requestFrame(tick);
  }

  private stopLoop(): void {
    if (this.frame !== null) this.clock.cancelFrame(this.frame);
    this.frame = null;
    this.flush();
  }

  private writeAfterFrame(written: Written): void {
    this.pending?.cancel();
    const cancel = this.clock.afterFrame(() => {
      this.pending = null;
      this.write(written.year, written.playing);
    });
    this.pending = { written, cancel };
  }

  /** A year reached but not yet written is written now, so that what a caller reads or writes next follows it. */
  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    pending.cancel();
    const s = this.store.getState();
    if (s.playYear !== pending.written.year || s.playing !== pending.written.playing) s.setPlayback(pending.written.year, pending.written.playing);
  }
}
