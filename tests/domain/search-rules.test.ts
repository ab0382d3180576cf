// The matching rules one by one (word boundaries, short terms, joined words, typos), on small hand-made texts.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters, selectLinks } from '../../src/domain/filters';
import { aliasKindOf } from '../../src/domain/relevance';
import { parseDataset, type Dataset } from '../../src/domain/schema';
import { editDistance, foldWords, matchTier, parseQuery, TIER } from '../../src/domain/search';
import { computeView, listGroups } from '../../src/domain/view';
import { MINI } from '../fixtures/mini-dataset';

const tier = (text: string, query: string, inWords = true) => matchTier(foldWords(text), parseQuery(query)[0]!, inWords);

describe('matchTier', () => {
  it.each([
    ['LSE', 'lse', TIER.exact],
    ['London School of Economics', 'london', TIER.prefix],
    ['The London School of Economics', 'school', TIER.wordStart],
    ['Université Pierre et Marie Curie', 'curi', TIER.wordStart],
    ['Sorbonne Universités', 'sorbonne-universites', TIER.exact],
    ['Université Paris-Sorbonne', 'paris-sorbonne', TIER.wordStart],
    ['Université Paris-Sorbonne', 'orbonne', TIER.substring],
    ['Hong Kong University of Science and Technology', 'hongkong', TIER.prefix],
    ['The University of Hong Kong', 'hongkong', TIER.wordStart],
    ["Xi'an Jiaotong University", 'xian', TIER.prefix],
  ])('%s ← %s', (text, query, expected) => {
    expect(tier(text, query)).toBe(expected);
  });

  it.each([
    ['Materials Engineering', 'lse'], // across a space: never
    ['L.C. Smith College of Engineering', 'mit'], // inside a word, and the term is short
    ['KMITL', 'mit'],
    ['ITAM ITAM SB RAS', 'mit'],
    ['RWTH Aachen University', 'hena'], // joined words must start at a word start
    ['Materials Engineering', 'alsen'],
  ])('%s does not match %s', (text, query) => {
    expect(tier(text, query)).toBe(TIER.none);
  });

  it('allows substring-in-word only where asked (names, aliases, units; not places)', () => {
    expect(tier('Parisian', 'risian', true)).toBe(TIER.substring);
    expect(tier('Parisian', 'risian', false)).toBe(TIER.none);
  });

  it('matches Japanese, Chinese and Korean terms as substrings, ignoring ・', () => {
    expect(tier('インペリアル・カレッジ・ロンドン', 'インペリアルカレッジ')).toBe(TIER.prefix);
    expect(tier('インペリアル・カレッジ・ロンドン', 'カレッジ')).toBe(TIER.wordStart);
    expect(tier('ロンドン大学東洋アフリカ研究学院', 'アフリカ')).toBe(TIER.substring);
    expect(tier('清华大学', '清华大学')).toBe(TIER.exact);
    expect(tier('서울대학교', '대학')).toBe(TIER.substring);
    expect(tier('ソルボンヌ', 'そるぼんぬ')).toBe(TIER.exact);
    expect(tier('ソルボンヌ', 'ｿﾙﾎﾞﾝﾇ')).toBe(TIER.exact);
  });
});

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['tsinghau', 'tsinghua', 1],
    ['cambrige', 'cambridge', 1],
    ['kitten', 'sitting', 3],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('stops early past the budget', () => {
    expect(editDistance('heidelberg', 'tsinghua', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('is a metric on random words (symmetric, zero only for equal words, triangle inequality)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, word, (a, b, _c) => {
        const ab = editDistance(a, b, 20);
        expect(ab).toBe(editDistance(b, a, 20));
        expect(ab === 0).toBe(a === b);
        expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 500 },
    );
  });
});

describe('aliasKindOf', () => {
  it.each([
    ['LSE', 'acronym'],
    ['UPMC', 'acronym'],
    ['ITAM SB RAS', 'acronym'],
    ['GE4', 'acronym'],
    ['Sorbonne', 'other-name'],
    ['Paris VI', 'other-name'],
    ['ソルボンヌ', 'other-name'],
    ['TU Dresden', 'other-name'],
  ])('%s is an %s', (alias, kind) => {
    expect(aliasKindOf(alias)).toBe(kind);
  });
});

/** MINI plus MIT, Syracuse with its L.C. Smith unit, and ITAM: MIT is not a 2012 partner in the real data. */
function withMit(): Dataset {
  const d = structuredClone(MINI);
  const src = { line: 9, text: 'x' };
  const us = { country: 'US', lat: 42.36, lng: -71.09, geonameId: 4931972, source: src };
  d.institutions.push(
    { id: 'mit', name: { ja: 'マサチューセッツ工科大学', en: 'Massachusetts Institute of Technology' }, aliases: ['MIT'], city: { en: 'Cambridge' }, ...us },
    { id: 'syracuse', name: { ja: 'シラキューズ大学', en: 'Syracuse University' }, aliases: [], city: { en: 'Syracuse' }, ...us },
    {
      id: 'itam',
      name: { ja: '理論応用力学研究所', en: 'Khristianovich Institute of Theoretical and Applied Mechanics' },
      aliases: ['ITAM', 'ITAM SB RAS'],
      city: { en: 'Novosibirsk' },
      ...us,
    },
  );
  d.agreements.push(
    {
      id: 'u-mit',
      level: 'university',
      institutionIds: ['mit'],
      signed: '2001-01-01',
      tuitionWaiver: true,
      department: null,
      unit: null,
      source: src,
      homeId: 'tohoku-university',
    },
    {
      id: 'd-syracuse',
      level: 'department',
      institutionIds: ['syracuse'],
      signed: null,
      tuitionWaiver: null,
      department: { id: 'engineering', ja: '工学研究科・工学部', en: 'School of Engineering' },
      unit: { ja: 'L.C.スミス工学・計算機科学部', en: 'L.C. Smith College of Engineering and Computer Science' },
      source: src,
      homeId: 'tohoku-university',
    },
    {
      id: 'd-itam',
      level: 'department',
      institutionIds: ['itam'],
      signed: null,
      tuitionWaiver: null,
      department: { id: 'imr', ja: '金属材料研究所', en: 'Institute for Materials Research' },
      unit: null,
      source: src,
      homeId: 'tohoku-university',
    },
  );
  return d;
}

describe('short terms and acronyms', () => {
  const index = buildIndex(parseDataset(withMit()));
  const ids = (query: string) =>
    listGroups(index, computeView(evaluateFilters(index, { ...DEFAULT_FILTERS, query })), 'en', 'relevance', 100).flatMap((g) =>
      g.rows.map((r) => r.institution.id),
    );

  it('mit: MIT first (its acronym), not Syracuse (L.C. Smith) nor ITAM', () => {
    expect(ids('mit')).toEqual(['mit']);
    expect(ids('MIT')).toEqual(['mit']);
  });

  it('a longer term may match inside a word: "smith" finds Syracuse through its unit', () => {
    expect(ids('smith')).toEqual(['syracuse']);
    expect(ids('echnology')).toEqual(['mit']);
  });
});

describe('filter and ranking agree (real data, random queries)', () => {
  const real = buildIndex(parseDataset(JSON.parse(readFileSync(new URL('../../data/agreements.json', import.meta.url), 'utf8'))));
  const fragment = fc.constantFrom(
    'uni',
    'university',
    'of',
    'tech',
    'seoul',
    'ソウル',
    '大学',
    'paris',
    'lse',
    'mit',
    'engineering',
    'germany',
    'ドイツ',
    'tsinghau',
    'k',
    'インペリアル',
    'college',
    'asia',
    'x',
    'zzzzzz',
  );
  it('every passing institution is ranked with a reason per term, and only those', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.boolean(), (terms, department) => {
        const query = terms.join(' ');
        const evaluation = evaluateFilters(real, { ...DEFAULT_FILTERS, query, level: department ? 'department' : 'all' });
        const view = computeView(evaluation);
        const passing = new Set(selectLinks(evaluation).map((l) => l.institutionNo));
        const relevance = view.relevance!;
        for (let i = 0; i < real.dataset.institutions.length; i += 1) {
          expect(relevance.key[i]! > 0, `${query} #${i}`).toBe(passing.has(i));
          if (passing.has(i)) expect(relevance.reasons(i)).toHaveLength(parseQuery(query).length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
