// No module in src holds mutable state (issue 25): caches and flags belong to objects the page creates, so two atlases
// can share one page and each test starts clean. A simple scan, by text: biome puts a module's own declarations at
// column 0, so a declaration there is module-level. It finds
// - a module-level `let` or `var`;
// - a module-level `const` holding a new Map, Set or array, or an object literal, that the module changes anywhere
//   (.set/.add/.delete/.clear/.push/.pop/.shift/.unshift/.splice/.sort/.reverse/.fill, or an assignment into it).
// A table built once from constants is built by one expression (see firstWins in src/domain/import/countries.ts).
// A WeakMap is allowed: keyed by an object the page creates, its entry is that object's state and goes with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules whose top level is one instance's scope, with the reason. */
const ALLOWED: Record<string, string> = {
  // A worker's globals are its own: each import job starts a new Worker (src/adapters/import/import-job.ts), so this
  // module's top level is that job's state, never shared by two atlases.
  'src/adapters/import/import.worker.ts': 'worker scope',
  // The message catalogues (constants) and their parsed form: a lazily loaded feature adds its catalogue, and each
  // message is parsed on first use. Both are functions of the code alone, the same for every atlas on the page; no
  // atlas can see another through them.
  'src/i18n/messages.ts': 'memo of constant catalogues',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const MUTATORS = 'set|add|delete|clear|push|pop|shift|unshift|splice|sort|reverse|fill';

/** What the scan finds in one module's text: `file:line: what`. */
function moduleState(file: string, text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (/^(export )?(let|var) /.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    const container = /^(?:export )?const (\w+)\s*(?::[^=]+)?=\s*(new (?:Map|Set|Array)\b|\[|\{)/.exec(line);
    if (!container) return;
    const name = container[1]!;
    const mutated = new RegExp(`\\b${name}(\\.(${MUTATORS})\\(|(\\[[^\\]]*\\]|\\.\\w+)\\s*(=[^=>]|\\+=|-=|\\+\\+|--))`);
    const at = lines.findIndex((l, j) => j !== i && mutated.test(l));
    if (at >= 0) found.push(`${file}:${i + 1}: ${name}, changed at line ${at + 1}`);
  });
  return found;
}

describe('module-level state', () => {
  it('is found by the scan (a let, a cache Map, a flag object, a pushed array)', () => {
    const text = [
      'let ready = false;',
      'const cache = new Map<string, number>();',
      'export function f(k: string) {',
      '  cache.set(k, 1);',
      '}',
      'const flags = {};',
      'const list: string[] = [];',
      'function g() {',
      '  flags.seen = true;',
      '  list.push("x");',
      '}',
      'const TABLE = new Map([["a", 1]]);',
      'const NONE: string[] = [];',
    ].join('\n');
    expect(moduleState('x.ts', text)).toEqual([
      'x.ts:1: let ready = false;',
      'x.ts:2: cache, changed at line 4',
      'x.ts:6: flags, changed at line 9',
      'x.ts:7: list, changed at line 10',
    ]);
  });

  it('is held by no module in src', () => {
    const files = sourceFiles('src').filter((file) => !(file.split('\\').join('/') in ALLOWED));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => moduleState(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});
