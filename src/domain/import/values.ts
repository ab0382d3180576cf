// Cell values the importer reads the same way everywhere: a cell as text, a waiver word, a coordinate, an end-date
// word meaning "no end", and the ids it makes (slugs, unique within the dataset).
import { foldForSearch } from '../search';
import { MAX_NAME_LENGTH, SLUG_PATTERN } from '../schema';
import { slugify } from './identity';
import type { Cell } from './table';

/** Rows between two progress reports. */
export const PROGRESS_STEP = 1000;

const TRUE_WORDS = new Set(['○', '◯', '〇', '有', 'あり', '有り', 'yes', 'y', 'true', '1', '*', '✓', '✔', '不徴収', 'waived']);
const FALSE_WORDS = new Set(['×', '✕', '無', 'なし', '無し', 'no', 'n', 'false', '0', '-', '徴収']);
/** An end-date cell that says there is no end (folded). */
export const NO_END_WORDS = new Set(
  [
    '',
    'なし',
    '無し',
    '無',
    '無期限',
    '期限なし',
    '自動更新',
    '自動延長',
    'none',
    'no',
    'n/a',
    'na',
    'auto renewal',
    'automatic renewal',
    'open ended',
    'indefinite',
    'endless',
    'unlimited',
    'permanent',
    'no expiry',
    'no expiration',
    'no end date',
    '無期',
    '永久',
  ].map(foldForSearch),
);

/** Printable ASCII without doubled, leading or trailing spaces: a cell that is its own text (most cells). */
const PLAIN_TEXT = /^[!-~](?:[!-~]| (?! ))*$/;

export const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined || cell === '') return '';
  // The length first: the pattern's repetition on a megabyte of text overflows the regexp engine's stack.
  if (typeof cell === 'string' && cell.length <= MAX_NAME_LENGTH && PLAIN_TEXT.test(cell)) return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
};

/** A slug not taken yet: from the text where it has Latin letters, else from the fallback. */
export function uniqueId(text: string, fallback: string, taken: Set<string>): string {
  const base = slugify(text);
  const stem = /[a-z]/.test(base) && SLUG_PATTERN.test(base) ? base : fallback;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

export function parseWaiver(text: string): boolean | null {
  const folded = text.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

export function parseCoordinate(cell: Cell | undefined, text: string, limit: number): number | null | 'bad' {
  if (text === '') return null;
  const value = typeof cell === 'number' ? cell : Number(text.normalize('NFKC'));
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'bad';
}

/** foldForSearch, remembered: a national list names each partner many times, and folding is the loop's costliest step. */
export function memoFold(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let f = folded.get(text);
    if (f === undefined) folded.set(text, (f = foldForSearch(text)));
    return f;
  };
}
