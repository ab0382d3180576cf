// What runs synchronously in a filter change's keydown (issue 29: the bench's "filter change", keydown → counts and
// list committed): loads the build with the real dataset, steps the year brush (ArrowRight / ArrowLeft, the page idle
// between changes) with console.profile() in a capture listener on window and profileEnd() in a bubbling one, so each CPU
// profile holds the keydown's synchronous work (React's render and commit included) and nothing after it. Prints the profiled time per change and the functions with the most
// self and total (inclusive) time: React components by name. Usage (after `npx vite build --sourcemap`):
//   [ATLAS_DIST=<another build>] [ATLAS_BENCH_PORT=<port>] npx tsx scripts/profile-sync-change.ts [--changes=30] [--top=40]
import { loadavg } from 'node:os';
import { launch, mapIdle, serveBuild } from './browser';
import { type Profile, selfTimes, totalTimes } from './profile-self-times';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const changes = Number(arg('changes', '30'));
const top = Number(arg('top', '40'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

const server = await serveBuild();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en&years=1995-2004`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  await mapIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const profiles: Profile[] = [];
  cdp.on('Profiler.consoleProfileFinished', (e) => profiles.push(e.profile as Profile));
  // As the bench times it (scripts/bench.ts): from a capture listener on window to a bubbling one, which runs after
  // React's own listener and the microtask that renders the discrete update.
  await page.evaluate(`(() => {
    window.__syncMs = [];
    let start = 0;
    window.addEventListener('keydown', () => { console.profile('change'); start = performance.now(); }, true);
    window.addEventListener('keydown', () => { window.__syncMs.push(performance.now() - start); console.profileEnd('change'); });
  })()`);
  await page.getByTestId('timeline-brush').focus();
  for (let i = 0; i < changes; i += 1) {
    await page.evaluate('new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))');
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  }
  await page.evaluate('new Promise((r) => setTimeout(r, 200))');
  const times = (await page.evaluate('window.__syncMs')) as number[];
  console.log(`keydown dispatch, synchronous: median ${round(median(times))} ms over ${times.length} (${times.map(round).join(', ')})`);
  for (const [label, of] of [
    ['self', selfTimes],
    ['total', totalTimes],
  ] as const) {
    const sum = new Map<string, number>();
    for (const p of profiles) for (const [fn, ms] of of(p)) sum.set(fn, (sum.get(fn) ?? 0) + ms);
    console.log(`top ${label} time per change (${profiles.length} profiles):`);
    for (const [fn, ms] of [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `  ${round(ms / profiles.length)
          .toString()
          .padStart(7)} ms  ${fn}`,
      );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
