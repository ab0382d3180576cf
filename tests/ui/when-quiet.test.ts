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
    vi.advanceTimersByTime(10_000);
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits again after each keystroke or pointer input', () => {
    const work = vi.fn();
    whenQuiet(work, OPTIONS);
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(1500);
      if (i % 2) window.dispatchEvent(new Event('pointerdown'));
      else key();
    }
    runIdle();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1999);
    runIdle();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a keystroke while the idle callback is pending puts the work off again', () => {
    const work = vi.fn();
    whenQuiet(work, OPTIONS);
    vi.advanceTimersByTime(2000);
    expect(idle).toHaveLength(1);
    key();
    runIdle();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    runIdle();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('cancelled, it never runs and stops listening', () => {
    const work = vi.fn();
    const remove = vi.spyOn(window, 'removeEventListener');
    whenQuiet(work, OPTIONS)();
    vi.advanceTimersByTime(10_000);
    runIdle();
    expect(work).not.toHaveBeenCalled();
    expect(remove.mock.calls.map(([type]) => type)).toContain('keydown');
  });
});
