// CPU profiles (CDP Profiler) read for the profiling scripts (profile-playback.ts, profile-change.ts): self time by
// function, named by source file and line when the build has source maps (`npx vite build --sourcemap`).
import { existsSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

// With a build made with `--sourcemap`, functions are named by their source file and line.
const ASSETS = `${process.env.ATLAS_DIST ?? 'dist'}/assets`;
const maps = new Map<string, TraceMap | null>();
function named(f: Node['callFrame']): string {
  const file = f.url.split('/').pop() ?? '';
  if (!maps.has(file)) maps.set(file, existsSync(`${ASSETS}/${file}.map`) ? new TraceMap(readFileSync(`${ASSETS}/${file}.map`, 'utf8')) : null);
  const map = maps.get(file);
  const at = map && f.lineNumber >= 0 ? originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber }) : null;
  if (at?.source) return `${f.functionName || '(anonymous)'} ${at.source.replace(/^(\.\.\/)+/, '')}:${at.line}${at.name ? ` (${at.name})` : ''}`;
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
}

export function selfTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const key = named(byId.get(id)!.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  return [...byFunction.entries()].sort((a, b) => b[1] - a[1]);
}

/** Total (inclusive) time by function: a function's samples and its callees', counted once per stack (recursion). */
export function totalTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = named(byId.get(at)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    }
  });
  return [...byFunction.entries()].sort((a, b) => b[1] - a[1]);
}
