// Patterns that run over a list's cells end quickly on hostile text (issue 27, item 2). On main a signing date
// "2012-4-1" followed by 390 spaces and a letter took 1.3 s in dates.ts's pattern (cubic backtracking over three
// adjacent \s* runs): 130,000 such rows would have held the import for two days.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/domain/import/dates';

describe('regular expressions over user text', () => {
  it.each([`2012-4-1${' '.repeat(390)}x`, `H24.4.1${' '.repeat(390)}x`, `2012${'\t '.repeat(195)}x`])('parseDate(%#) ends in milliseconds', (text) => {
    const started = performance.now();
    for (let n = 0; n < 20; n++) expect(parseDate(text)).toEqual({ ok: false, reason: 'unreadable' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('still reads dates with spaces in them', () => {
    expect(parseDate(' 2012 年 4 月 1 日 ')).toEqual({ ok: true, date: { iso: '2012-04-01', precision: 'day' } });
  });
});
