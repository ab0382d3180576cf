// CPU time of this script's browser, read from /proc (Linux): per thread name, summed over its processes. CPU seconds
// are far less sensitive to other work on the machine than wall time, so two runs under different loads compare.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(path: string): { ppid: number; comm: string; ticks: number } | null {
  try {
    const text = readFileSync(path, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the name: state, ppid, …; utime and stime are fields 14 and 15 of the whole line (11 and 12 here).
    return { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The processes descended from `root` (default: this one). */
function descendants(root = process.pid): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(`/proc/${pid}/stat`);
    if (s) parent.set(pid, s.ppid);
  }
  const isUnder = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(isUnder);
}

export interface CpuSnapshot {
  /** Per process: its whole CPU time (threads that ended included). */
  processes: Map<number, { comm: string; ticks: number }>;
  /** Per process and thread name: CPU time of the live threads. */
  threads: Map<string, number>;
}

export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, { comm: string; ticks: number }>();
  const threads = new Map<string, number>();
  for (const pid of descendants()) {
    const s = stat(`/proc/${pid}/stat`);
    if (!s) continue;
    processes.set(pid, { comm: s.comm, ticks: s.ticks });
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const t = stat(`/proc/${pid}/task/${tid}/stat`);
      if (!t) continue;
      const key = `${pid}:${t.comm}`;
      threads.set(key, (threads.get(key) ?? 0) + t.ticks);
    }
  }
  return { processes, threads };
}

/** CPU seconds spent between two snapshots: in all, and by thread name (with the process's type), largest first. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot, kindOf: (pid: number) => string) {
  let total = 0;
  for (const [pid, p] of after.processes) total += p.ticks - (before.processes.get(pid)?.ticks ?? 0);
  const byThread = new Map<string, number>();
  for (const [key, ticks] of after.threads) {
    const [pid, comm] = [Number(key.slice(0, key.indexOf(':'))), key.slice(key.indexOf(':') + 1)];
    const name = `${kindOf(pid)}/${comm}`;
    byThread.set(name, (byThread.get(name) ?? 0) + ticks - (before.threads.get(key) ?? 0));
  }
  const threads = Object.fromEntries(
    [...byThread]
      .filter(([, ticks]) => ticks >= TICKS_PER_SECOND / 2)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ticks]) => [name, +(ticks / TICKS_PER_SECOND).toFixed(1)]),
  );
  return { total: +(total / TICKS_PER_SECOND).toFixed(1), threads };
}

/** A Chromium process's type (renderer, gpu-process, utility, or browser) from its command line. */
export function chromiumKind(pid: number): string {
  try {
    // Chromium rewrites its children's command lines as one string (setproctitle): split on spaces too.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    return args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
  } catch {
    return 'gone';
  }
}

/**
 * CPU seconds spent between two snapshots, every thread however little it ran: by process type (chromiumKind, e.g.
 * `renderer`, `gpu-process`) and by process type and thread name (`renderer/CrRendererMain`, `renderer/DedicatedWorker thread`).
 */
export function cpuByKind(before: CpuSnapshot, after: CpuSnapshot, kindOf: (pid: number) => string): Record<string, number> {
  const kinds: Record<string, number> = {};
  const add = (key: string, ticks: number) => (kinds[key] = (kinds[key] ?? 0) + ticks / TICKS_PER_SECOND);
  for (const [pid, p] of after.processes) add(kindOf(pid), p.ticks - (before.processes.get(pid)?.ticks ?? 0));
  for (const [key, ticks] of after.threads) {
    const colon = key.indexOf(':');
    add(`${kindOf(Number(key.slice(0, colon)))}/${key.slice(colon + 1)}`, ticks - (before.threads.get(key) ?? 0));
  }
  return kinds;
}
