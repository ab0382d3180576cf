// A stated country corrected from the name (place.ts, institutions.ts `elsewhere`): a row whose name is one
// institution's of another country, and which nothing of its own country fits (no institution, no city, no city in
// the name), goes to that institution, and the preview reports it with its row. On a gazetteer written here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CityLookup } from '../../../src/domain/import/cities';
import { importAgreements, previewOf, type ImportResult } from '../../../src/domain/import/importer';
import type { InstitutionGazetteer } from '../../../src/domain/import/institution-asset';
import { createInstitutionLookup } from '../../../src/domain/import/institutions';
import { nearWords, typoIndex, withinOneEdit, editDistance } from '../../../src/domain/import/institution-index';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));

const CITIES: InstitutionGazetteer['cities'] = [
  ['Surakarta', -7.5561, 110.8317, 1625812],
  ['Singapore', 1.2897, 103.8501, 1880252],
  ['Thimphu', 27.4661, 89.6419, 1252416],
  ['Beijing', 39.9075, 116.3972, 1816670],
  ['Boston', 42.3584, -71.0598, 4930956],
  ['Shenyang', 41.7922, 123.4328, 2034937],
];
const block = (rows: [id: string, names: string, city: number][]) => ({
  ids: rows.map((r) => r[0].padEnd(9, '0')).join(''),
  types: rows.map(() => 'e').join(''),
  names: rows.map((r) => r[1]),
  city: rows.map((r) => r[2]),
});
const GAZETTEER: InstitutionGazetteer = {
  version: 1,
  provenance: {},
  cities: CITIES,
  countries: {
    ID: block([['03cnmz153', 'Muhammadiyah University of Surakarta|^UMS', 0]]),
    SG: block([['01tgyzw49', 'National University of Singapore|^NUS', 1]]),
    BT: block([['05xg72x27', 'Royal University of Bhutan|^RUB', 2]]),
    CN: block([
      ['02v51f717', 'Peking University|~zh~北京大学', 3],
      ['03awzbc87', 'Northeastern University|~zh~东北大学', 5],
    ]),
    US: block([['04t5xt781', 'Northeastern University|^NU', 4]]),
  },
  hanVariants: [],
};
const cities: CityLookup = (country, city) => (country === 'SG' && city === 'Singapore' ? { name: 'Singapore', lat: 1.29, lng: 103.85, candidates: 1 } : null);

const csv = (lines: string[]) =>
  importAgreements(new TextEncoder().encode(lines.join('\n')), 'list.csv', {
    base,
    asOf: '2025-12',
    cities,
    institutions: createInstitutionLookup(GAZETTEER, { builtins: [] }),
  });
const rowOf = (r: ImportResult, row: number) => {
  const agreement = r.dataset.agreements.find((a) => a.source.line === row);
  const inst = r.dataset.institutions.find((i) => i.id === agreement?.institutionIds[0]);
  const result = r.rows.find((x) => x.row === row);
  return {
    country: inst?.country,
    status: result?.status,
    corrected: result?.status === 'placed' ? (result.countryCorrected ?? null) : null,
  };
};

describe('a stated country corrected from the name', () => {
  it.each([
    // [country cell, name, city cell, expected country, corrected from]
    ['Singapore', 'Universitas Muhammadiyah Surakarta', '', 'ID', 'SG'],
    ['Singapore', 'Muhammadiyah University of Surakarta', '', 'ID', 'SG'],
    // An acronym alone is not enough to overrule the list.
    ['Singapore', 'UMS', '', 'SG', null],
    // A name two other countries have: not one institution elsewhere.
    ['Singapore', 'Northeastern University', '', 'SG', null],
    // A name nothing knows stays where the list puts it.
    ['Singapore', 'Surakarta Academy of Arts', '', 'SG', null],
    // Something of its own country fits: its city.
    ['Singapore', 'Universitas Muhammadiyah Surakarta', 'Singapore', 'SG', null],
    // Its own country has it: nothing to correct.
    ['Indonesia', 'Universitas Muhammadiyah Surakarta', '', 'ID', null],
    ['China', 'Northeastern University', '', 'CN', null],
  ])('%s, %s (city %s) → %s, corrected from %s', async (country, name, city, expected, from) => {
    const r = await csv(['Country,Name,City,Signed', `${country},${name},${city},2017`]);
    const row = rowOf(r, 2);
    expect(row.country).toBe(expected);
    expect(row.corrected).toEqual(from ? { from, to: expected } : null);
  });

  it('reports every corrected row in the preview, a partner named again included, and keeps no empty country', async () => {
    const r = await csv([
      'Country,Name,Signed',
      'Singapore,National University of Singapore,2010',
      'Singapore,Universitas Muhammadiyah Surakarta,2017',
      'Malaysia,Universitas Muhammadiyah Surakarta,2018',
      'Malaysia,Universitas Muhammadiyah Surakarta,2019',
    ]);
    const preview = previewOf(r, 100);
    expect(preview.countryCorrections).toEqual([
      { row: 3, name: 'Universitas Muhammadiyah Surakarta', from: 'SG', to: 'ID' },
      { row: 4, name: 'Universitas Muhammadiyah Surakarta', from: 'MY', to: 'ID' },
      { row: 5, name: 'Universitas Muhammadiyah Surakarta', from: 'MY', to: 'ID' },
    ]);
    expect(preview.countryCorrectionCount).toBe(3);
    // One partner, in Indonesia; Malaysia has no partner left and is not in the dataset.
    expect(new Set(r.dataset.agreements.slice(1).map((a) => a.institutionIds[0])).size).toBe(1);
    expect(r.dataset.countries.map((c) => c.code).sort()).toEqual(['ID', 'SG']);
  });

  it('corrects a filled-down country too (a BHUTAN (2) group over a Chinese university), and says so', async () => {
    const r = await csv(['Country,Name,Signed', 'BHUTAN (2),Royal University of Bhutan,2010', ',Peking University,2011']);
    expect(rowOf(r, 2)).toEqual({ country: 'BT', status: 'placed', corrected: null });
    expect(rowOf(r, 3)).toEqual({ country: 'CN', status: 'placed', corrected: { from: 'BT', to: 'CN' } });
    expect(r.inferred.filled.country).toBe(1);
  });
});

describe('typo correction: words one edit away', () => {
  it('agrees with the edit distance on words of every kind', () => {
    const words = ['dalian', 'dailan', 'dalain', 'dlian', 'daliann', 'delian', 'dalina', 'ladian', 'dal', 'dalianx', 'xdalian', 'daliaan'];
    for (const a of words) for (const b of words) expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b, 1) <= 1);
  });

  it('finds the words of near length one edit from a token, once per token', () => {
    const index = typoIndex([
      {
        candidate: { id: 'x', name: { en: 'Dalian University of Technology' }, city: null, country: 'CN', lat: 0, lng: 0 },
        names: [{ value: 'Dalian University of Technology', kind: 'display' }],
        builtin: false,
      },
    ]);
    expect(nearWords(index, 'dailan')).toEqual(['dalian']);
    expect(nearWords(index, 'dalain')).toEqual(['dalian']);
    expect(nearWords(index, 'dlian')).toEqual(['dalian']);
    expect(nearWords(index, 'daliang')).toEqual(['dalian']);
    expect(nearWords(index, 'dolion')).toEqual([]);
    expect(index.near.size).toBe(5);
  });
});
