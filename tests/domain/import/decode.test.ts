// The encoding of a text file, decided per file with evidence (issue 27, item 4). On main a UTF-8 list with one
// cp1252 é was read as Shift_JIS (every Japanese name garbled) and UTF-16 files had "no header row".
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/domain/import/decode';
import { readTable } from '../../../src/domain/import/table';

const LIST = '大学名,国・地域,締結日\r\nソウル大学校,韓国,2012-04-01\r\nハイデルベルク大学,ドイツ,2013-05-01\r\nUniversité de Genève,スイス,2014-06-01\r\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  const put = (code: number) => {
    out[at++] = order === 'le' ? code & 0xff : code >> 8;
    out[at++] = order === 'le' ? code >> 8 : code & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

/** The UTF-8 list with Genève's é written as the one cp1252 byte 0xE9. */
function withOneStrayByte(): Uint8Array {
  const [before, after] = LIST.split('é');
  const a = utf8(before!);
  const b = utf8(after!);
  const out = new Uint8Array(a.length + 1 + b.length);
  out.set(a);
  out[a.length] = 0xe9;
  out.set(b, a.length + 1);
  return out;
}

describe('decodeText', () => {
  it('valid UTF-8 except one cp1252 byte stays UTF-8, the byte replaced and its row flagged', async () => {
    const decoded = decodeText(withOneStrayByte());
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replaced).toBe(1);
    expect(decoded.text).toContain('ソウル大学校');
    const table = await readTable(withOneStrayByte(), 'list.csv');
    expect(table.encoding).toBe('utf-8');
    expect(table.rows[1]!.cells[0]).toBe('ソウル大学校');
    expect(table.notes).toEqual([{ row: 4, code: 'replaced-bytes' }]);
  });

  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false],
  ] as const)('UTF-16 %s (byte-order mark: %s) is read with its header', async (order, bom) => {
    const table = await readTable(utf16(LIST.replaceAll(',', '\t'), order, bom), 'list.txt');
    expect(table.encoding).toBe(`utf-16${order}`);
    expect(table.format).toBe('tsv');
    expect(table.rows[0]!.cells).toEqual(['大学名', '国・地域', '締結日']);
    expect(table.rows[3]!.cells[0]).toBe('Université de Genève');
  });

  it('Shift_JIS that decodes cleanly to Japanese, where UTF-8 does not, is Shift_JIS', () => {
    // 大学名,韓国 in CP932.
    const bytes = new Uint8Array([0x91, 0xe5, 0x8a, 0x77, 0x96, 0xbc, 0x2c, 0x8a, 0xd8, 0x8d, 0x91]);
    expect(decodeText(bytes)).toEqual({ text: '大学名,韓国', encoding: 'shift_jis', replaced: 0 });
  });

  it('a chosen encoding overrides the evidence', async () => {
    const table = await readTable(utf8(LIST), 'list.csv', { encoding: 'shift_jis' });
    expect(table.encoding).toBe('shift_jis');
    expect(table.rows[1]!.cells[0]).not.toBe('ソウル大学校');
  });
});
