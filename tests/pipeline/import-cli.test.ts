// `npm run import`: the summary, one `<file>:<row>: <reason>` per rejected row, exit status 1, and the dataset.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/schema';
import { runImportHere } from './run-import';

// In this process (run-import.ts); import-exit-codes.test.ts runs the command as a process once.
const run = runImportHere;

describe('npm run import', () => {
  it('lists rejected rows as file:row, exits 1, and still writes a valid dataset', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'atlas.json');
    const file = 'tests/fixtures/import/partners-bad.csv';
    const result = await run(file, '--out', out, '--as-of', '2025-12', '--home', 'Nagoya University');
    expect(result.status).toBe(1);
    // The home is found in the institution gazetteer (its Japanese name with it), and the as-of month said to be given.
    expect(result.stdout).toMatch(/^home: Nagoya University \/ 名古屋大学, Nagoya \(JP\) 35\.\d+, 136\.\d+ \(given; by institution\)$/m);
    expect(result.stdout).toContain('as of: 2025-12 (given)');
    expect(result.stdout).toContain('8 rows: 3 placed, 1 approximate (country centre), 4 rejected');
    const problems = result.stdout.split('\n').filter((line) => /^[^:]+:\d+: /.test(line));
    expect(problems).toEqual([
      `${file}:3: no institution name`,
      `${file}:4: unknown country (Atlantis)`,
      `${file}:5: not a calendar date (2012-02-30)`,
      `${file}:6: latitude/longitude out of range or unreadable (123, 18.9)`,
    ]);
    const dataset = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    expect(dataset.agreements).toHaveLength(4);
    expect(dataset.meta.asOf).toBe('2025-12');
    expect(dataset.homes).toMatchObject([{ id: 'nagoya-university', country: 'JP', city: { en: 'Nagoya' } }]);
    expect(JSON.stringify(dataset)).not.toMatch(/Tohoku|東北/);
  });

  it('stops with exit 2 and writes nothing when no home is named or found; the file can name it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const out = join(dir, 'atlas.json');
    const none = await run('tests/fixtures/import/partners.tsv', '--out', out);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no home institution: the file names none; give it with --home');
    expect(existsSync(out)).toBe(false);
    const unknown = await run('tests/fixtures/import/partners.tsv', '--out', out, '--home', 'Nowhere College');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('home institution "Nowhere College" (given) was not found');
    // A title row naming the home and the as-of month: both read from the file, and said so.
    const named = join(dir, 'list.csv');
    writeFileSync(named, 'Nagoya University — Partner Institutions (as of 1 April 2020)\nname,country,signed\nHarvard University,US,2010-04-01\n');
    const guessed = await run(named, '--out', out);
    expect(guessed.stderr).toBe('');
    expect(guessed.status).toBe(0);
    expect(guessed.stdout).toContain('(named in the file; by institution)');
    expect(guessed.stdout).toContain('as of: 2020-04 (read in the file)');
    expect(parseDataset(JSON.parse(readFileSync(out, 'utf8'))).meta).toMatchObject({
      asOf: '2020-04',
      title: { en: 'Nagoya University — Partner Institutions' },
    });
  });

  it('exits 0 when every row is read, with the title and home campus from --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const out = join(dir, 'atlas.json');
    const config = join(dir, 'config.json');
    const home = {
      id: 'kyoto-university',
      name: { ja: '京都大学', en: 'Kyoto University' },
      city: { en: 'Kyoto', ja: '京都' },
      country: 'JP',
      lat: 35.03,
      lng: 135.78,
    };
    writeFileSync(config, JSON.stringify({ title: { ja: '京都大学の協定', en: 'Kyoto partners' }, home }));
    const result = await run('tests/fixtures/import/partners.tsv', '--out', out, '--config', config, '--as-of', '2025-12');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dataset = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    expect(dataset.meta.title.en).toBe('Kyoto partners');
    expect(dataset.homes.map((h) => h.id)).toEqual(['kyoto-university']);
  });
});
