// CSV and TSV records (RFC 4180 quoting), read so that one stray `"` costs one row, not the rest of the file: a
// quoted field that never closes, or closes onto anything but a delimiter or a line end, was not a quoted field. It
// is read again as plain text up to its delimiter, and the record is reported (an unbalanced quote) with its number.

export interface DelimitedRecords {
  records: string[][];
  /** Record numbers (the first record is 1) where an unbalanced quote was read as text. */
  unbalancedQuotes: number[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function parseDelimited(text: string, delimiter: ',' | '\t'): DelimitedRecords {
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const unbalancedQuotes: number[] = [];
  const length = text.length;
  let at = 0;
  let record: string[] = [];
  let flagged = false;
  const endRecord = () => {
    records.push(record);
    record = [];
    flagged = false;
  };
  /** A plain field from `from` to the next delimiter or line end. */
  const plainField = (from: number): number => {
    let end = from;
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c === sep || c === LF || c === CR) break;
      end++;
    }
    record.push(text.slice(from, end));
    return end;
  };
  while (at < length || record.length > 0) {
    let end: number;
    if (at < length && text.charCodeAt(at) === QUOTE) {
      // A quoted field: up to a quote that is not doubled.
      let value = '';
      let from = at + 1;
      let close = -1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) break;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        close = q;
        break;
      }
      const next = close < 0 ? -1 : text.charCodeAt(close + 1);
      if (close >= 0 && (close + 1 >= length || next === sep || next === LF || next === CR)) {
        record.push(value);
        end = close + 1;
      } else {
        if (!flagged) unbalancedQuotes.push(records.length + 1);
        flagged = true;
        end = plainField(at);
      }
    } else end = plainField(at);
    if (end >= length) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(end);
    if (c === sep) {
      at = end + 1;
      if (at >= length) {
        record.push('');
        endRecord();
        break;
      }
      continue;
    }
    // A line end: \r\n, \n or \r.
    at = end + (c === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    endRecord();
  }
  return { records, unbalancedQuotes };
}
