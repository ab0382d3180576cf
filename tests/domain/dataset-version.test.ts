// Schema version 2 (many homes): a version 1 dataset is upgraded before validation, the rules between homes,
// agreements and departments, and the index's home of each agreement.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { upgradeDataset } from '../../src/domain/dataset-version';
import { homeById, soleHome, withSoleHome } from '../../src/domain/homes';
import { DatasetError, parseDataset, type Dataset } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate-dataset';
import { MINI } from '../fixtures/mini-dataset';
import { miniV1 } from '../fixtures/v1-dataset';

const problemsOf = (data: unknown): string[] => {
  try {
    validateDataset(data);
    return [];
  } catch (error) {
    return error instanceof DatasetError ? error.problems : [String(error)];
  }
};

/** MINI with a second home (Kyoto) that has the department `imr`, and Tohoku only `engineering`. */
function twoHomes(): Dataset {
  const d = structuredClone(MINI);
  d.homes = [
    { ...d.homes[0]!, departmentIds: ['engineering'] },
    {
      id: 'kyoto-university',
      name: { ja: '京都大学', en: 'Kyoto University' },
      city: { en: 'Kyoto', ja: '京都' },
      country: 'JP',
      lat: 35.03,
      lng: 135.78,
      departmentIds: ['imr'],
    },
  ];
  for (const a of d.agreements) if (a.department?.id === 'imr' || a.id === 'u-seoul') a.homeId = 'kyoto-university';
  return d;
}

describe('upgradeDataset (version 1 → 2)', () => {
  it('makes the one home a list of one, with every department, and names it on every agreement', () => {
    const v1 = miniV1();
    expect(() => parseDataset({ ...v1, schemaVersion: 2 })).toThrow(DatasetError);
    const up = upgradeDataset(v1) as Dataset;
    expect(up.schemaVersion).toBe(2);
    expect('home' in up).toBe(false);
    expect(up.homes).toEqual([{ ...(v1.home as object), departmentIds: ['engineering', 'imr'] }]);
    expect(up.agreements.every((a) => a.homeId === 'tohoku-university')).toBe(true);
    // The same as the version 2 fixture, key order included (the file the pipeline writes compares equal).
    expect(JSON.stringify(up)).toBe(JSON.stringify(MINI));
    expect(JSON.stringify(v1)).not.toContain('homeId');
  });

  it('is applied by both validators, so a version 1 file still opens', () => {
    expect(validateDataset(miniV1())).toEqual(MINI);
    expect(parseDataset(miniV1())).toEqual(MINI);
  });

  it('passes a version 2 dataset, and anything it does not know, through untouched', () => {
    expect(upgradeDataset(MINI)).toBe(MINI);
    for (const junk of [null, 3, 'x', [], { schemaVersion: 3, home: {} }, { meta: {} }]) expect(upgradeDataset(junk)).toBe(junk);
    expect(problemsOf({ ...MINI, schemaVersion: 3 }).join()).toMatch(/schemaVersion/);
  });
});

describe('the rules between homes, agreements and departments', () => {
  it('accepts a dataset of two homes', () => {
    expect(problemsOf(twoHomes())).toEqual([]);
  });

  it('rejects an agreement whose home is not in homes', () => {
    const d = twoHomes();
    d.agreements[0]!.homeId = 'osaka-university';
    expect(problemsOf(d)).toEqual(['agreements[0] (u-sorbonne).homeId: unknown home "osaka-university"']);
  });

  it("rejects a department-level agreement naming another home's department", () => {
    const d = twoHomes();
    const n = d.agreements.findIndex((a) => a.department?.id === 'engineering');
    d.agreements[n]!.homeId = 'kyoto-university';
    expect(problemsOf(d)).toEqual([`agreements[${n}] (d-engineering-yonsei).department.id: department "engineering" is not one of home "kyoto-university"'s`]);
  });

  it('rejects no homes, two homes with one id, and a home naming an unknown department', () => {
    expect(problemsOf({ ...MINI, homes: [] }).join()).toMatch(/homes/);
    const d = twoHomes();
    d.homes[1]!.id = 'tohoku-university';
    d.homes[1]!.departmentIds.push('medicine');
    const problems = problemsOf(d);
    expect(problems).toContain('homes[1] (tohoku-university).id: duplicate id "tohoku-university"');
    expect(problems).toContain('homes[1] (tohoku-university).departmentIds.1: unknown department "medicine"');
  });
});

describe('homes.ts and the index', () => {
  it('soleHome names the one home, and none of several; homeById finds each', () => {
    expect(soleHome(MINI)?.id).toBe('tohoku-university');
    const two = twoHomes();
    expect(soleHome(two)).toBeNull();
    expect([...homeById(two).keys()]).toEqual(['tohoku-university', 'kyoto-university']);
  });

  it('withSoleHome gives every agreement and department to one home', () => {
    const one = withSoleHome(twoHomes(), {
      id: 'nagoya-university',
      name: { ja: '名古屋大学', en: 'Nagoya University' },
      city: { en: 'Nagoya' },
      country: 'JP',
      lat: 35.15,
      lng: 136.97,
    });
    expect(one.homes.map((h) => [h.id, h.departmentIds])).toEqual([['nagoya-university', ['engineering', 'imr']]]);
    expect(new Set(one.agreements.map((a) => a.homeId))).toEqual(new Set(['nagoya-university']));
    expect(problemsOf(one)).toEqual([]);
  });

  it('homeOf holds the home of each agreement', () => {
    const d = twoHomes();
    const index = buildIndex(d);
    expect(index.homes.map((h) => h.id)).toEqual(['tohoku-university', 'kyoto-university']);
    expect([...index.homeOf]).toEqual(d.agreements.map((a) => (a.homeId === 'kyoto-university' ? 1 : 0)));
    expect([...buildIndex(MINI).homeOf].every((h) => h === 0)).toBe(true);
  });
});
