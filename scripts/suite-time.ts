// How long the browser suite takes, and where the time goes (issue 25: `npm test`'s browser part in ≤ 6 minutes).
// Runs `playwright test` once (both projects, the workers playwright.config.ts sets, against the build in dist/: run
// `npx vite build` first) with the JSON reporter beside the list, then prints the wall time, the load average before
// and after, the sum of test times per spec and per worker, and the slowest tests. Extra arguments go to playwright
// (e.g. `--workers=1`, or spec files). The report is also written to bench/suite-time.json.
//   npx vite build && npx tsx scripts/suite-time.ts [playwright args…]
//   npx tsx scripts/suite-time.ts --summary=<file.json>   (summarise a JSON report written before)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';

interface Result {
  duration: number;
  status: string;
  /** The worker slot (0 … workers-1); workerIndex counts workers started, one more after each failure. */
  parallelIndex: number;
  startTime: string;
}
interface Spec {
  title: string;
  file: string;
  tests: { projectName: string; results: Result[] }[];
}
interface Suite {
  specs?: Spec[];
  suites?: Suite[];
}
interface Report {
  stats: { startTime: string; duration: number; expected: number; unexpected: number; skipped: number; flaky: number };
  suites: Suite[];
}

interface Row {
  file: string;
  title: string;
  project: string;
  seconds: number;
  status: string;
  worker: number;
}

function rows(suites: Suite[], out: Row[] = []): Row[] {
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const r of test.results)
          out.push({ file: spec.file, title: spec.title, project: test.projectName, seconds: r.duration / 1000, status: r.status, worker: r.parallelIndex });
    rows(suite.suites ?? [], out);
  }
  return out;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');

function summarise(report: Report, loadBefore: string, loadAfter: string) {
  const all = rows(report.suites);
  const bySpec = new Map<string, Row[]>();
  for (const row of all) bySpec.set(row.file, [...(bySpec.get(row.file) ?? []), row]);
  const byWorker = new Map<number, number>();
  for (const row of all) byWorker.set(row.worker, (byWorker.get(row.worker) ?? 0) + row.seconds);
  const wall = report.stats.duration / 1000;
  const lines = [
    `wall ${wall.toFixed(0)} s (${(wall / 60).toFixed(1)} min): ${report.stats.expected} passed, ${report.stats.unexpected} failed, ${report.stats.flaky} flaky, ${report.stats.skipped} skipped`,
    `load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`,
    `sum of test times ${sum(all.map((r) => r.seconds)).toFixed(0)} s; per worker slot: ${[...byWorker.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([w, s]) => `${w}: ${s.toFixed(0)} s`)
      .join(', ')}`,
    '',
    'spec                            tests  seconds',
    ...[...bySpec.entries()]
      .map(([file, list]) => [file, list.length, sum(list.map((r) => r.seconds))] as const)
      .sort((a, b) => b[2] - a[2])
      .map(([file, n, s]) => `${file.padEnd(32)}${String(n).padStart(5)}  ${s.toFixed(1).padStart(7)}`),
    '',
    'slowest tests',
    ...[...all]
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 15)
      .map((r) => `${r.seconds.toFixed(1).padStart(6)} s  ${r.status === 'passed' ? '' : `[${r.status}] `}${r.file} › ${r.title.slice(0, 90)}`),
  ];
  return lines.join('\n');
}

const summaryArg = process.argv.find((a) => a.startsWith('--summary='));
if (summaryArg) {
  console.log(summarise(JSON.parse(readFileSync(summaryArg.slice('--summary='.length), 'utf8')) as Report, '?', '?'));
} else {
  const out = 'bench/suite-time.json';
  mkdirSync(dirname(out), { recursive: true });
  const loadBefore = load();
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=list,json', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  const loadAfter = load();
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  const text = summarise(report, loadBefore, loadAfter);
  writeFileSync(out.replace(/\.json$/, '.txt'), `${text}\n`);
  console.log(`\n${text}`);
  process.exitCode = run.status ?? 1;
}
