// Gojūon order: Japanese names sort by their reading (yomi) where the data gives one, English by the English name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameComparator, sortKey } from '../../src/domain/name-order';
import { KANJI_PATTERN, YOMI_PATTERN, type Dataset } from '../../src/domain/schema';

const named = (ja: string, en: string, yomi?: string) => ({ name: { ja, en }, ...(yomi ? { yomi } : {}) });

describe('sortKey', () => {
  it('is the reading in Japanese where there is one, else the Japanese name; the English name in English', () => {
    expect(sortKey(named('韓国', 'South Korea', 'かんこく'), 'ja')).toBe('かんこく');
    expect(sortKey(named('カナダ', 'Canada'), 'ja')).toBe('カナダ');
    expect(sortKey(named('韓国', 'South Korea', 'かんこく'), 'en')).toBe('South Korea');
  });

  it('puts kanji names at their reading among the kana names (gojūon), and leaves English alone', () => {
    const list = [
      named('ドイツ', 'Germany'),
      named('中国', 'China', 'ちゅうごく'),
      named('カナダ', 'Canada'),
      named('韓国', 'South Korea', 'かんこく'),
      named('キューバ', 'Cuba'),
      named('チリ', 'Chile'),
      named('台湾', 'Taiwan', 'たいわん'),
      named('タイ', 'Thailand'),
    ];
    expect([...list].sort(nameComparator('ja')).map((c) => c.name.ja)).toEqual(['カナダ', '韓国', 'キューバ', 'タイ', '台湾', '中国', 'チリ', 'ドイツ']);
    expect([...list].sort(nameComparator('en')).map((c) => c.name.en)).toEqual([
      'Canada',
      'Chile',
      'China',
      'Cuba',
      'Germany',
      'South Korea',
      'Taiwan',
      'Thailand',
    ]);
  });

  it('reads katakana and hiragana alike (ハーバード大学 read はーばーどだいがく sorts as the katakana would)', () => {
    const list = [
      named('ハンブルク工科大学', 'TUHH', 'はんぶるくこうかだいがく'),
      named('ハーバード大学', 'Harvard', 'はーばーどだいがく'),
      named('北京大学', 'PKU', 'ぺきんだいがく'),
    ];
    expect([...list].sort(nameComparator('ja')).map((c) => c.name.ja)).toEqual(['ハーバード大学', 'ハンブルク工科大学', '北京大学']);
  });
});

describe('the curated readings', () => {
  const dataset = JSON.parse(readFileSync('data/agreements.json', 'utf8')) as Dataset;
  it('cover every Japanese name with kanji, in kana only', () => {
    for (const record of [...dataset.countries, ...dataset.institutions]) {
      if (KANJI_PATTERN.test(record.name.ja)) expect(record.yomi, record.name.ja).toMatch(YOMI_PATTERN);
      if (record.yomi !== undefined) expect(record.yomi).toMatch(YOMI_PATTERN);
    }
  });
});
