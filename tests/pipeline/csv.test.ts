// readTable: each row reports the physical line its record starts on, and malformed tables stop at file:line.
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/pipeline/csv';

const read = (text: string, multiline: string[] = ['a', 'b']) => readTable({ path: 'f.csv', text }, ['a', 'b'], { multiline });
const rows = (text: string) => read(text).map((r) => ({ line: r.line, a: r.get('a'), b: r.get('b') }));

describe('readTable line numbers', () => {
  it.each([
    {
      name: 'plain LF',
      text: 'a,b\n1,2\n3,4\n',
      expected: [
        [2, '1', '2'],
        [3, '3', '4'],
      ],
    },
    {
      name: 'no final line break',
      text: 'a,b\n1,2\n3,4',
      expected: [
        [2, '1', '2'],
        [3, '3', '4'],
      ],
    },
    {
      name: 'a blank line between rows (the reported bug: 2, 4, 5, not 2, 5, 7)',
      text: 'a,b\n1,2\n\n3,4\n5,6\n',
      expected: [
        [2, '1', '2'],
        [4, '3', '4'],
        [5, '5', '6'],
      ],
    },
    { name: 'blank lines before the header', text: '\n\na,b\n1,2\n', expected: [[4, '1', '2']] },
    { name: 'blank lines after the rows', text: 'a,b\n1,2\n\n\n', expected: [[2, '1', '2']] },
    {
      name: 'a whitespace-only line',
      text: 'a,b\n1,2\n  \t\n3,4\n',
      expected: [
        [2, '1', '2'],
        [4, '3', '4'],
      ],
    },
    {
      name: 'a quoted field over two lines, then more rows',
      text: 'a,b\n1,"x\ny"\n3,4\n5,6\n',
      expected: [
        [2, '1', 'x\ny'],
        [4, '3', '4'],
        [5, '5', '6'],
      ],
    },
    {
      name: 'a quoted field holding a blank line',
      text: 'a,b\n1,"x\n\ny"\n3,4\n',
      expected: [
        [2, '1', 'x\n\ny'],
        [5, '3', '4'],
      ],
    },
    {
      name: 'CRLF with a multi-line field and a blank line',
      text: 'a,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n',
      expected: [
        [2, '1', 'x\ny'],
        [5, '3', '4'],
      ],
    },
    {
      name: 'bare CR line ends',
      text: 'a,b\r1,2\r\r3,4\r',
      expected: [
        [2, '1', '2'],
        [4, '3', '4'],
      ],
    },
    { name: 'BOM before the header', text: '\uFEFFa,b\n1,2\n', expected: [[2, '1', '2']] },
    {
      name: 'doubled quotes and a quoted comma',
      text: 'a,b\n"say ""hi""","x,y"\n3,4\n',
      expected: [
        [2, 'say "hi"', 'x,y'],
        [3, '3', '4'],
      ],
    },
    {
      name: 'a quote inside an unquoted field is a literal character',
      text: 'a,b\n5" disk,2\n3,4\n',
      expected: [
        [2, '5" disk', '2'],
        [3, '3', '4'],
      ],
    },
  ])('$name', ({ text, expected }) => {
    expect(rows(text).map((r) => [r.line, r.a, r.b])).toEqual(expected);
  });
});

describe('readTable stops at file:line on a malformed table', () => {
  it.each([
    { name: 'a row with more fields than the header', text: 'a,b\n1,2\n1,2,3\n', message: 'f.csv:3: 3 fields where the header (line 1) has 2' },
    { name: 'a row with fewer fields than the header', text: 'a,b\n\n1\n', message: 'f.csv:3: 1 fields where the header (line 1) has 2' },
    { name: 'too many fields after a multi-line field', text: 'a,b\n1,"x\ny"\n1,2,3\n', message: 'f.csv:4: 3 fields where the header (line 1) has 2' },
    { name: 'a quoted field never closed', text: 'a,b\n1,2\n"x,3\n4,5\n', message: 'f.csv:3: a quoted field is never closed (missing `"`)' },
    {
      name: 'text after a closing quote',
      text: 'a,b\n1,2\n"x"y,3\n',
      message: 'f.csv:3: text after the closing `"` of a quoted field (double a quote inside a field: `""`)',
    },
    { name: 'a missing column', text: 'a,c\n1,2\n', message: 'f.csv:1: missing column "b" (has: a, c)' },
    { name: 'a duplicate column', text: 'a,b,a\n1,2,3\n', message: 'f.csv:1: duplicate column "a"' },
    { name: 'no header at all', text: '\n\n', message: 'f.csv: empty table (no header row)' },
  ])('$name', ({ text, message }) => {
    expect(() => read(text)).toThrow(message);
  });

  it('a column the table was not read with', () => {
    const [row] = read('a,b\n1,2\n');
    expect(() => row!.get('c')).toThrow('f.csv:2: no column "c"');
  });

  it('a line break in a column that is not prose', () => {
    const [row] = read('a,b\n"x\ny",2\n', ['b']);
    expect(() => row!.get('a')).toThrow('f.csv:2: "a" contains a line break');
    expect(row!.get('b')).toBe('2');
  });
});
