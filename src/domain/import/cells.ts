// Cells as published lists write them: a count and footnote marks after a country (`CHINA (14)`, `Asia (63)**`),
// link labels pasted from a web page (`(外部サイト)`, `[PDF]`), bilingual names (`ウィーン工科大学 Technische
// Universität Wien`), a partner's unit after a comma, level words (大学間, 部局間), and heading rows inside the table
// (`アジア州(6)`, 【アジア】, `※…` footnotes). Every pattern is compiled once, here.

/** A group count at the end of a cell: `CHINA (14)`, `Hong Kong(4)`, `Asia (63)**`. */
const TRAILING_COUNT = /\s*[(（]\s*(\d{1,5})\s*[)）]\s*[*＊※†]*\s*$/;
/** Footnote marks: ※ * ♦ ★ † and numbers in circles (①–⑳, ㉑–㊿). */
const MARKS = /[※*＊♦◆★☆†‡§\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]+\d{0,2}/g;
/** Link labels copied with a web page's link text. */
const ANY_MARK = /[※*＊♦◆★☆†‡§\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/;
const LINK_LABELS =
  /\s*[(（[［【]\s*(?:外部サイト|外部リンク|別ウィンドウ|新しいウィンドウ|新規ウィンドウ|リンク|PDF|pdf|ＰＤＦ|Link|link|external link|External link|opens in a new window|new window|website|Website|HP|ホームページ)[^)）\]］】]*[)）\]］】]/g;
const AGREEMENT_NOTE = /\s*[(（][^()（）]*(?:agreement|memorandum|mou|programme|program|協定|覚書)[^()（）]*[)）]$/i;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;

/** A country cell without its count and marks, and the count when it had one (`BHUTAN (1)`: 1 row). */
export function countryCellParts(text: string): { text: string; count: number | null } {
  const m = TRAILING_COUNT.exec(text);
  const stripped = (m ? text.slice(0, m.index) : text).replace(MARKS, '').trim();
  return { text: stripped, count: m ? Number(m[1]) : null };
}

/** Footnote marks removed (a date `1996. 1.23※`, a name `Universität Wien*`). */
export const withoutMarks = (text: string): string => (ANY_MARK.test(text) ? text.replace(MARKS, '').trim() : text);

/**
 * The two halves of a cell that holds a Japanese and a Latin name (either order), or null. The Japanese half is
 * the text up to the first Latin letter that is followed by no more Japanese.
 */
export function splitBilingual(text: string): { ja: string; en: string } | null {
  if (!JAPANESE.test(text) || !LATIN_LETTER.test(text)) return null;
  // Japanese first: find the first Latin letter after which no Japanese follows.
  const firstLatin = text.search(/\s[A-Za-z\u00c0-\u024f]/);
  if (firstLatin > 0) {
    const ja = text.slice(0, firstLatin).trim();
    const en = text.slice(firstLatin).trim();
    if (JAPANESE.test(ja) && !JAPANESE.test(en)) return { ja, en };
  }
  // Latin first: the Japanese half starts at the first Japanese character after a space.
  const firstJapanese = text.search(/\s[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/);
  if (firstJapanese > 0) {
    const en = text.slice(0, firstJapanese).trim();
    const ja = text.slice(firstJapanese).trim();
    if (!JAPANESE.test(en) && LATIN_LETTER.test(en)) return { ja, en };
  }
  return null;
}

/** Words that begin a partner's unit (a school of a university), and words that name an institution as a whole. */
const UNIT_START =
  /^(?:(?:the\s+)?(?:graduate\s+)?(?:school|faculty|department|dept\.?|college of|centre|center|division|laboratory|lab|institute of|research institute|library|hospital)\b)/i;
const INSTITUTION_WORD = /\b(?:universit(?:y|ät|é|à|ad|ade|eit|e)|academy|akademie|académie|academia|hochschule|école|ecole|politecnico|polytechnic)\b/i;

/**
 * `Open University of Cyprus / Ανοικτό Πανεπιστήμιο Κύπρου`, `University of Zagreb / Sveučilište u Zagrebu`: a name in
 * English and in the partner's language, English first (Erasmus lists). The English half is the one read.
 */
function englishHalf(text: string): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  const [first, second] = [text.slice(0, at).trim(), text.slice(at + 3).trim()];
  const words = (s: string) => s.split(/\s+/).length;
  return INSTITUTION_WORD.test(first) && words(first) >= 2 && words(second) >= 2 && !second.includes(' / ') ? first : text;
}

/** The last bracketed part of a name, and what stands before it. */
const TRAILING_UNIT = /^(.*\S)\s*[(（]([^()（）]+)[)）]$/;
/** Words that make a bracketed part a unit (a school, faculty or institute), not another name or a note. */
const UNIT_WORDS = /学部|学院|學院|研究科|研究院|研究所|センター|中心|[学學]系|faculty|school|college|department|institute|centre|center/i;
/** A bracketed part that is a whole institution's name (`華中理工大學 (華中科技大學)`: the university's later name). */
const WHOLE_INSTITUTION_END = /(?:大学|大學|university|universität|université)$/i;

export interface NameParts {
  /** The institution's name (Japanese and English when the cell held both, else the cell in either slot). */
  ja: string;
  en: string;
  /** The partner's unit named after a comma (`Peking University, School of International Studies`). */
  unit: string | null;
}

/** A name cell read: link labels and footnote marks removed, bilingual halves split, a unit after a comma apart. */
export function nameParts(raw: string): NameParts {
  let text = raw;
  if (text.includes('(') || text.includes('（') || text.includes('[') || text.includes('［') || text.includes('【')) text = text.replace(LINK_LABELS, '');
  text = withoutMarks(text).replace(/\s+/g, ' ').trim();
  // A note on the agreement after the name: `Kagoshima University (Agreement on Academic Exchange …)`.
  if (text.endsWith(')') || text.endsWith('）')) text = text.replace(AGREEMENT_NOTE, '');
  // A unit in brackets after the name: `同濟大學 (航空航天與力學學院)`, `コーンケーン大学(人文社会学部)`.
  let bracketUnit: string | null = null;
  const bracket = TRAILING_UNIT.exec(text);
  if (bracket && UNIT_WORDS.test(bracket[2]!) && !WHOLE_INSTITUTION_END.test(bracket[2]!)) [text, bracketUnit] = [bracket[1]!.trim(), bracket[2]!.trim()];
  const halves = splitBilingual(text);
  const ja = halves ? halves.ja : JAPANESE.test(text) ? text : '';
  let en = halves ? halves.en : JAPANESE.test(text) ? '' : englishHalf(text);
  let unit: string | null = null;
  const comma = en.indexOf(', ');
  if (comma > 0) {
    const before = en.slice(0, comma).trim();
    const after = en.slice(comma + 2).trim();
    if (UNIT_START.test(after) && INSTITUTION_WORD.test(before)) [en, unit] = [before, after];
    else if (UNIT_START.test(before) && INSTITUTION_WORD.test(after) && !INSTITUTION_WORD.test(before)) [en, unit] = [after, before];
  }
  return { ja, en, unit: unit ?? bracketUnit };
}

/** A level cell: 大学間/全学/校級/university-wide → university; 部局間/院級/department → department (with a name after it). */
export function parseLevel(text: string): { level: 'university' | 'department'; department: string } | null {
  const t = text.normalize('NFKC').trim();
  const m =
    /^(大学間|全学|大学|university[- ]wide|university|inter[- ]?university|institutional|部局間|部局|department(?:al)?|faculty|school|college|[校院系所處处][級级])\s*(?:[(:：]\s*(.*?)\s*\)?)?$/i.exec(
      t,
    );
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  // Taiwan's and China's lists: 校級 (university level), 院級/系級/所級/處級 (a college, department, institute, office).
  const university = /^(大学間|全学|大学|university|inter|institutional|校[級级])/.test(word);
  return { level: university ? 'university' : 'department', department: university ? '' : (m[2] ?? '') };
}

/** Region headings: a world region (アジア州, Asia, 欧州, 【アジア】), with or without a count. */
const REGION_WORDS = new Set(
  [
    'アジア',
    'ヨーロッパ',
    '欧州',
    '北米',
    '北アメリカ',
    '南米',
    '南アメリカ',
    '中南米',
    'ラテンアメリカ',
    '中東',
    'アフリカ',
    'オセアニア',
    '大洋州',
    '太洋州',
    '北米州',
    '南米州',
    'asia',
    'europe',
    'africa',
    'oceania',
    'north america',
    'south america',
    'latin america',
    'central and south america',
    'central & south america',
    'middle east',
    'the americas',
    'americas',
    'asia pacific',
    'asia-pacific',
    'asia and oceania',
    '亞洲',
    '亚洲',
    '歐洲',
    '欧洲',
    '美洲',
    '北美洲',
    '南美洲',
    '非洲',
    '大洋洲',
    '中東',
    '中东',
  ].map((w) => w.toLowerCase()),
);
/** A region word alone, or as one half of a bilingual pair (`亞洲 Asia`). */
const isRegion = (text: string) => {
  const t = text.trim().toLowerCase();
  return REGION_WORDS.has(t) || t.split(/\s+/).some((w) => REGION_WORDS.has(w));
};
/** `region / country` (or `>`, `»`, `-`): a heading naming a country within its region. */
const REGION_PATH = /^(.+?)\s*[/／>»›]\s*(.+)$/;
const FOOTNOTE_START = /^(?:[※*＊†‡]|注\s*[)）:：\d]|\(注|（注|note[s]?\s*[:：\d]|注記)/i;
const TOTAL = /^(?:合計|小計|総計|計)(?:[\s:：(（\d]|$)|^(?:total|subtotal|sum)\b/i;

export type Heading =
  | { kind: 'region' | 'footnote' | 'total'; text: string }
  /** A country alone on its row, over the rows of its group. */
  | { kind: 'country'; text: string; count: number | null };

/**
 * Whether a row is a heading inside the table, not a partner: its one text (a merged cell across the row repeats
 * it) is a region, a bracketed heading, a footnote or a total, or a country alone where the name column is blank.
 * `isCountry` says whether a text names a country.
 */
export function headingOf(texts: readonly string[], nameColumns: readonly number[], isCountry: (text: string) => boolean): Heading | null {
  let only = '';
  for (const t of texts) {
    if (t === '' || t === only) continue;
    if (only !== '') return null;
    only = t;
  }
  if (only === '') return null;
  if (FOOTNOTE_START.test(only)) return { kind: 'footnote', text: only };
  if (/^【.*】$|^\[.*\]$|^［.*］$|^■|^◆|^●/.test(only)) return { kind: 'region', text: only };
  const { text, count } = countryCellParts(only);
  const bare = text.replace(/^[<〈《]|[>〉》]$/g, '').trim();
  if (REGION_WORDS.has(bare.toLowerCase()) || /^.{1,8}州$/.test(bare)) return { kind: 'region', text: only };
  if (TOTAL.test(bare)) return { kind: 'total', text: only };
  const inName = nameColumns.some((i) => texts[i] === only);
  // `亞洲 Asia / 中國 China`: a region and a country, the heading of a country's group (in any column).
  const path = REGION_PATH.exec(text);
  if (path && isRegion(path[1]!) && isCountry(path[2]!)) return { kind: 'country', text: path[2]!, count };
  if (!inName && isCountry(text)) return { kind: 'country', text: only, count };
  // A name column holding a country with a count (`CHINA (14)` written over its rows) is a heading too.
  if (inName && count !== null && isCountry(text)) return { kind: 'country', text: only, count };
  return null;
}
