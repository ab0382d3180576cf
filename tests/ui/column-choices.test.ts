// The preview's column choice: a field moved to a column takes it from any other field; "not used" frees it.
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/domain/import/headers';
import { applyChoice, choose, columnLetter } from '../../src/ui/panels/import/ColumnChoices';

const columns: ColumnMapping[] = [
  { index: 0, header: '番号', field: null },
  { index: 1, header: '大学名', field: 'name' },
  { index: 2, header: '相手国', field: 'country' },
  { index: 3, header: '相手機関名', field: null },
  { index: 4, header: '締結日', field: 'signed' },
];

describe('column choices', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('moves a field to another column, stating every field', () => {
    const choice = choose(columns, 'name', 3);
    expect(choice).toMatchObject({ name: 3, country: 2, signed: 4, city: null, nameJa: null });
    expect(applyChoice(columns, choice).map((c) => c.field)).toEqual([null, null, 'country', 'name', 'signed']);
  });

  it('takes a column from the field that had it, and "not used" leaves the column free', () => {
    expect(applyChoice(columns, choose(columns, 'city', 2)).map((c) => c.field)).toEqual([null, 'name', 'city', null, 'signed']);
    expect(applyChoice(columns, choose(columns, 'signed', null)).map((c) => c.field)).toEqual([null, 'name', 'country', null, null]);
  });
});
