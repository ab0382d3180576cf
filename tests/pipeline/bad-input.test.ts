import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../src/pipeline/errors';
import { buildWith, replaceLine } from './helpers';

const SEED = 'data/raw/000_2fb9447d554a3c8c.txt';

function failure(run: () => unknown): PipelineError {
  try {
    run();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected the pipeline to stop');
}

describe('the pipeline stops with file:line on bad input', () => {
  it('a seed line it cannot parse', () => {
    const e = failure(() => buildWith({ seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2003/4/30') }));
    expect(e.message).toMatch(new RegExp(`^${SEED}:12: cannot parse`));
  });

  it('an impossible date', () => {
    const e = failure(() => buildWith({ seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2003.2.30)') }));
    expect(e.message).toBe(`${SEED}:12: invalid date 2003.2.30`);
  });

  it('an unknown country heading', () => {
    const e = failure(() => buildWith({ seed: replaceLine(22, () => 'オランダ王国') }));
    expect(e.message).toBe(`${SEED}:22: unknown country heading "オランダ王国" (add it to data/curation/countries.csv or labels.csv)`);
  });

  it('an institution missing from the curation table', () => {
    const e = failure(() => buildWith({ table: ['institutions', (t) => t.split('\n').filter((l) => !l.startsWith('saarland-university,')).join('\n')] }));
    expect(e.message).toMatch(new RegExp(`^${SEED}:11: institution "ザールラント大学" is missing from data/curation/institutions.csv`));
  });

  it('a GeoNames id the gazetteer lacks', () => {
    const e = failure(() => buildWith({ table: ['institutions', (t) => t.replace(/^(saarland-university,.*?,DE,Saarbrücken,[^,]*,)\d+/m, '$1999999999')] }));
    expect(e.message).toMatch(/^data\/curation\/institutions\.csv:\d+: GeoNames id 999999999 \(Saarbrücken\) is not in the gazetteer$/);
  });

  it('a place in another country than the row says', () => {
    // Aachen's row pointed at Maastricht (NL, GeoNames 2751283) while the row says DE.
    const e = failure(() => buildWith({ table: ['institutions', (t) => t.replace(/^(rwth-aachen-university,.*?,DE,Aachen,[^,]*,)\d+/m, '$12751283')] }));
    expect(e.message).toBe('data/curation/institutions.csv:2: GeoNames 2751283 is Maastricht, NL; expected a place in DE');
  });

  it('a point outside its country', () => {
    // A gazetteer place that claims DE but lies in the North Sea, 100+ km from any coast.
    const place = { geonameId: 3247449, name: 'Aachen', country: 'DE', lat: 54.9, lng: 4.0 };
    const e = failure(() => buildWith({ place }));
    expect(e.message).toBe('data/curation/institutions.csv:2: point 54.9,4 (Aachen) lies outside DE (more than 15 km from its border)');
  });

  it('an undated line with nothing above it to belong to', () => {
    const e = failure(() => buildWith({ seed: replaceLine(24, () => '- グローニンゲン大学') }));
    expect(e.message).toBe(`${SEED}:24: undated entry "グローニンゲン大学" has no dated agreement above it to belong to`);
  });

  it('a department-level chunk that nothing accounts for', () => {
    const e = failure(() => buildWith({ seed: replaceLine(289, (l) => l.replace('ライデン大学人文学部', 'ライデン大学人文学部 謎の研究所')) }));
    expect(e.message).toBe(
      `${SEED}:289: unclassified text "謎の研究所": not a partner in department-agreements.csv, a duplicate in corrections.csv, a department header, a country or a label`,
    );
  });
});
