// A forward-only scan of the XML in a workbook, DOM-free and without regular expressions over the file's text:
// tags (name without its namespace prefix, attributes) and the text between them. Enough for the parts of an
// XLSX file the importer reads; DTDs and entities other than XML's five and character references are ignored,
// so nothing a file declares is ever expanded.

export interface XmlTag {
  /** Local name: `x:c` → `c`. */
  name: string;
  /** `</c>` */
  closing: boolean;
  /** `<c/>` */
  empty: boolean;
  /** The raw attribute text, read with `attribute`. */
  attrs: string;
}

export type XmlToken = { kind: 'tag'; tag: XmlTag } | { kind: 'text'; text: string };

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The value of `name="…"` (or '…') in a tag's attribute text, unescaped; a prefixed `r:id` is asked for as `r:id`. */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    if (at > 0 && !isSpace(attrs.charCodeAt(at - 1))) continue;
    let i = from;
    while (i < attrs.length && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs[i] !== '=') continue;
    i++;
    while (i < attrs.length && isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return unescapeXml(attrs.slice(i + 1, end));
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  for (;;) {
    const amp = text.indexOf('&', from);
    if (amp < 0) return out + text.slice(from);
    const semi = text.indexOf(';', amp);
    const ref = semi < 0 || semi - amp > 12 ? '' : text.slice(amp + 1, semi);
    let char: string | undefined = NAMED[ref];
    if (char === undefined && ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) char = String.fromCodePoint(code);
    }
    if (char === undefined) {
      out += text.slice(from, amp + 1);
      from = amp + 1;
    } else {
      out += text.slice(from, amp) + char;
      from = semi + 1;
    }
  }
}

/** Every tag and text of the document in order; comments, processing instructions and declarations are skipped. */
export function* scanXml(xml: string): Generator<XmlToken> {
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      yield { kind: 'text', text: unescapeXml(xml.slice(at)) };
      return;
    }
    if (lt > at) yield { kind: 'text', text: unescapeXml(xml.slice(at, lt)) };
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return;
      yield { kind: 'text', text: xml.slice(lt + 9, end) };
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return;
      at = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    at = gt + 1;
    const first = xml[lt + 1];
    if (first === '?' || first === '!') continue;
    const closing = first === '/';
    const empty = xml[gt - 1] === '/';
    let nameStart = lt + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < gt && !isSpace(xml.charCodeAt(nameEnd)) && xml[nameEnd] !== '/') {
      if (xml[nameEnd] === ':') nameStart = nameEnd + 1;
      nameEnd++;
    }
    yield { kind: 'tag', tag: { name: xml.slice(nameStart, nameEnd), closing, empty, attrs: xml.slice(nameEnd, empty ? gt - 1 : gt) } };
  }
}
