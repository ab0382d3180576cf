// CSV download of the filtered agreements: bilingual columns, Excel-safe (BOM, CRLF, RFC 4180, no formula injection).
import { csvFormatRow } from 'd3';
import type { AtlasIndex, Link } from './atlas-index';
import type { Dataset, Lang, Level, RegionId } from './schema';
import { exportBaseName } from './export-name';

/** Excel guesses a legacy code page (Shift_JIS on Japanese Windows) for a BOM-less CSV and garbles UTF-8. */
const BOM = '\uFEFF';
/** RFC 4180 record separator; Excel and every spreadsheet accept it, and it survives quoted LF inside fields. */
const EOL = '\r\n';

const LEVEL_LABELS: Record<Level, Record<Lang, string>> = {
  university: { en: 'University-wide', ja: '大学間協定' },
  department: { en: 'Department-level', ja: '部局間協定' },
};

const WAIVER_LABELS: Record<Lang, { yes: string; no: string }> = {
  en: { yes: 'yes', no: 'no' },
  ja: { yes: 'あり', no: 'なし' },
};

/** A value per language; a column pair lists the chosen language first, so each pair has two header labels. */
type Pair = Record<Lang, string>;

interface Row {
  id: string;
  level: Pair;
  institution: Pair;
  country: Pair;
  region: Pair;
  city: Pair;
  signed: string;
  waiver: boolean | null;
  department: Pair;
  unit: Pair;
  sourceLine: string;
  sourceText: string;
}

interface Column {
  header: Record<Lang, string>;
  value: (row: Row, lang: Lang) => string;
}

const other = (lang: Lang): Lang => (lang === 'en' ? 'ja' : 'en');

/** Header labels for a bilingual pair: `[label in chosen language, label of the other-language column]`. */
const PAIR_HEADERS: Record<'level' | 'institution' | 'country' | 'region' | 'city' | 'department' | 'unit', Record<Lang, [string, string]>> = {
  // "Level" is unbracketed in the chosen language because its values read as the chosen language's own word.
  level: { en: ['Level', 'Level (ja)'], ja: ['種類', '種類（英語）'] },
  institution: { en: ['Institution (en)', 'Institution (ja)'], ja: ['大学・機関名（日本語）', '大学・機関名（英語）'] },
  country: { en: ['Country (en)', 'Country (ja)'], ja: ['国名（日本語）', '国名（英語）'] },
  region: { en: ['Region (en)', 'Region (ja)'], ja: ['地域（日本語）', '地域（英語）'] },
  city: { en: ['City (en)', 'City (ja)'], ja: ['都市（日本語）', '都市（英語）'] },
  department: { en: ['Department (en)', 'Department (ja)'], ja: ['部局（日本語）', '部局（英語）'] },
  unit: { en: ['Partner unit (en)', 'Partner unit (ja)'], ja: ['相手先部局（日本語）', '相手先部局（英語）'] },
};

const single = (en: string, ja: string, value: Column['value']): Column[] => [{ header: { en, ja }, value }];

/** Two columns: the chosen language's value first, then the other language's. */
const pair = (key: keyof typeof PAIR_HEADERS): Column[] => [
  { header: { en: PAIR_HEADERS[key].en[0], ja: PAIR_HEADERS[key].ja[0] }, value: (row, lang) => row[key][lang] },
  { header: { en: PAIR_HEADERS[key].en[1], ja: PAIR_HEADERS[key].ja[1] }, value: (row, lang) => row[key][other(lang)] },
];

const COLUMNS: Column[] = [
  ...single('Agreement ID', '協定ID', (r) => r.id),
  ...pair('level'),
  ...pair('institution'),
  ...pair('country'),
  ...pair('region'),
  ...pair('city'),
  ...single('Signed', '締結日', (r) => r.signed),
  ...single('Tuition waiver', '授業料不徴収', (r, lang) => (r.waiver === null ? '' : WAIVER_LABELS[lang][r.waiver ? 'yes' : 'no'])),
  ...pair('department'),
  ...pair('unit'),
  ...single('Source line', '出典行', (r) => r.sourceLine),
  ...single('Source text', '出典テキスト', (r) => r.sourceText),
];

/**
 * Spreadsheets run a cell that starts with = + - @ (and, in some, tab or CR) as a formula, so a partner name
 * or seed line such as `=HYPERLINK(…)` could execute on open (CSV injection, OWASP). A leading apostrophe makes
 * Excel and LibreOffice show the text literally; the apostrophe is visible in a plain-text reader, which is
 * the accepted price for a file meant to be opened in a spreadsheet.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One record, quoted by d3-dsv (RFC 4180: a field with a comma, quote, CR or LF is quoted, inner quotes doubled).
 * Records are joined with CRLF below, since d3's csvFormatRows joins them with a bare LF.
 */
const toLine = (fields: readonly string[]): string => csvFormatRow(fields.map(guardFormula));

/** Fixed collator so the row order does not depend on the browser's locale; accents sort next to their base letter. */
const NAME_ORDER = new Intl.Collator('en');

/** Joins the distinct values of a group agreement's institutions ("… Berkeley / … Davis"). */
const joinDistinct = (values: readonly string[]) => [...new Set(values.filter(Boolean))].join(' / ');
const joinPairs = (pairs: readonly Pair[]): Pair => ({ en: joinDistinct(pairs.map((p) => p.en)), ja: joinDistinct(pairs.map((p) => p.ja)) });

function toRow(links: readonly Link[], regionNames: ReadonlyMap<RegionId, Pair>): Row {
  const a = links[0]!.agreement;
  return {
    id: a.id,
    level: LEVEL_LABELS[a.level],
    institution: joinPairs(links.map((l) => l.institution.name)),
    country: joinPairs(links.map((l) => l.country.name)),
    region: joinPairs(links.map((l) => regionNames.get(l.country.region) ?? { en: l.country.region, ja: l.country.region })),
    city: joinPairs(links.map((l) => ({ en: l.institution.city.en, ja: l.institution.city.ja ?? '' }))),
    signed: a.signed ?? '',
    waiver: a.tuitionWaiver,
    department: a.department ? { en: a.department.en, ja: a.department.ja } : { en: '', ja: '' },
    unit: a.unit ?? { en: '', ja: '' },
    sourceLine: String(a.source.line),
    sourceText: a.source.text,
  };
}

/**
 * One row per agreement, so the file has as many rows as the atlas counts agreements. A group agreement
 * (University of California) lists the institutions it covers among the filtered links, joined with " / ".
 * Ordered by country code, first institution's English name, signing date (undated department-level agreements
 * last) and agreement id: a stable order, whatever order the filter returns.
 */
export function agreementsToCsv(index: AtlasIndex, links: readonly Link[], lang: Lang): string {
  const regionNames = new Map(index.dataset.regions.map((r) => [r.id, r.name] as const));
  const byAgreement = new Map<string, Link[]>();
  for (const l of links) {
    const list = byAgreement.get(l.agreement.id) ?? [];
    if (!list.some((x) => x.institution.id === l.institution.id)) list.push(l);
    byAgreement.set(l.agreement.id, list);
  }
  const groups = [...byAgreement.values()].map((list) =>
    [...list].sort((a, b) => NAME_ORDER.compare(a.institution.name.en, b.institution.name.en) || (a.institution.id < b.institution.id ? -1 : 1)),
  );
  groups.sort((ga, gb) => {
    const a = ga[0]!;
    const b = gb[0]!;
    return (
      a.institution.country.localeCompare(b.institution.country, 'en') ||
      NAME_ORDER.compare(a.institution.name.en, b.institution.name.en) ||
      (a.agreement.signed ?? '9999').localeCompare(b.agreement.signed ?? '9999', 'en') ||
      (a.agreement.id < b.agreement.id ? -1 : a.agreement.id > b.agreement.id ? 1 : 0)
    );
  });
  const lines = [toLine(COLUMNS.map((c) => c.header[lang]))];
  for (const group of groups) {
    const row = toRow(group, regionNames);
    lines.push(toLine(COLUMNS.map((c) => c.value(row, lang))));
  }
  // A trailing CRLF ends the last record, as most tools write it; RFC 4180 allows it and parsers ignore it.
  return BOM + lines.join(EOL) + EOL;
}

/**
 * Data rows in a CSV written by agreementsToCsv (header excluded). Counts record breaks outside quotes,
 * because a quoted field may itself contain line breaks.
 */
export function countCsvRows(csv: string): number {
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv;
  let records = 0;
  let inQuotes = false;
  let recordHasContent = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      // A doubled quote inside a quoted field toggles twice, which leaves the state unchanged, as it should.
      inQuotes = !inQuotes;
      recordHasContent = true;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      if (recordHasContent) records += 1;
      recordHasContent = false;
    } else {
      recordHasContent = true;
    }
  }
  if (recordHasContent) records += 1;
  return Math.max(0, records - 1);
}

/** The CSV's file name: see exportBaseName. */
export function csvFileName(dataset: Pick<Dataset, 'homes' | 'meta'>, lang: Lang, date: Date): string {
  return `${exportBaseName(dataset, lang, date)}.csv`;
}
