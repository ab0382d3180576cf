import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesTerms, queryTerms } from '../../src/domain/search';

const matchesQuery = (haystack: string, query: string) => matchesTerms(haystack, queryTerms(query));

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
    const hay = foldForSearch('Seoul National University ソウル大学校 Seoul');
    expect(matchesQuery(hay, 'seoul  national')).toBe(true);
    expect(matchesQuery(hay, 'seoul\u3000ソウル')).toBe(true);
    expect(matchesQuery(hay, 'seoul kyoto')).toBe(false);
    expect(matchesQuery(hay, '   ')).toBe(true);
  });
});
