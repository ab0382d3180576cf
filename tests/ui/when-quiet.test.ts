// @vitest-environment jsdom
// The offline worker's registration waits for a quiet page (src/ui/when-quiet.ts): not before `quietMs` without
// input, input restarts the wait (also while the idle callback is pending), then in an idle period, once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '../../src/ui/when-quiet';

const OPTIONS = { quietMs: 2000, idleTimeoutMs: 1000 };

describe('whenQuiet', () => {
  let idle: IdleRequestCallback[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    idle = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', (id: number) => {
      idle[id - 1] = () => undefined;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const runIdle = () => {
    for (const callback of idle.splice(0)) callback({ didTimeout: false, timeRemaining: () => 10 });
  };
  const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 's' }));
  /** How many times `work` has run once `ms` more have passed and the page has been idle. */
  const runsAfter = (work: ReturnType<typeof vi.fn>, ms: number) => {
    vi.advanceTimersByTime(ms);
    runIdle();
    return work.mock.calls.length;
  };

  it('runs the work after the quiet period, in an idle callback, once', () => {
    const work = vi.fn();
    whenQuiet(work, OPTIONS);
    vi.advanceTimersByTime(1999);
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(work).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
    key();
    expect(runsAfter(work, 10_000)).toBe(1);
  });

  it('waits again after each keystroke or pointer input', () => {
    const work = vi.fn();
    whenQuiet(work, OPTIONS);
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(1500);
      if (i % 2) window.dispatchEvent(new Event('pointerdown'));
      else key();
    }
    expect(runsAfter(work, 0)).toBe(0);
    expect(runsAfter(work, 1999)).toBe(0);
    expect(runsAfter(work, 1)).toBe(1);
  });

  it('a keystroke while the idle callback is pending puts the work off again', () => {
    const work = vi.fn();
    whenQuiet(work, OPTIONS);
    vi.advanceTimersByTime(2000);
    expect(idle).toHaveLength(1);
    key();
    expect(runsAfter(work, 0)).toBe(0);
    expect(runsAfter(work, 2000)).toBe(1);
  });

  it('cancelled, it never runs and stops listening', () => {
    const work = vi.fn();
    const remove = vi.spyOn(window, 'removeEventListener');
    whenQuiet(work, OPTIONS)();
    expect(runsAfter(work, 10_000)).toBe(0);
    expect(remove.mock.calls.map(([type]) => type)).toContain('keydown');
  });
});
