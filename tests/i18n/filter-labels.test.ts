// The active filters in words: the chips' labels and the one line a video's subtitle carries.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { parseDataset } from '../../src/domain/schema';
import { activeFilterLabels, filtersLine } from '../../src/i18n/filter-labels';
import { MINI } from '../fixtures/mini-dataset';

const index = buildIndex(parseDataset(MINI));

describe('filter labels', () => {
  it('names every active filter, in the chips order', () => {
    const filters = { ...DEFAULT_FILTERS, countries: ['FR'], regions: ['asia' as const], yearRange: [2000, 2010] as [number, number], tuitionWaiverOnly: true };
    expect(activeFilterLabels('en', index, filters).map((l) => l.label)).toEqual(['Signed 2000–2010', 'France', 'Asia', 'Tuition waiver']);
  });

  it('makes one separated line in each language, or says there is no filter', () => {
    const filters = { ...DEFAULT_FILTERS, countries: ['FR', 'KR'], yearRange: [2000, 2012] as [number, number] };
    expect(filtersLine('en', index, filters)).toBe('Filters: Signed 2000–2012, France, South Korea');
    expect(filtersLine('ja', index, filters)).toBe('条件:締結年 2000–2012、フランス、韓国');
    expect(filtersLine('en', index, DEFAULT_FILTERS)).toBe('All agreements');
    expect(filtersLine('ja', index, DEFAULT_FILTERS)).toBe('すべての協定');
  });
});
