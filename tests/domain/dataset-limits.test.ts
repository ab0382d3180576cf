// Impossible data is rejected with a message naming the record and the field: calendar dates, a plausible range,
// dates after the list's as-of month, home coordinates, and texts no real name reaches.
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate-dataset';
import { MINI } from '../fixtures/mini-dataset';

type Edit = (d: typeof MINI) => void;
const universityAgreement = (d: typeof MINI) => d.agreements.findIndex((a) => a.level === 'university');

const CASES: { name: string; edit: Edit; message: RegExp }[] = [
  {
    name: 'a day that does not exist',
    edit: (d) => void (d.agreements[universityAgreement(d)]!.signed = '2012-02-30'),
    message: /agreements\[\d+\] \([^)]+\)\.signed: "2012-02-30" is not a calendar date/,
  },
  {
    name: 'year 0000',
    edit: (d) => void (d.agreements[universityAgreement(d)]!.signed = '0000-00-00'),
    message: /\.signed: "0000-00-00" is not a calendar date/,
  },
  { name: 'year 1066', edit: (d) => void (d.agreements[universityAgreement(d)]!.signed = '1066-10-14'), message: /\.signed: "1066-10-14" is before 1900/ },
  {
    name: 'a date after the as-of month',
    edit: (d) => void (d.agreements[universityAgreement(d)]!.signed = '2099-01-01'),
    message: /\.signed: "2099-01-01" is after the list's date \(2012-05\)/,
  },
  {
    name: 'the day after the as-of month',
    edit: (d) => void (d.agreements[universityAgreement(d)]!.signed = '2012-06-01'),
    message: /is after the list's date/,
  },
  { name: 'home latitude out of range', edit: (d) => void (d.homes[0]!.lat = 1e308), message: /homes\[0\] \(tohoku-university\)\.lat/ },
  { name: 'home longitude out of range', edit: (d) => void (d.homes[0]!.lng = -500), message: /homes\[0\] \(tohoku-university\)\.lng/ },
  { name: 'a 10 MB name', edit: (d) => void (d.institutions[0]!.name.en = 'x'.repeat(10_000_000)), message: /institutions\[0\] \([^)]+\)\.name\.en/ },
  { name: 'an as-of that is not a month', edit: (d) => void (d.meta.asOf = '2012-13'), message: /meta\.asOf: must be a month/ },
];

describe('impossible data is rejected, naming record and field', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dataset = structuredClone(MINI);
      c.edit(dataset);
      expect(() => validateDataset(dataset)).toThrow(c.message);
    });
  }

  it('accepts the last day of the as-of month and names of the longest allowed length', () => {
    const dataset = structuredClone(MINI);
    dataset.agreements[universityAgreement(dataset)]!.signed = '2012-05-31';
    dataset.institutions[0]!.name.en = 'x'.repeat(MAX_NAME_LENGTH);
    expect(validateDataset(dataset)).toBeTruthy();
  });
});
