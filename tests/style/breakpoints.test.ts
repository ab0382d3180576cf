// The phone breakpoint lives in src/style/breakpoints.ts; CSS has no custom media, so the stylesheets repeat the
// number. This checks every width-based media query in src against it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE_MAX_WIDTH, PHONE_QUERY } from '../../src/style/breakpoints';

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('the phone breakpoint', () => {
  const queries = cssFiles('src').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@media[^{]*\((max|min)-width:\s*(\d+)px\)/g)].map((m) => ({ file, kind: m[1], width: Number(m[2]) })),
  );

  it('is the one width every stylesheet switches at', () => {
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries)
      expect({ file: q.file, width: q.width }).toEqual({ file: q.file, width: q.kind === 'max' ? PHONE_MAX_WIDTH : PHONE_MAX_WIDTH + 1 });
  });

  it('is the query the page lays out by', () => {
    expect(PHONE_QUERY).toBe(`(max-width: ${PHONE_MAX_WIDTH}px)`);
  });
});
