import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { parseDataset } from '../../src/domain/schema';
import { foldForSearch, foldWords, matchTier, parseQuery } from '../../src/domain/search';

/** Every term of the query matches the folded text (the filter's rule, on one text). */
const matchesQuery = (text: string, query: string) => parseQuery(query).every((term) => matchTier(foldWords(text), term, true) > 0);

describe('foldForSearch', () => {
  it('folds width, case, kana and Latin accents', () => {
    expect(foldForSearch('ｿﾙﾎﾞﾝﾇ')).toBe(foldForSearch('ソルボンヌ'));
    expect(foldForSearch('そるぼんぬ')).toBe(foldForSearch('ソルボンヌ'));
    expect(foldForSearch('ＳＯＲＢＯＮＮＥ')).toBe('sorbonne');
    expect(foldForSearch('Université de Liège')).toBe('universitedeliege');
    expect(foldForSearch('インペリアル・カレッジ・ロンドン')).toBe('インペリアルカレッジロンドン');
    expect(foldForSearch('University of Hawaiʻi at Mānoa')).toBe('universityofhawaiiatmanoa');
  });

  it('keeps voiced kana apart (ボ is not ホ)', () => {
    expect(foldForSearch('ボルドー')).not.toBe(foldForSearch('ホルドー'));
  });

  it('matches every term of a query', () => {
    const hay = 'Seoul National University ソウル大学校 Seoul';
    expect(matchesQuery(hay, 'seoul  national')).toBe(true);
    expect(matchesQuery(hay, 'seoul\u3000ソウル')).toBe(true);
    expect(matchesQuery(hay, 'seoul kyoto')).toBe(false);
    expect(matchesQuery(hay, '   ')).toBe(true);
  });
});

describe('search text preparation', () => {
  const real = () => buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));

  it('folds in idle slices to the same text as all at once', () => {
    const sliced = real();
    let calls = 0;
    // One slice (256 links) per idle period, then the deadline runs out.
    const idlePeriod = () => {
      let left = 1;
      return () => (calls += 1, left-- > 0);
    };
    let periods = 0;
    while (!sliced.prepareSearch(idlePeriod())) periods += 1;
    expect(periods).toBeGreaterThan(0);
    expect(calls).toBeGreaterThan(periods);
    const whole = real().searchIndex();
    expect(sliced.searchIndex()).toEqual(whole);
    expect(whole.institutions).toHaveLength(sliced.dataset.institutions.length);
    expect(whole.unitOfAgreement).toHaveLength(sliced.dataset.agreements.length);
  });

  it('completes on demand after a partial preparation', () => {
    const index = real();
    expect(index.prepareSearch(() => false)).toBe(false);
    let once = true;
    index.prepareSearch(() => (once ? ((once = false), true) : false));
    expect(index.searchIndex()).toEqual(real().searchIndex());
    expect(index.prepareSearch(() => false)).toBe(true);
  });
});
