import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no HTML sinks', () => {
  it('no source file writes HTML from strings (innerHTML, outerHTML, setHTML, insertAdjacentHTML, dangerouslySetInnerHTML, setHTML on popups)', () => {
    const offenders = files(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file: file.slice(SRC.length), line: i + 1, text: line }))
        .filter(({ text }) => /\b(innerHTML|outerHTML|setHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write)\b/.test(text)),
    );
    expect(offenders).toEqual([]);
  });
});
