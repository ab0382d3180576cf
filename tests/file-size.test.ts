// No source file over 400 lines (issue 25): a file that grows past it holds more than one concern and is split by
// concern (e.g. src/ui/timeline/use-width.ts out of Timeline.tsx, src/domain/milestone-subject.ts out of storyline.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const LIMIT = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css)$/.test(entry.name) ? [path] : [];
  });
}

it(`no file in src is over ${LIMIT} lines`, () => {
  const files = sourceFiles('src');
  expect(files.length).toBeGreaterThan(100);
  const over = files
    .map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > LIMIT)
    .map((f) => `${f.path}: ${f.lines} lines`);
  expect(over).toEqual([]);
});
