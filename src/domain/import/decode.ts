// Text from a file's bytes, the encoding decided per file with evidence: a byte-order mark says it (UTF-8, UTF-16
// LE/BE); UTF-16 without one shows as zero bytes on one side of ASCII characters; bytes that are valid UTF-8 are
// UTF-8; bytes that are mostly UTF-8 with a few strays (one cp1252 é) stay UTF-8, the strays replaced (�) and their
// rows flagged; Shift_JIS (CP932, as Windows writes it) only when it decodes cleanly to Japanese text and UTF-8 does
// not. A person can override the choice (the preview's select): `decodeText(bytes, 'shift_jis')`.

export type TextEncodingName = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'shift_jis', 'utf-16le', 'utf-16be'];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Bytes not in the encoding, each read as U+FFFD: the rows holding them are flagged. */
  replaced: number;
}

const REPLACEMENT = 0xfffd;
/**
 * What a Japanese list's non-ASCII text is made of: punctuation and symbols (○, ①), CJK punctuation, kana and
 * squared forms (㈱), ideographs, full-width forms. Not half-width katakana: mis-read UTF-8 turns into those.
 */
const isJapanese = (code: number) =>
  (code >= 0x2000 && code <= 0x27ff) ||
  (code >= 0x3000 && code <= 0x33ff) ||
  (code >= 0x3400 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffef);

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** UTF-16 without a mark: in the first 4 KB, ASCII characters leave zeros on one side of their pairs only. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let p = 0; p < pairs; p++) {
    if (bytes[2 * p] === 0) evenZeros++;
    if (bytes[2 * p + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  // TextDecoder drops a byte-order mark of its own encoding (ignoreBOM false).
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, replaced: countReplaced(text) };
}

export function decodeText(bytes: Uint8Array, chosen?: TextEncodingName): DecodedText {
  if (chosen) return decodeAs(bytes, chosen);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');
  const utf16 = utf16Without(bytes);
  if (utf16) return decodeAs(bytes, utf16);
  const utf8 = decodeAs(bytes, 'utf-8');
  if (utf8.replaced === 0) return utf8;
  let sjis: string | null = null;
  try {
    sjis = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    sjis = null;
  }
  if (sjis !== null) {
    let japanese = 0;
    let other = 0;
    for (let i = 0; i < sjis.length; i++) {
      const code = sjis.charCodeAt(i);
      if (code < 0x80) continue;
      if (isJapanese(code)) japanese++;
      else other++;
    }
    // Shift_JIS that is Japanese text (half-width kana and stray symbols are what mis-read UTF-8 turns into).
    let utf8Good = 0;
    for (let i = 0; i < utf8.text.length; i++) {
      const code = utf8.text.charCodeAt(i);
      if (code >= 0x80 && code !== REPLACEMENT) utf8Good++;
    }
    const looksJapanese = japanese > 0 && japanese >= other * 4;
    const fewStrays = utf8Good >= 1 && utf8.replaced * 10 <= utf8Good;
    if (looksJapanese && !fewStrays) return { text: sjis, encoding: 'shift_jis', replaced: 0 };
  }
  return utf8;
}
