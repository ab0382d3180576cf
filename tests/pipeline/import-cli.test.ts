// `npm run import`: the summary, one `<file>:<row>: <reason>` per rejected row, exit status 1, and the dataset.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/schema';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/import.ts', ...args], { encoding: 'utf8' });

describe('npm run import', () => {
  it('lists rejected rows as file:row, exits 1, and still writes a valid dataset', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'atlas.json');
    const file = 'tests/fixtures/import/partners-bad.csv';
    const result = run(file, '--out', out, '--as-of', '2025-12');
    expect(result.status).toBe(1);
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
  });

  it('exits 0 when every row is read, with the title and home campus from --config', () => {
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
    const result = run('tests/fixtures/import/partners.tsv', '--out', out, '--config', config, '--as-of', '2025-12');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dataset = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    expect(dataset.meta.title.en).toBe('Kyoto partners');
    expect(dataset.home.id).toBe('kyoto-university');
  });
});
