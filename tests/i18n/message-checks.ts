// What a rendered message must not look like: plural mismatches, raw numbers, leftover placeholders, empty text.
import type { Lang } from '../../src/domain/schema';

/** Countable English nouns, singular → plural: the head noun after a count must agree with it. */
const NOUNS = new Map([
  ['agreement', 'agreements'],
  ['institution', 'institutions'],
  ['partner', 'partners'],
  ['country', 'countries'],
  ['region', 'regions'],
  ['other', 'others'],
  ['correction', 'corrections'],
  ['year', 'years'],
  ['campus', 'campuses'],
  ['slide', 'slides'],
]);
const PLURALS = new Set(NOUNS.values());
/** Words that end the phrase after a count ("1 selected of …", "+2 new this year"): no noun is looked for beyond them. */
const STOP = new Set(['of', 'this', 'that', 'with', 'in', 'and', 'or', 'to', 'is', 'are', 'was', 'the', 'a', 'an', 'per', 'from', 'at', 'by', 'for', 'as']);

/**
 * English counts and their nouns: for each number in the text, the head noun of the phrase after it (the last of
 * consecutive nouns: "2 partner institutions" → institutions), if there is one within three words.
 */
export function countedNouns(text: string): { n: number; noun: string }[] {
  const found: { n: number; noun: string }[] = [];
  for (const match of text.matchAll(/(?<![\w.,])(\d{1,3}(?:,\d{3})*|\d+)(?![\w,.]*\d)\s+([^·:;—\d]*)/g)) {
    const words = match[2]!
      .split(/[\s/]+/)
      .map((w) => w.replace(/^[("“]+|[)"”,.!?]+$/g, '').toLowerCase())
      .filter(Boolean)
      .slice(0, 4);
    let head: string | null = null;
    for (const word of words) {
      if (STOP.has(word)) break;
      const isNoun = NOUNS.has(word) || PLURALS.has(word);
      if (isNoun) head = word;
      else if (head) break;
    }
    if (head) found.push({ n: Number(match[1]!.replace(/,/g, '')), noun: head });
  }
  return found;
}

/** Problems of a rendered message; `numbers` are the values given to its numeric parameters. */
export function messageProblems(lang: Lang, text: string, numbers: readonly number[] = []): string[] {
  const problems: string[] = [];
  if (!text.trim()) problems.push('empty');
  for (const leftover of ['{', '}', 'undefined', 'NaN', '[object', '#', 'null']) if (text.includes(leftover)) problems.push(`leftover "${leftover}"`);
  // Counts of four digits or more are grouped ("12,345"); a bare "12345" was not formatted.
  for (const n of numbers) if (Math.abs(n) >= 1000 && text.includes(String(n))) problems.push(`raw number ${n}`);
  for (const raw of text.match(/(?<![\d,])\d{5,}/g) ?? []) problems.push(`raw number ${raw}`);
  if (lang === 'en')
    for (const { n, noun } of countedNouns(text)) {
      const plural = PLURALS.has(noun);
      if (n === 1 && plural) problems.push(`"1 ${noun}": a plural noun after 1`);
      if (n !== 1 && !plural) problems.push(`"${n} ${noun}": a singular noun after ${n}`);
    }
  return problems;
}
