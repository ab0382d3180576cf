import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3';
import { serialise, DATASET_PATH } from '../../src/pipeline/inputs';
import { nearOrInside } from '../../src/pipeline/borders';
import { COAST_TOLERANCE_KM } from '../../src/pipeline/build';
import { parseDataset } from '../../src/domain/schema';
import { ROOT, realBuild, realInputs, seedLines } from './helpers';

const universityLevel = () => realBuild().dataset.agreements.filter((a) => a.level === 'university');

describe('university-wide agreements (大学間協定)', () => {
  it('match the seed totals exactly: 159 agreements, 172 institutions, 31 countries, 147 waivers', () => {
    const { dataset } = realBuild();
    const agreements = universityLevel();
    const ids = new Set(agreements.flatMap((a) => a.institutionIds));
    const byId = new Map(dataset.institutions.map((i) => [i.id, i]));
    expect(agreements).toHaveLength(159);
    expect(ids.size).toBe(172);
    expect(new Set([...ids].map((id) => byId.get(id)!.country)).size).toBe(31);
    expect(agreements.filter((a) => a.tuitionWaiver).length).toBe(147);
    expect(dataset.meta.stated.university).toEqual({ countries: 31, institutions: 172 });
  });

  it('maps every dated entry line of the section to exactly one agreement', () => {
    const lines = seedLines();
    const end = lines.findIndex((l) => l.trim() === '部局間協定');
    const dated = lines
      .slice(0, end)
      .map((text, i) => ({ line: i + 1, text }))
      .filter((l) => /^\s*-\s.*\(\d{4}\.\d{1,2}\.\d{1,2}\)\s*$/.test(l.text));
    expect(dated).toHaveLength(159);
    const byLine = new Map<number, number>();
    for (const a of universityLevel()) byLine.set(a.source.line, (byLine.get(a.source.line) ?? 0) + 1);
    for (const { line, text } of dated) {
      expect(byLine.get(line), `line ${line}`).toBe(1);
      expect(text).toContain(universityLevel().find((a) => a.source.line === line)!.source.text);
    }
  });

  it('treats the stray-indented Harvard and CASS entries as ordinary agreements without waiver', () => {
    const harvard = universityLevel().find((a) => a.source.line === 190)!;
    const cass = universityLevel().find((a) => a.source.line === 219)!;
    expect(harvard).toMatchObject({ tuitionWaiver: false, signed: '2010-07-22' });
    expect(harvard.institutionIds).toHaveLength(1);
    expect(cass).toMatchObject({ tuitionWaiver: false, signed: '2008-10-15' });
  });

  it('gives the Ecole Centrale and University of California agreements one institution per school or campus', () => {
    const ecole = universityLevel().find((a) => a.source.line === 49)!;
    const uc = universityLevel().find((a) => a.source.line === 172)!;
    expect(ecole.institutionIds).toHaveLength(5);
    expect(uc.institutionIds).toHaveLength(10);
    // A group agreement's id is the members' common slug prefix, without a dangling "de" (data/README.md).
    expect([ecole.id, uc.id]).toEqual(['u-ecole-centrale', 'u-university-of-california']);
    const byId = new Map(realBuild().dataset.institutions.map((i) => [i.id, i]));
    expect(uc.institutionIds.map((id) => byId.get(id)!.source.line)).toEqual([173, 174, 175, 176, 177, 178, 179, 180, 181, 182]);
    expect(byId.get('university-of-california-berkeley')?.city.en).toBe('Berkeley');
    expect(byId.get('university-of-california-santa-cruz')?.city.en).toBe('Santa Cruz');
  });

  it('corrects the OCR misspellings without propagating them', () => {
    const byLine = new Map(realBuild().dataset.institutions.map((i) => [i.source.line, i]));
    expect(byLine.get(48)?.name.ja).toBe('ボルドー第1大学');
    expect(byLine.get(48)?.source.text).toBe('ポルドー第1大学');
    expect(byLine.get(60)?.name.ja).toBe('コンピエーニュ工科大学');
    const names = realBuild()
      .dataset.institutions.map((i) => i.name.ja)
      .join('\n');
    expect(names).not.toContain('平成24年');
  });

  it('has unique ids, and ja and en names for every institution', () => {
    const { dataset } = realBuild();
    const ids = [...dataset.institutions.map((i) => i.id), ...dataset.agreements.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of dataset.institutions) {
      expect(i.name.ja.trim(), i.id).not.toBe('');
      expect(i.name.en.trim(), i.id).not.toBe('');
    }
  });

  it('places every institution inside its country (or within 15 km of its coast)', () => {
    const { dataset } = realBuild();
    const borders = realInputs().borders;
    const countries = new Map(dataset.countries.map((c) => [c.code, c]));
    for (const i of dataset.institutions) {
      const features = countries.get(i.country)!.borderIds.flatMap((id) => borders.byNumeric.get(id) ?? []);
      expect(nearOrInside(features, i.lng, i.lat, COAST_TOLERANCE_KM), `${i.id} (${i.city.en}) in ${i.country}`).toBe(true);
    }
  });

  it('keeps Hong Kong universities under 中国 (CN) with points in Hong Kong, and Taiwan as TW', () => {
    const { dataset } = realBuild();
    const borders = realInputs().borders;
    const hongKong = borders.byNumeric.get('344')!;
    const taiwan = borders.byNumeric.get('158')!;
    const hk = dataset.institutions.filter((i) => /香港/.test(i.source.text));
    expect(hk.length).toBeGreaterThanOrEqual(2);
    for (const i of hk) {
      expect(i.country).toBe('CN');
      expect(nearOrInside(hongKong, i.lng, i.lat, COAST_TOLERANCE_KM), i.id).toBe(true);
    }
    const tw = dataset.institutions.filter((i) => i.country === 'TW');
    expect(tw.length).toBeGreaterThanOrEqual(8);
    for (const i of tw) expect(taiwan.some((f) => geoContains(f, [i.lng, i.lat])) || nearOrInside(taiwan, i.lng, i.lat, COAST_TOLERANCE_KM), i.id).toBe(true);
    expect(dataset.countries.find((c) => c.code === 'CN')?.borderIds).toEqual(['156', '344']);
  });
});

describe('the committed dataset', () => {
  it('is what `npm run data` produces now (not stale)', () => {
    const committed = readFileSync(join(ROOT, DATASET_PATH), 'utf8');
    expect(committed === serialise(realBuild().dataset), 'data/agreements.json is stale: run `npm run data`').toBe(true);
  });

  it('passes the schema', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, DATASET_PATH), 'utf8'));
    expect(() => parseDataset(committed)).not.toThrow();
  });
});
