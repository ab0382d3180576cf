// The verdicts of `npm run bench` (issue 29): each figure with its target, beside the figure measured before the
// issue's work (bench/before.json, keyed by the verdict's key), written to bench/results.json and bench/results.md.
// Other benchmarks add their own verdicts (a BenchModule in scripts/bench.ts's MODULES).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Verdict {
  /** Stable across runs: the before file is keyed by it. */
  key: string;
  figure: string;
  value: string | number;
  target: string;
  /** null: reported without a target. */
  met: boolean | null;
}

/** A benchmark of its own (e.g. the import, the 42k national list, the suite's time): one line in bench.ts adds it. */
export interface BenchModule {
  name: string;
  run(context: { url: string }): Promise<Verdict[]>;
}

const BEFORE_FILE = 'bench/before.json';

/** What was measured before (bench/before.json: { measured, flags, values: { key: value } }). */
export function readBefore(): { measured: string; values: Record<string, string | number> } {
  if (!existsSync(BEFORE_FILE)) return { measured: '', values: {} };
  return JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) as { measured: string; values: Record<string, string | number> };
}

export function printAndWrite(verdicts: Verdict[], header: string): void {
  const before = readBefore();
  const rows = verdicts.map((v) => ({ ...v, before: before.values[v.key] ?? '—', met: v.met === null ? '' : v.met ? 'yes' : 'NO' }));
  console.table(rows.map(({ figure, before: b, value, target, met }) => ({ figure, before: b, now: value, target, met })));
  const cell = (x: unknown) => String(x).replaceAll('|', '\\|');
  const lines = [
    '# `npm run bench`: each figure against its target',
    '',
    header,
    before.measured ? `Before: ${before.measured}` : '',
    '',
    '| figure | before | now | target | met |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.figure)} | ${cell(r.before)} | ${cell(r.value)} | ${cell(r.target)} | ${r.met} |`),
    '',
  ];
  writeFileSync('bench/results.md', lines.join('\n'));
  console.log('wrote bench/results.md');
}
