// The importer on real published partner lists (tests/fixtures/real-lists: transcribed cell by cell as published,
// each with its answer key), read as `npm run import` reads them: both gazetteers. The floors are this commit's
// figures (`npm run real-lists` prints them per list); a change that reads or places fewer rows fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/domain/schema';
import { cliImportOptions } from '../../../src/pipeline/import-options';
import { DATASET_PATH } from '../../../src/pipeline/inputs';
import { type RealListScore, scoreRealList } from '../../fixtures/real-lists/score';

const DIR = join(__dirname, '../../fixtures/real-lists');

describe('real published lists', () => {
  const scores: RealListScore[] = [];
  beforeAll(async () => {
    const base = parseDataset(JSON.parse(readFileSync(join(process.cwd(), DATASET_PATH), 'utf8')));
    const options = await cliImportOptions(base, '2026-12');
    for (const file of readdirSync(DIR)
      .filter((f) => f.endsWith('.csv') && !f.endsWith('.truth.csv'))
      .sort()) {
      const slug = file.slice(0, -'.csv'.length);
      scores.push(await scoreRealList(slug, readFileSync(join(DIR, file)), readFileSync(join(DIR, `${slug}.truth.csv`), 'utf8'), options));
    }
  }, 120_000);

  /** The ten lists of the first transcription, whose figures must not drop. */
  const FIRST_TEN = new Set([
    'doshisha-europe',
    'hallym-europe',
    'itb-uk',
    'kyoto-u-2004',
    'mfu-mou-page4',
    'mui-isfahan-mou',
    'nagoya-u-inter-school-2024',
    'nagoya-u-inter-university-2024',
    'ryukoku-student-exchange-2023',
    'usm-moldova-erasmus',
  ]);
  const total = (key: keyof RealListScore, which: (s: RealListScore) => boolean = () => true) =>
    scores.filter(which).reduce((n, s) => n + (s[key] as number), 0);
  const firstTen = (s: RealListScore) => FIRST_TEN.has(s.slug);
  const newer = (s: RealListScore) => !FIRST_TEN.has(s.slug);

  it('reads at least 95 % of the partner rows, nearly all in their right country', () => {
    expect(scores).toHaveLength(16);
    expect(total('partners', firstTen)).toBe(244);
    expect(total('read', firstTen)).toBeGreaterThanOrEqual(239);
    expect(total('rightCountry', firstTen)).toBeGreaterThanOrEqual(238);
    // The six lists transcribed later (first contact: 80 of 145 read, 80 in the right country).
    expect(total('partners', newer)).toBe(145);
    expect(total('read', newer)).toBeGreaterThanOrEqual(142);
    expect(total('rightCountry', newer)).toBeGreaterThanOrEqual(141);
    expect(total('read') / total('partners')).toBeGreaterThanOrEqual(0.95);
  });

  it('places most partners within 30 km of their city', () => {
    expect(total('within30km', firstTen)).toBeGreaterThanOrEqual(219);
    // First contact: 55 of 142.
    expect(total('within30km', newer)).toBeGreaterThanOrEqual(126);
  });

  it('skips heading rows and reads levels right', () => {
    expect(total('headingsSkipped')).toBe(total('headings'));
    expect(total('headings')).toBe(8);
    expect(total('levelRight', firstTen) / total('read', firstTen)).toBeGreaterThanOrEqual(0.94);
  });

  it('reads every row of the lists with a header, a country and no traps', () => {
    for (const slug of [
      'kyoto-u-2004',
      'nagoya-u-inter-university-2024',
      'nagoya-u-inter-school-2024',
      'hallym-europe',
      'doshisha-europe',
      'ceu-erasmus-2017',
      'htu-partners',
    ]) {
      const s = scores.find((x) => x.slug === slug)!;
      expect(s.read, slug).toBe(s.partners);
      expect(s.rightCountry, slug).toBe(s.partners);
    }
  });
});
