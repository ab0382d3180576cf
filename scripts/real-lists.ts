// `npm run real-lists`: reads every real published partner list in tests/fixtures/real-lists/ with the importer, as
// `npm run import` does, and scores it against its answer key (<slug>.truth.csv): partner rows read, in the right
// country, placed within 30 km of the partner's city, heading rows skipped, levels right. Prints a table per list
// and the totals; `--json <file>` also writes them. The figures issue 24's "done when" asks for.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreRealList, type RealListScore } from '../tests/fixtures/real-lists/score';
import { cliImportOptions } from '../src/pipeline/import-options';
import { parseDataset } from '../src/domain/schema';
import { DATASET_PATH } from '../src/pipeline/inputs';

const DIR = join(process.cwd(), 'tests/fixtures/real-lists');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  const base = parseDataset(JSON.parse(readFileSync(join(process.cwd(), DATASET_PATH), 'utf8')));
  const options = await cliImportOptions(base);
  const scores: RealListScore[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.csv') && !f.endsWith('.truth.csv'))
    .sort()) {
    const slug = file.slice(0, -'.csv'.length);
    scores.push(await scoreRealList(slug, readFileSync(join(DIR, file)), readFileSync(join(DIR, `${slug}.truth.csv`), 'utf8'), options));
  }
  const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(0)} %`);
  const header = ['list', 'partner rows', 'read', 'right country', '≤ 30 km', 'headings skipped', 'levels right'];
  const lines = scores.map((s) => [
    s.slug,
    String(s.partners),
    `${s.read} (${pct(s.read, s.partners)})`,
    `${s.rightCountry} (${pct(s.rightCountry, s.partners)})`,
    `${s.within30km} of ${s.withCity} (${pct(s.within30km, s.withCity)})`,
    `${s.headingsSkipped} of ${s.headings}`,
    `${s.levelRight} of ${s.read}`,
  ]);
  const sum = (k: keyof RealListScore) => scores.reduce((n, s) => n + (s[k] as number), 0);
  lines.push([
    'all',
    String(sum('partners')),
    `${sum('read')} (${pct(sum('read'), sum('partners'))})`,
    `${sum('rightCountry')} (${pct(sum('rightCountry'), sum('partners'))})`,
    `${sum('within30km')} of ${sum('withCity')} (${pct(sum('within30km'), sum('withCity'))})`,
    `${sum('headingsSkipped')} of ${sum('headings')}`,
    `${sum('levelRight')} of ${sum('read')}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(row(header));
  for (const l of lines) console.log(row(l));
  for (const s of scores) for (const miss of s.misses) console.log(`${s.slug}.csv:${miss.row}: ${miss.why}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(scores, null, 2)}\n`);
}

await main();
