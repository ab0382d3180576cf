// Which column holds what: header cells in Japanese or English matched to the importer's fields, and the header row
// found below any title rows by how many fields it names. The mapping is returned so that a person can correct it.
import { foldForSearch } from '../search';

export const IMPORT_FIELDS = [
  'name',
  'nameJa',
  'nameEn',
  'country',
  'city',
  'signed',
  'department',
  'waiver',
  'expires',
  'lat',
  'lng',
  'level',
  'departmentSigned',
  'area',
  'home',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header texts per field, as Japanese and English lists write them (compared folded: width, case, punctuation). */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  name: [
    '大学名',
    '機関名',
    '協定校',
    '協定校名',
    '協定大学',
    '協定大学名',
    '協定先',
    '協定先機関',
    '相手校',
    '相手先',
    '大学',
    '機関',
    'name',
    'institution',
    'institution name',
    'university',
    'partner',
    'partner institution',
    'partner university',
    '相手機関名',
    '相手方大学名',
    '相手方機関名',
    '相手大学名',
    '相手校名',
    '協定機関名',
    '協定相手',
    '交流協定校',
    'university / institutions',
    'university / institution',
    'institution / university',
    'universities',
    'institutions',
    'partner institutions',
    'partner universities',
    'name of institution',
    'name of university',
    'university name',
    'institute/university',
    'partner name',
    'name of partner',
    '締結先',
    '締結先機関',
    '締結校',
    'name of school',
    'school name',
    'english name of school',
    'english name of university',
    'name of the institution',
    'name of partner institution',
    'host institution',
    '學校名稱',
    '学校名称',
    '姊妹校',
    '姐妹校',
    '合作院校',
  ],
  nameJa: [
    '大学名(和文)',
    '大学名(日本語)',
    '和文名',
    '日本語名',
    '機関名(和文)',
    '協定校名(和文)',
    '協定校(和文)',
    '協定先(和文)',
    'name ja',
    'name (ja)',
    'japanese name',
  ],
  nameEn: [
    '大学名(英文)',
    '大学名(英語)',
    '英文名',
    '英語名',
    '機関名(英文)',
    '協定校名(英文)',
    '協定校(英文)',
    '協定先(英文)',
    'name en',
    'name (en)',
    'english name',
  ],
  country: [
    '国・地域',
    '国・地域名',
    '国/地域',
    '国名',
    '国',
    '国地域',
    '国・地域名称',
    '相手国',
    '相手国・地域',
    '協定相手国',
    '所在国',
    'country',
    'country/region',
    'country or region',
    '地域・国名',
    '国名・地域名',
    '国・地域名(英語)',
    'countries',
    'country/area',
    'nation',
    'country / region',
    'country and region',
    '國家',
    '国家',
    '國家/地區',
    '国家/地区',
    'erasmus code',
  ],
  city: ['都市', '都市名', '所在地', '所在都市', 'city', 'town', 'location'],
  signed: [
    '締結日',
    '締結年月日',
    '協定締結日',
    '締結年月',
    '締結年',
    '協定日',
    '締結',
    'signed',
    'date',
    'signing date',
    'date signed',
    'date of signing',
    'agreement date',
    'since',
    'year concluded',
    'date of agreement',
    'date concluded',
    'date of conclusion',
    'concluded',
    'year of agreement',
    'year signed',
    '締結年度',
    'effective date',
    'date of effect',
    'effective from',
    'valid from',
    'start date',
    'date of signature',
    '簽約日期',
    '签约日期',
    '簽訂日期',
    '生效日期',
  ],
  department: [
    '部局',
    '部局名',
    '担当部局',
    '締結部局',
    '協定部局',
    '関係部局',
    '締結部局名',
    '締結母体',
    'department',
    'faculty',
    'tohoku department',
    'school / institute related',
    'school/institute',
    'related school',
    'faculty / school',
  ],
  waiver: [
    '授業料不徴収',
    '授業料等不徴収',
    '不徴収',
    '授業料',
    'waiver',
    'tuition waiver',
    'fee waiver',
    'tuition',
    'tuition exemption',
    'tuition fee exemption',
    'tuition fee waiver',
  ],
  expires: [
    '有効期限',
    '終了日',
    '満了日',
    '期限',
    '有効期間',
    'expires',
    'expiry',
    'expiry date',
    'end date',
    'valid until',
    'until',
    'date of expiry',
    'expiration date',
    'expiration',
    'valid till',
    'valid to',
    '到期日',
    '有效期限至',
  ],
  lat: ['緯度', 'lat', 'latitude'],
  lng: ['経度', 'lng', 'lon', 'long', 'longitude'],
  level: [
    '区分',
    '協定区分',
    '種別',
    '協定種別',
    '締結区分',
    'level',
    'agreement level',
    'category',
    'type of agreement',
    '層級',
    '层级',
    '締約層級',
    '合約層級',
  ],
  departmentSigned: ['締結母体(明記のない場合は大学)締結年月日', '締結母体・締結年月日', '締結部局・締結日'],
  area: ['地域', '地域名', '州', 'エリア', 'area', 'region', 'world region'],
  home: ['本学', '本学名', '日本側大学', '日本の大学', 'home', 'home university', 'home institution', 'japanese university'],
};

/**
 * Name headers that say "the partner" (相手機関名, 協定校名, partner …): beside one of them, a plain 大学名/university
 * column names the list's own university (a survey across universities), so it is read as `home`.
 */
const PARTNER_HEADERS = new Set(
  [
    '協定校',
    '協定校名',
    '協定大学',
    '協定大学名',
    '協定先',
    '協定先機関',
    '相手校',
    '相手先',
    '相手機関名',
    '相手方大学名',
    '相手方機関名',
    '相手大学名',
    '相手校名',
    '協定機関名',
    '協定相手',
    '交流協定校',
    'partner',
    'partner institution',
    'partner university',
    'partner institutions',
    'partner universities',
  ].map(foldForSearch),
);
const GENERIC_NAME_HEADERS = new Set(['大学名', '大学', '機関名', '機関', 'university', 'institution', 'name', 'institution name'].map(foldForSearch));

const FIELD_BY_HEADER: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => HEADER_NAMES[field].map((header) => [foldForSearch(header), field] as const)),
);

/** A header holding two facts: who signed (締結母体, 部局) and when (締結年月日). */
const TWO_FACTS = /(母体|部局).*(年月日|締結日)/;

/** The field a header cell names, or null. Footnote marks (`Tuition Exemption*`, ※) do not count. */
export function fieldOfHeader(cell: string): ImportField | null {
  const folded = foldForSearch(cell.replace(/[*＊※†♦★]+/g, ''));
  return FIELD_BY_HEADER.get(folded) ?? (TWO_FACTS.test(folded) ? 'departmentSigned' : null);
}

export interface ColumnMapping {
  /** 0-based column index. */
  index: number;
  /** The header as read; for a two-row header, "group / label" (協定校 / 和文). */
  header: string;
  field: ImportField | null;
}

export interface HeaderMapping {
  /** The header's (last) row number in the file (CSV: record number, 1-based; XLSX: the sheet's row number). */
  headerRow: number;
  /** 2 when a group row above it (merged cells: 協定校 over 和文 and 英文) is part of the header. */
  headerRows: 1 | 2;
  columns: ColumnMapping[];
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 20;
const NAME_FIELDS: readonly ImportField[] = ['name', 'nameJa', 'nameEn'];
/** Second-row labels that say which language a name column is in. */
const JAPANESE_LABELS = new Set(['和文', '日本語', '和名', '邦文', 'ja', 'japanese', 'jp'].map(foldForSearch));
const ENGLISH_LABELS = new Set(['英文', '英語', '英名', '欧文', 'en', 'english'].map(foldForSearch));

/**
 * The columns of one header row: each field taken by its first column only, except that a name header repeated
 * (a merged 協定校 cell over the Japanese and English names) gives its second column the English name.
 */
export function mapHeaderRow(cells: readonly string[]): ColumnMapping[] {
  return takeFirst(cells.map((header, index) => ({ index, header, field: fieldOfHeader(header) })));
}

function takeFirst(columns: ColumnMapping[]): ColumnMapping[] {
  const taken = new Set<ImportField>();
  const lastLabel = (header: string) => foldForSearch(header.split(' / ').pop() ?? header);
  const partnerNamed = columns.some((c) => c.field === 'name' && PARTNER_HEADERS.has(lastLabel(c.header)));
  return columns.map((column) => {
    let field = column.field;
    if (partnerNamed && field === 'name' && GENERIC_NAME_HEADERS.has(lastLabel(column.header))) field = 'home';
    if (field === 'name' && taken.has('name') && !taken.has('nameEn')) field = 'nameEn';
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return { ...column, field };
  });
}

/** A header cell under a group cell: what the two say together (締結 + 年月日, 協定校 + 和文, 所在地 + 都市). */
function combined(group: string, label: string): { header: string; field: ImportField | null } {
  if (!label || label === group) return { header: group, field: fieldOfHeader(group) };
  if (!group) return { header: label, field: fieldOfHeader(label) };
  const header = `${group} / ${label}`;
  const together = fieldOfHeader(`${group}(${label})`) ?? fieldOfHeader(`${group}${label}`);
  if (together) return { header, field: together };
  const folded = foldForSearch(label);
  if (NAME_FIELDS.includes(fieldOfHeader(group) as ImportField)) {
    if (JAPANESE_LABELS.has(folded)) return { header, field: 'nameJa' };
    if (ENGLISH_LABELS.has(folded)) return { header, field: 'nameEn' };
  }
  return { header, field: fieldOfHeader(label) };
}

/**
 * A header of two rows: each cell of `lower` read under the group cell above it. In a CSV a merged group cell is
 * its text followed by empty cells, so the group row's text runs on to the right over empty cells; a workbook's
 * merged cells are already filled (xlsx.ts).
 */
export function mapHeaderRows(upper: readonly string[], lower: readonly string[]): ColumnMapping[] {
  const width = Math.max(upper.length, lower.length);
  const columns: ColumnMapping[] = [];
  let group = '';
  for (let index = 0; index < width; index += 1) {
    const above = upper[index] ?? '';
    if (above) group = above;
    else if (!lower[index]) group = '';
    columns.push({ index, ...combined(above || group, lower[index] ?? '') });
  }
  return takeFirst(columns);
}

const fieldCount = (columns: readonly ColumnMapping[]) => columns.filter((c) => c.field).length;
const hasName = (columns: readonly ColumnMapping[]) => columns.some((c) => c.field && NAME_FIELDS.includes(c.field));

/**
 * The header: among the first rows, the row (or pair of rows, a group row above the labels) naming the most fields,
 * with a name column; the first such on a tie, a single row before a pair. Null if no row names a name column and
 * another field.
 */
export function findHeader(rows: readonly { number: number; cells: readonly string[] }[]): HeaderMapping | null {
  let best: HeaderMapping | null = null;
  let bestScore = 1;
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  head.forEach((row, i) => {
    const single = mapHeaderRow(row.cells);
    const above = head[i - 1];
    const double = above && above.number === row.number - 1 ? mapHeaderRows(above.cells, row.cells) : null;
    for (const [columns, headerRows] of [
      [single, 1],
      [double, 2],
    ] as const) {
      if (!columns || !hasName(columns)) continue;
      const score = fieldCount(columns);
      if (score > bestScore) [best, bestScore] = [{ headerRow: row.number, headerRows, columns }, score];
    }
  });
  return best;
}
