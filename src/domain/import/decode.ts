// Text from a file's bytes: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, else
// Shift_JIS (as Windows writes it, CP932), the two encodings Japanese offices' spreadsheets are saved in.

export type TextEncodingName = 'utf-8' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array): DecodedText {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: WHATWG's "shift_jis" decoder is CP932 (NEC and IBM extensions, ①, ㈱, 髙).
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
