// A row's lat/lng checked against its country (issue 27, item 9): swapped back when that fits, else not used (the row
// is placed by its name, city or country and noted); a built-in institution keeps its point; countries across the
// antimeridian (US, FJ, NZ, KI) accept their far sides.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPoint, insideCountry } from '../../../src/domain/import/coordinates';
import { importAgreements, previewOf, type ImportResult } from '../../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
const run = (rows: string[]) =>
  importAgreements(new TextEncoder().encode(['name,country,signed,lat,lng', ...rows].join('\n')), 'points.csv', { base, asOf: '2025-12' });
const inst = (r: ImportResult, row: number) => {
  const id = r.dataset.agreements.find((a) => a.source.line === row)!.institutionIds[0];
  return r.dataset.institutions.find((i) => i.id === id)!;
};
const notes = (r: ImportResult) => r.readNotes.map((n) => `${n.row}:${n.code}${n.country ? `:${n.country}` : ''}`);

describe('coordinates against the country', () => {
  it('swaps back latitude and longitude when only the swapped point is in the country, and notes it', async () => {
    const r = await run([
      'Heidelberg University,Germany,2001-01-01,8.7061,49.3988',
      'Pädagogische Hochschule Heidelberg,Germany,2001-01-01,8.7,49.41',
      'The University of Sydney,Australia,2001-01-01,151.19,-33.89',
    ]);
    expect(r.rows.map((x) => x.status)).toEqual(['placed', 'placed', 'placed']);
    expect(inst(r, 2)).toMatchObject({ id: 'heidelberg-university', lat: 49.3988, lng: 8.7061, placement: 'coordinates' });
    expect(inst(r, 3)).toMatchObject({ lat: 49.41, lng: 8.7, placement: 'coordinates' });
    // A latitude past 90 that is the longitude: swapped back rather than rejected.
    expect(inst(r, 4)).toMatchObject({ lat: -33.89, lng: 151.19, placement: 'coordinates' });
    expect(notes(r)).toEqual(['2:coordinates-swapped', '3:coordinates-swapped', '4:coordinates-swapped']);
    expect(previewOf(r, 10)).toMatchObject({ readNoteCount: 3, readNotes: [{ row: 2, code: 'coordinates-swapped' }, { row: 3 }, { row: 4 }] });
  });

  it('does not put a German row at Sydney: the point is not used, the row is placed by its country and noted', async () => {
    const r = await run(['Universität Nirgendwo,Germany,2001-01-01,-33.87,151.21']);
    expect(r.rows[0]).toMatchObject({ status: 'approximate', place: 'country' });
    const i = inst(r, 2);
    expect(i.placement).toBe('country');
    expect(i.lat).toBeGreaterThan(47);
    expect(i.lat).toBeLessThan(55);
    expect(i.lng).toBeGreaterThan(5);
    expect(i.lng).toBeLessThan(16);
    expect(notes(r)).toEqual(['2:coordinates-outside:DE']);
  });

  it('places an Australian row whose point is outside Australia at the mainland’s centre, not on Ashmore Reef', async () => {
    const r = await run(['Universität Nirgendwo,Australia,2001-01-01,52.52,48.4']);
    expect(notes(r)).toEqual(['2:coordinates-outside:AU']);
    const i = inst(r, 2);
    expect(i.placement).toBe('country');
    expect(i.lat).toBeLessThan(-20);
    expect(i.lng).toBeGreaterThan(125);
  });

  it('keeps a built-in institution’s curated point when the row’s point is outside its country', async () => {
    const r = await run(['RWTH Aachen University,Germany,2001-01-01,-33.87,151.21']);
    expect(r.rows[0]).toMatchObject({ status: 'placed', place: 'institution' });
    expect(inst(r, 2)).toMatchObject({ id: 'rwth-aachen-university', lat: 50.77664, lng: 6.08342, placement: 'institution' });
    expect(notes(r)).toEqual(['2:coordinates-outside:DE']);
  });

  it('keeps a point inside the country as written, without a note', async () => {
    const r = await run(['Universität Musterstadt,Germany,2001-01-01,50.11,8.68', 'RWTH Aachen University,Germany,2001-01-01,50.78,6.07']);
    expect(inst(r, 2)).toMatchObject({ lat: 50.11, lng: 8.68, placement: 'coordinates' });
    expect(inst(r, 3)).toMatchObject({ id: 'rwth-aachen-university', lat: 50.78, lng: 6.07, placement: 'coordinates' });
    expect(r.readNotes).toEqual([]);
  });

  it('accepts the far sides of countries across the antimeridian, and Alaska and Hawaii', async () => {
    const r = await run([
      'University of Alaska Fairbanks,United States,2001-01-01,64.86,-147.85',
      'University of Hawaii at Manoa,United States,2001-01-01,21.3,-157.82',
      'Aleutian College,United States,2001-01-01,52.9,173.2',
      'University of the South Pacific,Fiji,2001-01-01,-18.15,178.45',
      'Taveuni College,Fiji,2001-01-01,-16.8,-179.97',
      'University of Auckland,New Zealand,2001-01-01,-36.85,174.77',
      'Chatham Islands School,New Zealand,2001-01-01,-43.95,-176.56',
      'Kiritimati School,Kiribati,2001-01-01,1.87,-157.4',
      'Chukotka College,Russia,2001-01-01,64.73,177.5',
    ]);
    expect(r.readNotes).toEqual([]);
    expect(r.rows.every((x) => x.status === 'placed' && x.place === 'coordinates')).toBe(true);
    expect(inst(r, 3)).toMatchObject({ lat: 21.3, lng: -157.82 });
    expect(inst(r, 6)).toMatchObject({ lat: -16.8, lng: -179.97 });
  });

  it('checks points against the boxes directly', () => {
    expect(insideCountry('DE', 52.52, 13.4)).toBe(true);
    expect(insideCountry('DE', -33.87, 151.21)).toBe(false);
    expect(insideCountry('JP', 35.68, 139.69)).toBe(true);
    expect(insideCountry('JP', 139.69, 35.68)).toBe(false);
    expect(checkPoint('JP', 139.69, 35.68)).toEqual({ ok: true, lat: 35.68, lng: 139.69, swapped: true });
    expect(checkPoint('AU', 52.52, 13.4)).toEqual({ ok: false });
    // A country without a box (none in world-atlas at 1:50m) does not reject a point.
    expect(insideCountry('ZZ', 0, 0)).toBe(true);
  });
});
