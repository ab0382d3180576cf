// The playback controller with a fake clock: the one writer of the playback year, over the brushed range.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAtlasStore } from '../../src/state/atlas-store';
import { PlaybackController } from '../../src/state/playback-controller';
import { FakeClock } from '../fixtures/fake-clock';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';

const EXTENT: [number, number] = [1983, 2012];
/** Wall-clock milliseconds for `years` years at 1×. */
const yearsMs = (years: number) => years * SECONDS_PER_YEAR_AT_1X * 1000;

function setup() {
  const store = createAtlasStore();
  const clock = new FakeClock();
  const playback = new PlaybackController(store, EXTENT, clock);
  const years: number[] = [];
  store.subscribe((s, previous) => {
    if (s.playYear !== null && s.playYear !== previous.playYear) years.push(s.playYear);
  });
  return { store, clock, playback, years, state: () => store.getState() };
}

describe('playback controller', () => {
  it('plays every year from the first to the last, then stops on the last year', () => {
    const { clock, playback, years, state } = setup();
    playback.play();
    expect(state()).toMatchObject({ playYear: 1983, playing: true });
    clock.advance(yearsMs(40));
    expect(years).toEqual(Array.from({ length: 30 }, (_, i) => 1983 + i));
    expect(state()).toMatchObject({ playYear: 2012, playing: false });
    expect(clock.pending).toBe(0);
  });

  it('plays over the brushed year range, and loops within it', () => {
    const { store, clock, playback, years, state } = setup();
    store.getState().setYearRange([2000, 2010]);
    playback.play();
    expect(state().playYear).toBe(2000);
    clock.advance(yearsMs(11.5));
    expect(years).toEqual([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010]);
    expect(state()).toMatchObject({ playYear: 2010, playing: false });

    playback.setLoop(true);
    playback.play();
    expect(state().playYear).toBe(2000);
    clock.advance(yearsMs(13));
    expect(state().playing).toBe(true);
    expect(Math.min(...years.slice(11))).toBe(2000);
    expect(Math.max(...years)).toBe(2010);
  });

  it('goes on into the next year after a step, instead of replaying the current one', () => {
    const { clock, playback, years, state } = setup();
    playback.step(1);
    expect(state()).toMatchObject({ playYear: 1983, playing: false });
    playback.step(1);
    playback.step(1);
    expect(state().playYear).toBe(1985);
    years.length = 0;
    playback.play();
    clock.advance(yearsMs(0.5));
    expect(state().playYear).toBe(1986);
    expect(years[0]).toBe(1986);
  });

  it("writes a year the frames reach in a task after the frame, so the year's render is not part of the animation frame", () => {
    const { store, clock, playback, years, state } = setup();
    const inFrame: boolean[] = [];
    store.subscribe((s, previous) => {
      if (s.playYear !== previous.playYear) inFrame.push(clock.inFrame);
    });
    playback.play();
    clock.advance(yearsMs(3.5));
    expect(years).toEqual([1983, 1984, 1985, 1986]);
    expect(inFrame).toEqual([false, false, false, false]);
    // A year reached by a frame and not yet written is written before anything reads or changes the position.
    const frame = yearsMs(0.5) + 20;
    clock.advance(frame, frame, false);
    expect(state().playYear).toBe(1986);
    expect(clock.pendingTasks).toBe(1);
    expect(playback.position().year).toBe(1987);
    playback.pause();
    expect(state()).toMatchObject({ playYear: 1987, playing: false });
  });

  it('keeps its position when the speed changes mid-play', () => {
    const { clock, playback, state } = setup();
    playback.play();
    clock.advance(yearsMs(5.5));
    expect(state().playYear).toBe(1988);
    playback.setSpeed(2);
    expect(state()).toMatchObject({ playYear: 1988, playing: true });
    // Half a year was left of 1988: at 2× that takes a quarter of a year of wall-clock time.
    clock.advance(yearsMs(0.3));
    expect(state().playYear).toBe(1989);
    clock.advance(yearsMs(1));
    expect(state().playYear).toBe(1991);
  });

  it('pauses and resumes where it was', () => {
    const { clock, playback, state } = setup();
    playback.play();
    clock.advance(yearsMs(3.5));
    playback.pause();
    expect(state()).toMatchObject({ playYear: 1986, playing: false });
    clock.advance(yearsMs(10));
    expect(state().playYear).toBe(1986);
    expect(clock.pending).toBe(0);
    playback.toggle();
    clock.advance(yearsMs(0.6));
    expect(state().playYear).toBe(1987);
  });

  it('starts over from the end, and from a year outside a newly brushed range', () => {
    const { store, playback, state } = setup();
    playback.jump('end');
    expect(state()).toMatchObject({ playYear: 2012, playing: false });
    playback.play();
    expect(state().playYear).toBe(1983);
    playback.pause();
    store.getState().setYearRange([2000, 2005]);
    playback.play();
    expect(state().playYear).toBe(2000);
  });

  it('jumps to the range ends, shows a year, and exits', () => {
    const { store, playback, state } = setup();
    store.getState().setYearRange([1990, 1995]);
    playback.jump('end');
    expect(state().playYear).toBe(1995);
    playback.jump('start');
    expect(state().playYear).toBe(1990);
    playback.step(-1);
    expect(state().playYear).toBe(1990);
    playback.show(2001);
    expect(state()).toMatchObject({ playYear: 2001, playing: false });
    playback.show(3000);
    expect(state().playYear).toBe(2012);
    playback.exit();
    expect(state()).toMatchObject({ playYear: null, playing: false });
  });

  it('changes mode and loop through the store settings, clamping bad values', () => {
    const { playback, state } = setup();
    playback.setMode('window', 3.7);
    expect(state().playbackSettings).toMatchObject({ mode: 'window', windowYears: 3 });
    playback.setSpeed(3);
    expect(state().playbackSettings.speed).toBe(4);
    playback.setMode('cumulative');
    expect(state().playbackSettings).toMatchObject({ mode: 'cumulative', windowYears: 3 });
  });

  it('is the only writer of the playback year: nothing else in src calls setPlayback', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /\.setPlayback(Settings)?\(/.test(readFileSync(path, 'utf8'))) writers.push(path.slice(root.length));
      }
    };
    walk(root);
    expect(writers.sort()).toEqual(['state/playback-controller.ts']);
  });
});

describe('playback controller, frame by frame (video export)', () => {
  it('seeks to a position in the range, paused, and restores where it was', () => {
    const { store, clock, playback, state } = setup();
    store.getState().setYearRange([2000, 2004]);
    playback.play();
    clock.advance(yearsMs(1.5));
    const before = playback.position();
    expect(before).toMatchObject({ year: 2001, playing: true });
    expect(playback.seek(0)).toEqual({ year: 2000, progress: 0 });
    expect(state()).toMatchObject({ playYear: 2000, playing: false });
    expect(playback.seek(2.25)).toEqual({ year: 2002, progress: 0.25 });
    // The end of the range is the last year in full; beyond it is clamped.
    expect(playback.seek(5)).toEqual({ year: 2004, progress: 1 });
    expect(playback.seek(99)).toEqual({ year: 2004, progress: 1 });
    expect(clock.pending).toBe(0);
    playback.restore(before);
    expect(playback.position()).toEqual(before);
    clock.advance(yearsMs(1));
    expect(state()).toMatchObject({ playYear: 2002, playing: true });
  });

  it('restores a paused year and no playback at all', () => {
    const { playback, state } = setup();
    playback.seek(3);
    playback.restore({ year: null, progress: 0, playing: false });
    expect(state()).toMatchObject({ playYear: null, playing: false });
    playback.restore({ year: 1990, progress: 1, playing: false });
    expect(state()).toMatchObject({ playYear: 1990, playing: false });
  });
});
