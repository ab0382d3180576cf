// `npm run import`'s exit codes (issue 27, item 11): 2 and one line for a usage mistake or an unreadable file, never
// a stack trace; notes for a stray quote. On main a bad --as-of printed a ZodError stack and exited 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportHere } from './run-import';

/** The command as a process (src/pipeline/import.ts): once, for its exit code and stderr as the shell sees them. */
const spawned = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/import.ts', ...args], { encoding: 'utf8' });
/** The rest in this process (run-import.ts): the same exit codes and lines, without starting Node and tsx each time. */
const run = runImportHere;
const dir = mkdtempSync(join(tmpdir(), 'import-exit-'));

describe('npm run import exit codes', () => {
  it('a bad --as-of: exit 2, one line (as a process)', () => {
    const result = spawned('tests/fixtures/import/partners.tsv', '--out', join(dir, 'a.json'), '--as-of', '2020-13');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('error: --as-of must be a month, YYYY-MM (got "2020-13")');
  });

  it('a missing file and an encrypted workbook: exit 2, one line each', async () => {
    const missing = await run(join(dir, 'none.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const encrypted = join(dir, 'locked.xlsx');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(
      Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]),
      512,
    );
    writeFileSync(encrypted, bytes);
    const result = await run(encrypted, '--out', join(dir, 'b.json'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^error: locked\.xlsx: a workbook protected by a password/);
  });

  it('a stray quote: a note with its row, and the rows after it read (exit 0)', async () => {
    const file = join(dir, 'stray.csv');
    writeFileSync(
      file,
      '大学名,国・地域,締結日\nSeoul National University,韓国,2012-04-01\n"Heidelberg University,ドイツ,2013-05-01\nMonash University,オーストラリア,2014-06-01\n',
    );
    const result = await run(file, '--out', join(dir, 'c.json'), '--as-of', '2025-12', '--home', 'Nagoya University');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 rows:');
    expect(result.stdout).toContain(`${file}:3: note: an unbalanced quote (") was read as text`);
  });
});
