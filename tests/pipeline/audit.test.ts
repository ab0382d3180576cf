// The data-fidelity audit of May 2012 names, places and placements: each finding stays fixed in the built dataset.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/schema';
import { distanceKm } from '../../src/pipeline/borders';
import { loadCuration } from '../../src/pipeline/curation';
import { CAMPUS_TOLERANCE_KM } from '../../src/pipeline/places';
import { realBuild, realInputs } from './helpers';

const dataset = () => realBuild().dataset;
const institution = (id: string) => dataset().institutions.find((i) => i.id === id);
const agreementsOf = (id: string) => dataset().agreements.filter((a) => a.institutionIds.includes(id));

describe('audit: pins at the campus', () => {
  it('puts every institution with a stated campus within 25 km of it', () => {
    const rows = loadCuration(realInputs().curation).institutions.filter((r) => r.campus);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(distanceKm(institution(row.id)!, row.campus!), row.id).toBeLessThanOrEqual(CAMPUS_TOLERANCE_KM);
  });

  it('pins Shanghai Ocean University at Lingang and KMITL at Lat Krabang', () => {
    const shou = institution('shanghai-ocean-university')!;
    expect(distanceKm(shou, { lat: 31.2222, lng: 121.4581 })).toBeGreaterThan(50); // not the city centre
    expect(institution('king-mongkuts-institute-of-technology-ladkrabang')).toMatchObject({ geonameId: 6957690, city: { en: 'Bangkok' } });
  });

  it('pins multi-site research organisations at their headquarters (KITECH, ITRI), units elsewhere stay units', () => {
    expect(institution('korea-institute-of-industrial-technology')?.city.en).toBe('Cheonan');
    expect(institution('industrial-technology-research-institute')?.city.en).toBe('Hsinchu');
    expect(agreementsOf('korea-institute-of-industrial-technology')[0]?.unit?.en).toBe('Gwangju Research Center');
  });
});

describe('audit: names as of May 2012', () => {
  it('uses the 2011 name of the Max Planck Institute, the old one as an alias', () => {
    const mpi = institution('max-planck-institute-for-intelligent-systems')!;
    expect(mpi.name.en).toBe('Max Planck Institute for Intelligent Systems');
    expect(mpi.aliases).toContain('Max Planck Institute for Metals Research');
    expect(mpi.source.text).toBe('マックス・プランク金属研究所');
  });

  it('makes INPL and Paul Verlaine – Metz one Université de Lorraine with two agreements, former names as units', () => {
    expect(institution('institut-national-polytechnique-de-lorraine')).toBeUndefined();
    expect(institution('universite-paul-verlaine-metz')).toBeUndefined();
    const units = agreementsOf('universite-de-lorraine').map((a) => [a.department?.id, a.unit?.en]);
    expect(units).toEqual([
      ['engineering', 'former Université Paul Verlaine – Metz'],
      ['imr', 'former Institut National Polytechnique de Lorraine (INPL)'],
    ]);
  });

  it('reads アラスカ大学 (line 185) as the University of Alaska Fairbanks that line 317 names', () => {
    const uaf = agreementsOf('university-of-alaska-fairbanks');
    expect(uaf.map((a) => a.source.line)).toEqual([185, 317]);
    expect(institution('university-of-alaska-fairbanks')?.name.en).toBe('University of Alaska Fairbanks');
  });
});

describe('audit: placement, Hong Kong and spellings', () => {
  it('keeps チュラロンコン大学経済学部 in Science, where the printed counts put it', () => {
    const chula = dataset().agreements.find((a) => a.source.line === 311)!;
    expect(chula.department?.id).toBe('science');
    const count = (id: string) => dataset().agreements.filter((a) => a.department?.id === id).length;
    expect([count('economics'), count('law') + count('science')]).toEqual([12, 37]);
  });

  it('counts Hong Kong universities under CN but names their city Hong Kong / 香港', () => {
    const hk = dataset().institutions.filter((i) => i.source.text.includes('香港'));
    expect(hk.map((i) => i.id).sort()).toEqual(['city-university-of-hong-kong', 'hong-kong-university-of-science-and-technology']);
    for (const i of hk) expect(i).toMatchObject({ country: 'CN', city: { en: 'Hong Kong', ja: '香港' } });
  });

  it('spells Umeå, Novosibirsk and the Russian Academy one way, and gives no bare Sorbonne alias', () => {
    const all = dataset().institutions;
    const text = JSON.stringify(all.map((i) => [i.name.ja, i.city.ja]));
    expect(text).not.toContain('ノヴォシビルスク');
    expect(text).not.toContain('ウメオ');
    for (const i of all.filter((x) => x.name.ja.startsWith('ロシア科学アカデミー'))) expect(i.name.ja, i.id).toMatch(/^ロシア科学アカデミー・/);
    for (const i of all)
      expect(
        i.aliases.filter((a) => a === 'Sorbonne' || a === 'ソルボンヌ'),
        i.id,
      ).toEqual([]);
  });
});

describe('audit: how sure each judgement is', () => {
  it('marks the doubtful identifications, on the institution or on the one doubtful agreement', () => {
    const confidence = (id: string) => institution(id)?.identification?.confidence;
    expect(confidence('university-of-utah')).toBe('probable'); // コタ大学
    expect(confidence('leibniz-institute-for-crystal-growth')).toBe('uncertain'); // 結晶成長研究所
    expect(confidence('national-institute-for-fundamentals-of-materials-science')).toBe('uncertain'); // line 516
    expect(confidence('global-education-for-european-engineers-and-entrepreneurs-ge4')).toBe('uncertain'); // its point
    expect(confidence('rwth-aachen-university')).toBeUndefined();
    // Mines Albi and Mines Saint-Étienne are certain as university-wide partners; two department-level readings are not.
    const onLine = (line: number) => dataset().agreements.find((a) => a.source.line === line && a.identification)?.identification;
    expect(onLine(512)?.confidence).toBe('uncertain'); // アルピニ山大学
    expect(onLine(466)?.confidence).toBe('probable'); // サンティエヌ・メタリクス
    expect(confidence('ecole-des-mines-dalbi-carmaux')).toBeUndefined();
    for (const i of dataset().institutions.filter((x) => x.identification)) {
      expect(i.identification!.reason.ja, i.id).not.toBe('');
      expect(i.identification!.reason.en, i.id).not.toBe('');
    }
  });

  it('is validated by the schema', () => {
    const broken = structuredClone(dataset());
    const utah = broken.institutions.find((i) => i.id === 'university-of-utah')!;
    (utah.identification as { confidence: string }).confidence = 'maybe';
    expect(() => parseDataset(broken)).toThrow(/institutions\[\d+\] \(university-of-utah\)\.identification\.confidence/);
  });
});
