// Issue 29, slow link, builds side by side: a filtered URL's counts on screen (FILTERED_QUERY, the early counts
// script), and the plain visit's first view for a browser in English (`/`, whose view comes second in the HTML) and
// with `?lang=ja` (first), each ÷ the bare MapLibre page's ready in the same run. Pages alternate (the order rotates
// each run), so every build sees the same machine; the counts shown first must equal the ready page's.
// Usage: npx tsx scripts/bench-early.ts --dist=<before dist>,dist [--runs=3]   (build each dist first; port 4351–)
import { chromium } from '@playwright/test';
import { loadavg } from 'node:os';
import { buildBarePage, FILTERED_QUERY, median, open, readyMs } from './bench-links';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serveStatic } from './static-server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dists = arg('dist', 'dist').split(',');
const runs = Number(arg('runs', '3'));
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4351);

type Mark = { ms: number; agreements: string; institutions: string };
const COUNTS = `document.querySelector('[data-testid="count-agreements"]').textContent + ' / ' + document.querySelector('[data-testid="count-institutions"]').textContent`;

await buildBarePage();
const bare = await serveStatic('dist-bench-bare', port);
const servers = await Promise.all(dists.map((d, i) => serveStatic(d, port + 1 + i)));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const bareMs: number[] = [];
const wrong: string[] = [];
const figures = dists.map(() => ({ filteredCounts: [] as number[], firstViewEn: [] as number[], firstViewJa: [] as number[] }));
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; Chromium ${CHROMIUM_ARGS.join(' ')}`,
);
try {
  for (let run = 0; run < runs; run += 1) {
    const arms = ['bare', ...dists.map((_, i) => i)] as const;
    const order = [...arms.slice(run % arms.length), ...arms.slice(0, run % arms.length)];
    for (const arm of order) {
      if (arm === 'bare') {
        const { page, close } = await open(browser, bare.url, true);
        bareMs.push(await readyMs(page));
        await close();
        continue;
      }
      const f = figures[arm]!;
      const url = servers[arm]!.url;
      {
        const { page, close } = await open(browser, `${url}${FILTERED_QUERY}`, true);
        await readyMs(page);
        const first = (await page.evaluate('window.__firstCounts')) as Mark;
        const ready = (await page.evaluate(COUNTS)) as string;
        const shown = `${first.agreements} / ${first.institutions}`;
        // Recorded, not thrown: a wrong number on screen is a finding to report, with the run's other figures.
        if (shown !== ready) wrong.push(`${dists[arm]}, run ${run + 1}: first counts ${shown}, ready ${ready}`);
        f.filteredCounts.push(first.ms);
        await close();
      }
      for (const [query, into] of [
        ['/', f.firstViewEn],
        ['/?lang=ja', f.firstViewJa],
      ] as const) {
        const { page, close } = await open(browser, `${url}${query.slice(1)}`, true);
        await page.waitForFunction(() => (window as { __firstView?: unknown }).__firstView !== undefined, null, { timeout: 180_000 });
        into.push(((await page.evaluate('window.__firstView')) as Mark).ms);
        await close();
      }
    }
    console.log(
      `run ${run + 1}/${runs}: bare ${Math.round(bareMs.at(-1)!)} ms; ${dists
        .map(
          (d, i) =>
            `${d}: filtered counts ${Math.round(figures[i]!.filteredCounts.at(-1)!)}, / en ${Math.round(figures[i]!.firstViewEn.at(-1)!)}, / ja ${Math.round(figures[i]!.firstViewJa.at(-1)!)} ms`,
        )
        .join('; ')}`,
    );
  }
} finally {
  await browser.close();
  await Promise.all([bare, ...servers].map((s) => s.close()));
}
const b = median(bareMs);
const ratio = (xs: number[]) => (median(xs) / b).toFixed(3);
console.log(
  `\nmedians of ${runs} (load now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}): bare ready ${Math.round(b)} ms`,
);
for (const [i, d] of dists.entries()) {
  const f = figures[i]!;
  console.log(
    `${d}: filtered URL's counts ${Math.round(median(f.filteredCounts))} ms = ${ratio(f.filteredCounts)} (target ≤ 0.4); first view / in English ${Math.round(median(f.firstViewEn))} ms = ${ratio(f.firstViewEn)}, ?lang=ja ${Math.round(median(f.firstViewJa))} ms = ${ratio(f.firstViewJa)}`,
  );
}
if (wrong.length) {
  console.log(`\nWRONG first counts on screen (${wrong.length}):\n${wrong.join('\n')}`);
  process.exitCode = 1;
}
