// Frame times for the benches (bench.ts, bench-homes.ts): every requestAnimationFrame interval over 6 s, run in the page.
// A string, not a function: tsx's keepNames would inject a helper (__name) that the page does not have.
export const COLLECT_FRAMES = `new Promise((resolve) => {
  const deltas = [];
  let last = performance.now();
  const end = last + 6000;
  const tick = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(tick);
    else resolve(deltas.slice(1));
  };
  requestAnimationFrame(tick);
})`;
