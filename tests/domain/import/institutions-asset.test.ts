// The committed institution gazetteer (data/gazetteer/institutions.json, from ROR): its provenance, and the lookup's
// rules on real records, the built-in dataset's institutions included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityLookup } from '../../../src/domain/import/cities';
import { isInstitutionGazetteer, type InstitutionGazetteer } from '../../../src/domain/import/institution-asset';
import { createInstitutionLookup } from '../../../src/domain/import/institutions';
import { basicFold } from '../../../src/domain/import/institution-names';
import { frenchKeys, kanaKey, latinKeys } from '../../../src/domain/import/kana';
import { placePartner } from '../../../src/domain/import/place';
import { parseDataset } from '../../../src/domain/schema';
import { buildCityGazetteer } from '../../../src/pipeline/city-gazetteer';

const root = join(import.meta.dirname, '../../..');
const asset = JSON.parse(readFileSync(join(root, 'data/gazetteer/institutions.json'), 'utf8')) as InstitutionGazetteer;
const base = parseDataset(JSON.parse(readFileSync(join(root, 'data/agreements.json'), 'utf8')));
const cities = buildCityGazetteer(base);
const ror = createInstitutionLookup(asset, { cities });
const lookup = createInstitutionLookup(asset, { cities, builtins: base.institutions });

describe('the institution gazetteer asset', () => {
  it('says where it comes from and what it holds', () => {
    expect(isInstitutionGazetteer(asset)).toBe(true);
    expect(asset.provenance).toMatchObject({ licence: 'CC0 1.0', repository: 'https://github.com/ror-community/ror-records' });
    expect(asset.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
    const kept = Object.values(asset.countries).reduce((n, c) => n + c.names.length, 0);
    expect(asset.provenance.kept).toBe(kept);
    expect(kept).toBeGreaterThan(25_000);
    for (const block of Object.values(asset.countries)) {
      expect(block.ids.length).toBe(block.names.length * 9);
      expect(block.types.length).toBe(block.names.length);
      expect(block.city.length).toBe(block.names.length);
    }
  });

  it('finds most of the built-in institutions by their English names from ROR alone (as recorded in the provenance)', () => {
    const coverage = asset.provenance.coverageOfBuiltIn as { en: { found: number }; ja: { found: number } };
    expect(coverage.en.found).toBeGreaterThanOrEqual(280);
    expect(coverage.ja.found).toBeGreaterThanOrEqual(150);
  });
});

describe('the lookup on ROR records', () => {
  it.each([
    ['ライデン大学', 'NL', 'Leiden University', 'reading'],
    ['ハルツーム大学', 'SD', 'University of Khartoum', 'reading'],
    ['オークランド大学', 'NZ', 'University of Auckland', 'reading'],
    ['Dailian University of Technology', 'CN', 'Dalian University of Technology', 'typo'],
    ['清華大学', 'CN', 'Tsinghua University', 'normalised'],
    ['Universidad de Chile', 'CL', 'University of Chile', 'alias'],
    ['Chile University', 'CL', 'University of Chile', 'normalised'],
    ['Peking University, School of International Studies', 'CN', 'Peking University', 'exact'],
  ])('%s (%s) → %s by %s', (name, country, en, how) => {
    const found = ror(name, country);
    expect(found?.match?.name.en).toBe(en);
    expect(found?.how).toBe(how);
  });

  it('keeps two Northeastern Universities apart by country, and calls the name ambiguous without one', () => {
    expect(ror('Northeastern University', 'US')?.match?.city?.en).toBe('Boston');
    expect(ror('Northeastern University', 'CN')?.match?.city?.en).toBe('Shenyang');
    expect(ror('Northeastern University', null)?.match).toBeNull();
  });

  it('does not take オークランド大学 in the United States for the University of Auckland', () => {
    expect(ror('オークランド大学', 'US')?.match?.name.en).not.toBe('University of Auckland');
  });

  it('prefers the built-in institutions, with their curated Japanese names (ワシントン大学 → University of Washington)', () => {
    // Curated as ワシントン大学 (シアトル): without its bracket, an alias.
    const found = lookup('ワシントン大学', 'US');
    expect(found?.how).toBe('alias');
    expect(found?.match).toMatchObject({ id: 'university-of-washington', name: { en: 'University of Washington', ja: 'ワシントン大学 (シアトル)' } });
    // The ROR record of the same name and place is folded into the built-in one: one institution, not two.
    expect(lookup('University of Washington', 'US')?.candidates.map((c) => c.id)).toEqual(['university-of-washington']);
    expect(ror('University of Washington', 'US')?.candidates).toHaveLength(1);
  });
});

describe('the lookup without a country', () => {
  it('decides the country only when every institution the name fits is in one country', () => {
    expect(lookup('東海大学', null)).toMatchObject({ match: null });
    expect(
      lookup('東海大学', null)
        ?.candidates.map((c) => c.country)
        .sort(),
    ).toEqual(['JP', 'TW']);
    expect(
      lookup('嶺南大学', null)
        ?.candidates.map((c) => c.country)
        .sort(),
    ).toEqual(['HK', 'KR']);
    expect(lookup('淡江大学', null)?.match?.country).toBe('TW');
    // 国立 is part of the name here: not Chuo University (中央大学, Japan) by the signature that drops it.
    expect(lookup('国立中央大学', null)?.match?.name.en).toBe('National Central University');
  });

  it('finds a name that carries its country without it, never a name that is only the country', () => {
    expect(lookup('University of Putra', 'MY')?.match?.name.en).toBe('Universiti Putra Malaysia');
    expect(lookup('National University', 'SG')?.match ?? null).toBeNull();
  });

  it('reads a name after a dash', () => {
    expect(lookup('METU – Middle East Technical University', 'TR')?.match?.name.en).toBe('Middle East Technical University');
  });
});

describe('readings and names that look alike', () => {
  it('reads French names without their silent endings, and a tie of readings by spelling', () => {
    expect(frenchKeys('Rennes')).toContain(kanaKey('レンヌ'));
    expect(frenchKeys('Bordeaux')).toContain(kanaKey('ボルドー'));
    expect(latinKeys('Rennes')).not.toContain(kanaKey('レンヌ'));
    // Rennes and Lyon share a key (r–n); the spelling closer to the reading decides: Rennes (two universities there).
    const rennes = lookup('レンヌ大学', 'FR');
    expect(rennes?.candidates.length).toBeGreaterThan(0);
    for (const c of rennes?.candidates ?? []) expect(c.city?.en).toBe('Rennes');
  });

  it('takes "Washington University" for Washington University in St. Louis, ワシントン大学 for the University of Washington', () => {
    expect(lookup('Washington University', 'US')?.match?.name.en).toBe('Washington University in St. Louis');
    expect(lookup('ワシントン大学', 'US')?.match?.id).toBe('university-of-washington');
    expect(lookup('University of Washington', 'US')?.match?.id).toBe('university-of-washington');
  });

  it('places a name that fits several institutions of one city in that city, the institution in doubt', () => {
    const candidates = lookup('レンヌ大学', 'FR')?.candidates ?? [];
    const placed = placePartner({ code: 'FR', names: ['レンヌ大学'], lat: null, lng: null, cityText: '', centroid: [46, 2] }, undefined, lookup, undefined);
    if (candidates.length > 1) expect(placed).toMatchObject({ kind: 'point', place: 'city', city: { en: 'Rennes' } });
    else expect(placed).toMatchObject({ kind: 'gazetteer' });
  });
});

describe('the curated supplement (data/gazetteer/supplement.csv)', () => {
  const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
    const r = Math.PI / 180;
    const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };

  it('is recorded in the provenance', () => {
    expect(asset.provenance.supplement).toMatchObject({ file: 'data/gazetteer/supplement.csv' });
    expect((asset.provenance.supplement as { newInstitutions: number }).newInstitutions).toBeGreaterThan(30);
  });

  it.each([
    ['Yildiz Technical University', 'TR', 41.05, 29.01],
    ['University of Burgundy', 'FR', 47.32, 5.04],
    ['フンボルト大学', 'DE', 52.52, 13.41],
    ['カレル大学', 'CZ', 50.09, 14.42],
    ['Quaid-i-Azam University', 'PK', 33.72, 73.04],
    ['淡江大学', 'TW', 25.05, 121.53],
  ])('places %s (%s), missing from ror-records, in its city', (name, country, lat, lng) => {
    const found = lookup(name, country)?.match;
    expect(found).toBeTruthy();
    expect(km(found as { lat: number; lng: number }, { lat, lng })).toBeLessThan(30);
  });

  it('finds at least 415 of 448 widely partnered universities within 30 km of their city (388 from ROR alone)', () => {
    const cityOf = cityLookup(cities, basicFold);
    const rows = readFileSync(join(root, 'tests/fixtures/real-lists/major-universities.tsv'), 'utf8').trim().split('\n').slice(1);
    let found = 0;
    for (const [name = '', country = '', city = ''] of rows.map((r) => r.split('\t'))) {
      const match = lookup(name, country)?.match;
      const place = cityOf(country, city);
      // A city the gazetteer spells otherwise (Köln, Göteborg) counts when the institution is in that country.
      if (match && (!place || km(match, place) <= 30)) found += 1;
    }
    expect(rows.length).toBe(448);
    expect(found).toBeGreaterThanOrEqual(415);
  });
});
