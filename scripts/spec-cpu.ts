// CPU seconds of browser specs, one spec file at a time (issue 25: the suite's CPU work, which a loaded machine does
// not distort the way it distorts wall time). Runs `playwright test --project=build --workers=1 <spec>` for each spec
// given, `--runs=N` times each, and samples the run's process tree from /proc every 200 ms (Linux): the test runner,
// its worker, the preview server and Chromium with all its processes, each counted by its own user + system time
// when last seen. (A child's time reaped into its parent, /proc's cutime, misses about half: Chromium's renderers
// are not reaped up to the runner.) Prints per spec: tests passed/run, wall seconds, CPU seconds (median over the
// runs) and the load average; writes the same to bench/spec-cpu.txt. Run `npx vite build` first.
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

/** Runs a command to its end; returns its output and the CPU seconds of its process tree. */
function measured(command: string, args: string[]): Promise<{ status: number | null; output: string; cpu: number }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const ticks = new Map<number, number>();
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
      if (p === child.pid) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, own.get(pid)!));
    }
  };
  const timer = setInterval(sample, 200);
  return new Promise((resolve) =>
    child.on('exit', (status) => {
      clearInterval(timer);
      resolve({ status, output, cpu: [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND });
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
  for (let run = 0; run < runs; run += 1) {
    const loadBefore = loadavg()[0]!.toFixed(0);
    const start = performance.now();
    const playwright = ['playwright', 'test', ...(config ? ['-c', config] : []), ...(grep ? ['-g', grep] : []), '--project=build', '--workers=1'];
    const result = await measured('npx', [...playwright, '--reporter=line', spec]);
    wall.push((performance.now() - start) / 1000);
    cpu.push(result.cpu);
    loads.push(`${loadBefore}→${loadavg()[0]!.toFixed(0)}`);
    const output = result.output;
    const count = (word: string) => Number(output.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
    results.push(`${count('passed')}/${count('passed') + count('failed') + count('flaky')}`);
    if (result.status !== 0) console.error(output.slice(-4000));
  }
  const line = `${spec.padEnd(40)} passed ${results.join(' ')}  wall ${wall.map((w) => w.toFixed(0)).join(' ')} s  CPU ${cpu.map((c) => c.toFixed(1)).join(' ')} s (median ${median(cpu).toFixed(1)})  load ${loads.join(' ')}`;
  lines.push(line);
  console.log(line);
}
writeFileSync('bench/spec-cpu.txt', `${lines.join('\n')}\n`);
