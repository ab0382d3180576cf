// The pulse ring's animation (src/adapters/maplibre/pulse-ring.ts): the smooth ring's states, shown in steps.
import { describe, expect, it } from 'vitest';
import { pulseRing, RING_KEYFRAMES, RING_MS, RING_STEPS, RING_TIMING } from '../../src/adapters/maplibre/pulse-ring';

/** CSS `steps(n, jump-end)` then `ease-out` (cubic-bezier(0, 0, 0.58, 1)), as the browser computes a ring's progress at `ms`. */
function progressAt(ms: number): number {
  const steps = Number(/^steps\((\d+), jump-end\)$/.exec(String(RING_TIMING.easing))?.[1]);
  const stepped = Math.min(1, Math.floor((ms / Number(RING_TIMING.duration)) * steps) / steps);
  // Solve x(s) = stepped for the bezier's parameter s, then y(s).
  const x = (s: number) => 3 * (1 - s) * s * s * 0.58 + s ** 3;
  let lo = 0;
  let hi = 1;
  for (let n = 0; n < 50; n += 1) [lo, hi] = x((lo + hi) / 2) < stepped ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
  const s = (lo + hi) / 2;
  return 3 * (1 - s) * s * s + s ** 3;
}

describe('pulse ring', () => {
  it('grows from a quarter to full size and fades out, eased out, once, and stays invisible at its end', () => {
    expect(RING_KEYFRAMES).toEqual([
      { transform: 'scale(0.25)', opacity: 1, easing: 'ease-out' },
      { transform: 'scale(1)', opacity: 0 },
    ]);
    expect(RING_TIMING).toMatchObject({ duration: 900, fill: 'forwards' });
    expect(RING_TIMING.iterations ?? 1).toBe(1);
  });

  it('changes at most 20 times a second, each state the smooth ring has at that step’s start', () => {
    expect(RING_TIMING.easing).toBe(`steps(${RING_STEPS}, jump-end)`);
    expect(RING_STEPS / (RING_MS / 1000)).toBeLessThanOrEqual(20);
    // Distinct states over the ring's life, sampled every 60 Hz frame: the steps, not one per frame.
    const states = new Set(Array.from({ length: Math.ceil((RING_MS / 1000) * 60) + 1 }, (_, n) => progressAt((n * 1000) / 60).toFixed(4)));
    expect(states.size).toBeLessThanOrEqual(RING_STEPS + 1);
    expect(states.size).toBeGreaterThan(RING_STEPS / 2);
    // Held from the step's start: it starts small and opaque, as the smooth ring does, and ends invisible.
    expect(progressAt(0)).toBeCloseTo(0, 6);
    expect(progressAt(RING_MS)).toBeCloseTo(1, 6);
  });

  it('is started once per ring, and not at all with reduced motion', () => {
    const calls: unknown[][] = [];
    const ring = { animate: (...args: unknown[]) => (calls.push(args), null as unknown as Animation) };
    pulseRing(ring, true);
    expect(calls).toHaveLength(0);
    pulseRing(ring, false);
    expect(calls).toEqual([[RING_KEYFRAMES, RING_TIMING]]);
  });
});
