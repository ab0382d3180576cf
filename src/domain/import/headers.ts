// Which column holds what: header cells in Japanese or English matched to the importer's fields, and the header row
// found below any title rows by how many fields it names. The mapping is returned so that a person can correct it.
import { foldForSearch } from '../search';

export const IMPORT_FIELDS = ['name', 'nameJa', 'nameEn', 'country', 'city', 'signed', 'department', 'waiver', 'expires', 'lat', 'lng'] as const;
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
  ],
  nameJa: ['大学名(和文)', '大学名(日本語)', '和文名', '日本語名', '機関名(和文)', 'name ja', 'name (ja)', 'japanese name'],
  nameEn: ['大学名(英文)', '大学名(英語)', '英文名', '英語名', '機関名(英文)', 'name en', 'name (en)', 'english name'],
  country: ['国・地域', '国・地域名', '国/地域', '国名', '国', '国地域', '国・地域名称', 'country', 'country/region', 'country or region', 'nation'],
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
  ],
  department: ['部局', '部局名', '担当部局', '締結部局', '協定部局', 'department', 'faculty', 'tohoku department'],
  waiver: ['授業料不徴収', '授業料等不徴収', '不徴収', '授業料', 'waiver', 'tuition waiver', 'fee waiver', 'tuition'],
  expires: ['有効期限', '終了日', '満了日', '期限', '有効期間', 'expires', 'expiry', 'expiry date', 'end date', 'valid until', 'until'],
  lat: ['緯度', 'lat', 'latitude'],
  lng: ['経度', 'lng', 'lon', 'long', 'longitude'],
};

const FIELD_BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const header of HEADER_NAMES[field]) FIELD_BY_HEADER.set(foldForSearch(header), field);

/** The field a header cell names, or null. */
export function fieldOfHeader(cell: string): ImportField | null {
  return FIELD_BY_HEADER.get(foldForSearch(cell)) ?? null;
}

export interface ColumnMapping {
  /** 0-based column index. */
  index: number;
  header: string;
  field: ImportField | null;
}

export interface HeaderMapping {
  /** The header's row number in the file (CSV: record number, 1-based; XLSX: the sheet's row number). */
  headerRow: number;
  columns: ColumnMapping[];
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 20;
const NAME_FIELDS: readonly ImportField[] = ['name', 'nameJa', 'nameEn'];

/**
 * The columns of one header row: each field taken by its first column only, except that a name header repeated
 * (a merged 協定校 cell over the Japanese and English names) gives its second column the English name.
 */
export function mapHeaderRow(cells: readonly string[]): ColumnMapping[] {
  const taken = new Set<ImportField>();
  return cells.map((header, index) => {
    let field = fieldOfHeader(header);
    if (field === 'name' && taken.has('name') && !taken.has('nameEn')) field = 'nameEn';
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return { index, header, field };
  });
}

/** The header row: among the first rows, the first naming the most fields, with a name column; null if none does. */
export function findHeader(rows: readonly { number: number; cells: readonly string[] }[]): HeaderMapping | null {
  let best: HeaderMapping | null = null;
  let bestScore = 1;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = mapHeaderRow(row.cells);
    const fields = columns.flatMap((c) => (c.field ? [c.field] : []));
    if (!fields.some((f) => NAME_FIELDS.includes(f))) continue;
    if (fields.length > bestScore) [best, bestScore] = [{ headerRow: row.number, columns }, fields.length];
  }
  return best;
}
