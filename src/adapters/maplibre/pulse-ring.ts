// The pulse ring's animation (pulse-markers.ts): grows and fades once, in steps a few frames apart.
//
// Why steps: while anything on the page animates, Chromium's display compositor draws the whole page every frame, and
// without a GPU (SwiftShader) one such frame costs the GPU process ~25 ms of CPU on this page (its tiles, the map's
// canvas and the headless read-back; scripts/playback-gpu.ts, mode `tick`). A ring lasts 900 ms and a year 800 ms at
// 1×, so smooth rings kept the compositor drawing ~60 frames a second through all of playback: a whole core. A
// compositor animation whose value does not change between frames draws nothing, so a ring that changes 20 times a
// second costs a third of that, and each state it shows is the smooth ring's at that moment (ease-out, from the step's
// start). bench/playback-37.md has the figures.

/** How long one ring grows and fades. */
export const RING_MS = 900;
/** Changes of a ring in its life: one every 50 ms (20 a second), the rest of the frames draw nothing. */
export const RING_STEPS = 18;

/** From a small opaque ring to a full-size transparent one, eased out (fast at first), on the compositor (transform, opacity). */
export const RING_KEYFRAMES: Keyframe[] = [
  { transform: 'scale(0.25)', opacity: 1, easing: 'ease-out' },
  { transform: 'scale(1)', opacity: 0 },
];

/**
 * The effect's easing steps the progress (held from each step's start, `jump-end`), and the keyframe's ease-out then
 * shapes it: each step shows the smooth ease-out ring at that step's start. Kept at the end state (invisible) until the
 * ring is replaced.
 */
export const RING_TIMING: KeyframeAnimationOptions = { duration: RING_MS, easing: `steps(${RING_STEPS}, jump-end)`, fill: 'forwards' };

/** Starts a ring's pulse; with reduced motion none (the stylesheet shows a still ring). */
export function pulseRing(ring: Pick<HTMLElement, 'animate'>, reducedMotion: boolean): void {
  if (!reducedMotion) ring.animate(RING_KEYFRAMES, RING_TIMING);
}
