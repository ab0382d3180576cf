// CPU seconds of browser specs, one spec file at a time (issue 25: the suite's CPU work, which a loaded machine does
// not distort the way it distorts wall time). Runs `playwright test --project=build --workers=1 <spec>` for each spec
// given, `--runs=N` times each, and samples the run's process tree from /proc every 200 ms (Linux): the test runner,
// its worker, the preview server and Chromium with all its processes, each counted by its own user + system time
// when last seen. (A child's time reaped into its parent, /proc's cutime, misses about half: Chromium's renderers
// are not reaped up to the runner.) Prints per spec: tests passed/run, wall seconds, CPU seconds (median over the
// runs) and the load average, and the CPU by process kind (Chromium's GPU process, renderers, browser, utilities;
// the playwright runner and worker; the preview server): which part of the machine a change saves. Writes the same
// to bench/spec-cpu.txt. Run `npx vite build` first.
//   npx tsx scripts/spec-cpu.ts [--runs=3] [--config=playwright.config.ts] [--grep=title] tests/e2e/a.spec.ts …
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICKS_PER_SECOND = 100;

function stat(pid: string): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state, ppid, …; utime and stime are fields 14 and 15 of the whole line (11 and 12 here).
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** What a process of the run is, from its command line: `gpu-process`, `renderer`, `pw-worker`, `preview`, …. */
function processKind(pid: number): string {
  try {
    // Chromium rewrites its children's command lines as one string (setproctitle): split on spaces too.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const line = args.join(' ');
    if (line.includes('chromium')) {
      const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
      if (type !== 'utility') return type ?? 'chromium-browser';
      return `utility:${args.find((a) => a.startsWith('--utility-sub-type='))?.split('=')[1] ?? '?'}`;
    }
    if (line.includes('workerProcessEntry')) return 'pw-worker';
    if (line.includes('vite') && line.includes('preview')) return 'preview';
    if (line.includes('vite')) return 'dev-server';
    if (line.includes('playwright')) return 'pw-runner';
    return `other:${args[0]?.split('/').pop()}`;
  } catch {
    return 'gone';
  }
}

/** Runs a command to its end; returns its output and the CPU seconds of its process tree, in all and by kind. */
function measured(command: string, args: string[]): Promise<{ status: number | null; output: string; cpu: number; kinds: Map<string, number> }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const ticks = new Map<number, number>();
  const kindOf = new Map<number, string>();
  const sample = () => {
    const parent = new Map<number, number>();
    const own = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const s = stat(name);
      if (!s) continue;
      parent.set(Number(name), s.ppid);
      own.set(Number(name), s.ticks);
    }
    for (const pid of parent.keys()) {
      let p: number | undefined = pid;
      while (p !== undefined && p > 1 && p !== child.pid) p = parent.get(p);
      if (p !== child.pid) continue;
      ticks.set(pid, Math.max(ticks.get(pid) ?? 0, own.get(pid)!));
      // A renderer is forked from Chromium's zygote and renames itself after: read its kind again until it has.
      if (!kindOf.has(pid) || kindOf.get(pid) === 'zygote') kindOf.set(pid, processKind(pid));
    }
  };
  const timer = setInterval(sample, 200);
  return new Promise((resolve) =>
    child.on('exit', (status) => {
      clearInterval(timer);
      const kinds = new Map<string, number>();
      for (const [pid, t] of ticks) kinds.set(kindOf.get(pid)!, (kinds.get(kindOf.get(pid)!) ?? 0) + t / TICKS_PER_SECOND);
      resolve({ status, output, cpu: [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND, kinds });
    }),
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
const config = args.find((a) => a.startsWith('--config='))?.slice('--config='.length);
const grep = args.find((a) => a.startsWith('--grep='))?.slice('--grep='.length);
const specs = args.filter((a) => !a.startsWith('--'));
if (specs.length === 0) throw new Error('usage: npx tsx scripts/spec-cpu.ts [--runs=N] [--config=file] [--grep=title] <spec files…>');

const lines = [`chromium flags: playwright.config.ts (${process.env.ATLAS_GPU_RASTER ? 'GPU raster' : 'CPU raster'}), 1 worker, ${runs} run(s) each`];
console.log(lines[0]);
for (const spec of specs) {
  const cpu: number[] = [];
  const wall: number[] = [];
  const results: string[] = [];
  const loads: string[] = [];
  const kinds = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    const loadBefore = loadavg()[0]!.toFixed(0);
    const start = performance.now();
    const playwright = ['playwright', 'test', ...(config ? ['-c', config] : []), ...(grep ? ['-g', grep] : []), '--project=build', '--workers=1'];
    const result = await measured('npx', [...playwright, '--reporter=line', spec]);
    wall.push((performance.now() - start) / 1000);
    cpu.push(result.cpu);
    for (const [kind, seconds] of result.kinds) kinds.set(kind, [...(kinds.get(kind) ?? []), seconds]);
    loads.push(`${loadBefore}→${loadavg()[0]!.toFixed(0)}`);
    const output = result.output;
    const count = (word: string) => Number(output.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
    results.push(`${count('passed')}/${count('passed') + count('failed') + count('flaky')}`);
    if (result.status !== 0) console.error(output.slice(-4000));
  }
  const line = `${spec.padEnd(40)} passed ${results.join(' ')}  wall ${wall.map((w) => w.toFixed(0)).join(' ')} s  CPU ${cpu.map((c) => c.toFixed(1)).join(' ')} s (median ${median(cpu).toFixed(1)})  load ${loads.join(' ')}`;
  const byKind = [...kinds]
    .map(([kind, seconds]) => [kind, median([...seconds, ...Array(runs - seconds.length).fill(0)])] as const)
    .filter(([, seconds]) => seconds >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)}`)
    .join(', ');
  lines.push(line, `${''.padEnd(40)} by kind (median s): ${byKind}`);
  console.log(lines.slice(-2).join('\n'));
}
writeFileSync('bench/spec-cpu.txt', `${lines.join('\n')}\n`);
