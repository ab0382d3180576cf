// Kiosk mode with a fake clock and timer: plays on start, pauses on input, resumes after the idle time; while
// presenting it advances the slides instead.
import { describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../src/state/atlas-store';
import { KIOSK_IDLE_MS, kioskPlayer, startKiosk, type KioskTimer } from '../../src/state/kiosk';
import { SECONDS_PER_SLIDE_AT_1X, Slideshow } from '../../src/state/slideshow';
import { PlaybackController } from '../../src/state/playback-controller';
import { FakeClock } from '../fixtures/fake-clock';
import { SECONDS_PER_YEAR_AT_1X } from '../../src/domain/playback';

class FakeTimer implements KioskTimer {
  now = 0;
  private next = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(id: unknown) {
    this.timers.delete(id as number);
  }
  advance(ms: number) {
    this.now += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.callback();
      }
    }
  }
}

function setup(loop = false) {
  const store = createAtlasStore();
  const clock = new FakeClock();
  const playback = new PlaybackController(store, [1983, 2012], clock);
  playback.setLoop(loop);
  const input = new EventTarget();
  const timer = new FakeTimer();
  const kiosk = startKiosk(playback, input, { timer });
  return { store, clock, playback, input, timer, kiosk, state: () => store.getState() };
}

describe('kiosk mode', () => {
  it('starts playing at once and, with loop, keeps playing within the range', () => {
    const { clock, state } = setup(true);
    expect(state()).toMatchObject({ playYear: 1983, playing: true });
    clock.advance(40 * SECONDS_PER_YEAR_AT_1X * 1000);
    expect(state().playing).toBe(true);
  });

  it('pauses on any input and resumes after a minute without input', () => {
    const { clock, input, timer, state } = setup(true);
    clock.advance(2.5 * SECONDS_PER_YEAR_AT_1X * 1000);
    expect(state().playYear).toBe(1985);
    for (const type of ['pointerdown', 'keydown', 'wheel']) {
      input.dispatchEvent(new Event(type));
      expect(state()).toMatchObject({ playYear: 1985, playing: false });
      // Each input starts the minute over.
      timer.advance(KIOSK_IDLE_MS - 1);
      expect(state().playing).toBe(false);
    }
    timer.advance(1);
    expect(state()).toMatchObject({ playYear: 1985, playing: true });
    clock.advance(SECONDS_PER_YEAR_AT_1X * 1000);
    expect(state().playYear).toBe(1986);
  });

  it('stops listening when stopped', () => {
    const { input, timer, kiosk, state } = setup();
    kiosk.stop();
    input.dispatchEvent(new Event('keydown'));
    expect(state().playing).toBe(true);
    timer.advance(KIOSK_IDLE_MS);
    expect(state().playing).toBe(true);
  });
});

describe('kiosk mode while presenting: the slides advance by themselves', () => {
  function presenting(loop: boolean, step = 1) {
    const store = createAtlasStore({ presentStep: step });
    const playback = new PlaybackController(store, [1983, 2012], new FakeClock());
    playback.setLoop(loop);
    playback.setSpeed(2);
    const timer = new FakeTimer();
    const slideshow = new Slideshow(store, timer);
    slideshow.setLength(4);
    const input = new EventTarget();
    const kiosk = startKiosk(kioskPlayer(store, playback, slideshow), input, { timer });
    return { store, timer, input, kiosk, slideshow, state: () => store.getState() };
  }
  const dwell = (SECONDS_PER_SLIDE_AT_1X * 1000) / 2;

  it('shows the next slide after each dwell (shorter at a higher speed), and the years do not play', () => {
    const { timer, state } = presenting(false);
    expect(state()).toMatchObject({ presentStep: 1, autoAdvance: true, playing: false });
    timer.advance(dwell - 1);
    expect(state().presentStep).toBe(1);
    timer.advance(1);
    expect(state().presentStep).toBe(2);
    timer.advance(dwell);
    expect(state().presentStep).toBe(3);
    // The last slide: without loop it stays there, and says it no longer advances.
    timer.advance(3 * dwell);
    expect(state()).toMatchObject({ presentStep: 3, autoAdvance: false });
  });

  it('starts over after the last slide with loop', () => {
    const { timer, state } = presenting(true, 3);
    timer.advance(dwell);
    expect(state()).toMatchObject({ presentStep: 0, autoAdvance: true });
  });

  it('pauses on input, resumes after the idle minute or at once through resumeNow', () => {
    const { timer, input, kiosk, state } = presenting(true);
    input.dispatchEvent(new Event('keydown'));
    expect(state().autoAdvance).toBe(false);
    timer.advance(KIOSK_IDLE_MS - 1);
    expect(state().presentStep).toBe(1);
    timer.advance(1);
    expect(state().autoAdvance).toBe(true);
    input.dispatchEvent(new Event('pointerdown'));
    kiosk.resumeNow();
    expect(state().autoAdvance).toBe(true);
    timer.advance(dwell);
    expect(state().presentStep).toBe(2);
  });

  it('plays the years again once the presentation is left', () => {
    const { input, kiosk, store, state } = presenting(true);
    input.dispatchEvent(new Event('keydown'));
    store.getState().setPresentStep(null);
    kiosk.resumeNow();
    expect(state()).toMatchObject({ autoAdvance: false, playing: true, playYear: 1983 });
  });
});
