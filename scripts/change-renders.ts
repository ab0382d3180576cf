// Which React components render for one filter change (issue 29): loads a build (best one built with
// `npx vite build --minify=false --outDir <dir>`, for readable names) with the real dataset, steps the year brush
// (ArrowRight / ArrowLeft, the page idle between changes) and prints, per commit of each change, the components that
// rendered and how often (tests/e2e/render-count.ts). Usage:
//   ATLAS_DIST=<build> [ATLAS_BENCH_PORT=<port>] npx tsx scripts/change-renders.ts [--changes=4]
import { launch, mapIdle, serveBuild } from './browser';
import { type Commit, INSTALL_RENDER_COUNTER } from '../tests/e2e/render-count';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const changes = Number(arg('changes', '4'));
const IDLE = 'new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))';

const server = await serveBuild();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INSTALL_RENDER_COUNTER);
  await page.goto(`${server.url}?lang=en&years=1995-2004`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  await mapIdle(page);
  await page.getByTestId('timeline-brush').focus();
  for (let i = 0; i < changes; i += 1) {
    await page.evaluate(IDLE);
    await page.evaluate('window.__renders = []');
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.evaluate(IDLE);
    const commits = (await page.evaluate('window.__renders')) as Commit[];
    console.log(`change ${i + 1}: ${commits.length} commits, ${commits.map((c) => c.names.length).join(' + ')} renders`);
    commits.forEach(({ names, areas, keydown }, n) => {
      const counted = new Map<string, number>();
      names.forEach((name, k) => {
        const key = `${name} (${areas[k]})`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      });
      const list = [...counted].map(([name, k]) => (k > 1 ? `${name}×${k}` : name)).join(', ');
      console.log(`  commit ${n + 1}${keydown ? ' (in the keydown)' : ''}: ${list}`);
    });
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
