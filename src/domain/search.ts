// Search normalisation: "sorbonne", "ソルボンヌ", "ｿﾙﾎﾞﾝﾇ" and "そるぼんぬ" all fold to the same key.

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/**
 * Folds text for matching: NFKC (full/half width, half-width katakana), lower case, hiragana → katakana,
 * diacritics removed (é → e), and spaces and punctuation dropped (・, -, ., ", 「」) so that
 * "インペリアルカレッジ" finds "インペリアル・カレッジ・ロンドン".
 */
export function foldForSearch(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase();
  folded = folded.replace(/[\u3041-\u3096]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCharCode(code + KATAKANA_OFFSET) : ch;
  });
  // Only Latin combining marks: stripping all marks would also merge ボ with ホ.
  folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  // Spaces, punctuation and symbols, and the modifier-letter apostrophes (Hawaiʻi, Xiʼan) that are not punctuation.
  return folded.replace(/[\s\p{P}\p{S}\u02b9-\u02bf]/gu, '');
}

/** The folded, non-empty terms of a query (fold once, then test many haystacks with matchesTerms). */
export function queryTerms(query: string): string[] {
  return query
    .split(/[\s\u3000]+/)
    .map(foldForSearch)
    .filter(Boolean);
}

/** True when every term occurs in the folded haystack. */
export function matchesTerms(foldedHaystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedHaystack.includes(term));
}

