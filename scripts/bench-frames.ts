// Frame times for the benches (bench.ts, bench-homes.ts, profile-playback.ts): every requestAnimationFrame interval
// over `ms` (6 s for the benches), run in the page.
// A string, not a function: tsx's keepNames would inject a helper (__name) that the page does not have.
export const collectFrames = (ms: number) => `new Promise((resolve) => {
  const deltas = [];
  let last = performance.now();
  const end = last + ${ms};
  const tick = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(tick);
    else resolve(deltas.slice(1));
  };
  requestAnimationFrame(tick);
})`;

export const COLLECT_FRAMES = collectFrames(6000);
