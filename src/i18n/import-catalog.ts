// The messages of "Open your list" (src/ui/panels/import/), loaded with the dialog rather than with the page:
// the import is rarely used, and the first download stays small. Registered by the dialog (messages.ts, addMessages).
import type { RejectCode } from '../domain/import/types';
import type { Lang } from '../domain/schema';

export const IMPORT_CATALOG = {
  importTitle: { ja: '協定一覧の読み込み', en: 'Open a list of agreements' },
  importHint: {
    ja: 'CSV・TSV・Excel(.xlsx)の一覧を選ぶか、ページに放してください。大学名・国・地域・締結日などの列を見出しから読み取ります。ファイルはこのブラウザの外へ送られません。',
    en: 'Choose a CSV, TSV or Excel (.xlsx) list, or drop it on the page. Columns such as name, country and signed are found by their headers. The file does not leave this browser.',
  },
  importFile: { ja: 'ファイル', en: 'File' },
  importFilesHint: {
    ja: '{n, number}個のファイルを一つの地図にします。ファイルごとに、どの大学の一覧かを確かめてください。',
    en: 'The {n, number} files become one atlas: check whose list each file is.',
  },
  importTotal: {
    ja: '合計：{files, number}ファイル、{rows, number}行、協定{agreements, number}件、大学{homes, number}校の一覧(読み込めない行 {rejected, number})',
    en: 'In all: {files, number} files, {rows, plural, one {# row} other {# rows}}, {agreements, plural, one {# agreement} other {# agreements}} of {homes, plural, one {# university} other {# universities}} (rejected: {rejected, number})',
  },
  importPhase_reading: { ja: 'ファイルを読んでいます…', en: 'Reading the file…' },
  importPhase_cities: { ja: '都市の位置データを読み込んでいます…', en: 'Loading the city gazetteer…' },
  importPhase_mapping: { ja: '{done, number} / {total, number}行', en: 'Rows read: {done, number} of {total, number}' },
  importProgressLabel: { ja: '読み込みの進み具合', en: 'Reading progress' },
  importCancel: { ja: '中止', en: 'Cancel' },
  importCancelled: { ja: '読み込みを中止しました。', en: 'Reading stopped.' },
  importSummary: {
    ja: '{rows, number}行：地図上に配置 {placed, number}、国の中央に仮配置 {approximate, number}、読み込めない行 {rejected, number}',
    en: '{rows, plural, one {# row} other {# rows}} — placed: {placed, number}; approximate (country centre): {approximate, number}; rejected: {rejected, number}',
  },
  importByCity: {
    ja: '都市名から配置：{n, number}行(人口1万5千人以上の都市)',
    en: 'Placed by their city: {n, plural, one {# row} other {# rows}} (cities of 15,000 people or more)',
  },
  importAmbiguousTitle: {
    ja: '同じ名前の都市が国内に複数あり、人口の最も多い都市に置いた行：{n, number}',
    en: 'City names that several cities of the country share, placed at the most populous: {n, plural, one {# row} other {# rows}}',
  },
  importAmbiguousRow: {
    ja: '{row, number}行目：{city}({country})、同名の都市 {candidates, number}',
    en: 'Row {row, number}: {city} ({country}), {candidates, plural, one {# city} other {# cities}} of that name',
  },
  importCitiesUnavailable: {
    ja: '都市の位置データを読み込めなかったため、都市名では配置していません(国の中央に仮配置)。',
    en: 'The city gazetteer could not be loaded: rows were not placed by their city (pinned at the middle of their country).',
  },
  importWithEndDate: {
    ja: '有効期限のある協定：{n, number}件(年表で「各年に有効な協定」を選べます)',
    en: 'Agreements with an end date: {n, number} (the timeline can show the agreements active in each year)',
  },
  importProblemsTitle: { ja: '読み込めない行', en: 'Rows not read' },
  importProblem: { ja: '{row, number}行目：{reason}', en: 'Row {row, number}: {reason}' },
  importProblemValue: { ja: '{row, number}行目：{reason}({value})', en: 'Row {row, number}: {reason} ({value})' },
  importMoreRows: { ja: 'ほか{n, number}行', en: 'and {n, plural, one {# more row} other {# more rows}}' },
  importReason_noName: { ja: '大学名がありません', en: 'no institution name' },
  importReason_noCountry: { ja: '国・地域がありません', en: 'no country' },
  importReason_unknownCountry: { ja: '国・地域がわかりません', en: 'unknown country' },
  importReason_unresolvedCountry: {
    ja: '国・地域の欄が空で、上の行の国とは限りません(大学名からも判断できません)。国・地域を書き入れてください',
    en: 'the country cell is blank and the row above may not be its country (its name does not tell): fill it in',
  },
  importReason_dayOrder: {
    ja: '日と月の順序がわかりません(03/04/2017)。下で選んでください',
    en: 'day and month order unknown (03/04/2017): choose it below',
  },
  importReason_impossibleDate: { ja: '存在しない日付です', en: 'not a calendar date' },
  importReason_unreadableDate: { ja: '日付を読み取れません', en: 'unreadable date' },
  importReason_afterAsOf: { ja: '一覧の時点より後の日付です', en: "date after the list's month" },
  importReason_impossibleExpiry: { ja: '有効期限が存在しない日付です', en: 'the end date is not a calendar date' },
  importReason_unreadableExpiry: { ja: '有効期限を読み取れません', en: 'unreadable end date' },
  importReason_expiresBeforeSigned: { ja: '有効期限が締結日より前です', en: 'ends before it was signed' },
  importReason_badCoordinates: { ja: '緯度・経度が範囲外か読み取れません', en: 'latitude/longitude out of range or unreadable' },
  importReason_noPosition: {
    ja: 'この国・地域の位置がわかりません(緯度・経度の列を加えてください)',
    en: 'no position known for this country (add lat/lng columns)',
  },
  importReason_tooLong: { ja: '長すぎるセルがあります', en: 'a cell is too long' },
  importFailed: { ja: '読み込めませんでした：{error}', en: 'The file could not be read: {error}' },
  importError_empty: { ja: 'ファイルが空です。', en: 'The file is empty.' },
  importError_xls: {
    ja: '古い形式のExcelファイル(.xls)は読めません。.xlsx か CSV で保存し直してください。',
    en: 'An old Excel file (.xls) cannot be read: save it as .xlsx or CSV.',
  },
  importEncoding: { ja: '文字コード', en: 'Text encoding' },
  importEncoding_utf8: { ja: 'UTF-8', en: 'UTF-8' },
  importEncoding_shiftJis: { ja: 'Shift_JIS(Windows)', en: 'Shift_JIS (Windows)' },
  importEncoding_utf16le: { ja: 'UTF-16 LE(Excelの「Unicode テキスト」)', en: 'UTF-16 LE (Excel\'s "Unicode text")' },
  importEncoding_utf16be: { ja: 'UTF-16 BE', en: 'UTF-16 BE' },
  importNote_unbalancedQuote: {
    ja: '{row, number}行目：閉じていない引用符(")があったため、そのまま文字として読みました',
    en: 'Row {row, number}: an unbalanced quote (") was read as text',
  },
  importNote_replacedBytes: {
    ja: '{row, number}行目：この文字コードにない文字を「�」に置き換えました',
    en: 'Row {row, number}: bytes not in this encoding were replaced by "�"',
  },
  importNote_coordinatesSwapped: {
    ja: '{row, number}行目：緯度と経度が入れ替わっていたため、入れ替えて置きました',
    en: 'Row {row, number}: latitude and longitude swapped (placed with them swapped back)',
  },
  importNote_coordinatesOutside: {
    ja: '{row, number}行目：座標が{country}の外にあるため使わず、名前・都市・国から置きました',
    en: 'Row {row, number}: coordinates outside {country} (not used: placed by its name, city or country)',
  },
  importError_encrypted: {
    ja: 'パスワードで保護されたブックは読めません。パスワードを外したコピーを保存して開いてください。',
    en: 'A workbook protected by a password cannot be read: save a copy without the password and open that.',
  },
  importError_tooBig: {
    ja: 'このブックは展開すると大きすぎます(上限 {megabytes, number} MB)。協定の一覧にしては大きすぎるため、読むのをやめました。',
    en: 'This workbook expands past {megabytes, number} MB, more than any list of agreements, so it was not read.',
  },
  importError_tooManyCells: {
    ja: 'シートの行かセルが多すぎます(上限 {rows, number} 行・{cells, number} セル)。一覧の部分だけを別のファイルに保存してください。',
    en: 'The sheet holds too many rows or cells (at most {rows, number} rows and {cells, number} cells): save the list alone in a file of its own.',
  },
  importError_tooLong: {
    ja: '{row, number} 行目に長すぎるセルがあります(上限 {limit, number} 文字)。一覧のファイルか確かめてください。',
    en: 'Row {row, number} has a cell longer than {limit, number} characters: is this the list of agreements?',
  },
  importError_xlsx: { ja: 'Excelファイル(.xlsx)として読めませんでした。', en: 'The file could not be read as an Excel workbook (.xlsx).' },
  importNoHeader: {
    ja: '見出しの行が見つかりません。下で、大学名と国・地域の列を選んでください(1行目を見出しとして読みます)。',
    en: 'No header row was found. Choose the name and country columns below (the first row is read as the header).',
  },
  importColumns: { ja: '列の対応', en: 'Columns' },
  importColumnsHint: {
    ja: '見出しから読み取った列です。違っていれば選び直してください。選ぶと読み直します。',
    en: 'The columns as read from the header. Where one is wrong, choose another: the list is read again.',
  },
  importHeaderRow: { ja: '見出し：{row, number}行目', en: 'Header: row {row, number}' },
  importHeaderRows: { ja: '見出し：{first, number}〜{row, number}行目', en: 'Header: rows {first, number}–{row, number}' },
  importColumnUnused: { ja: '使わない', en: 'Not used' },
  importColumnOption: { ja: '{letter}列：{header}', en: 'Column {letter}: {header}' },
  importColumnOptionBlank: { ja: '{letter}列', en: 'Column {letter}' },
  importField_name: { ja: '大学名', en: 'Name' },
  importField_nameJa: { ja: '大学名(和文)', en: 'Name (Japanese)' },
  importField_nameEn: { ja: '大学名(英文)', en: 'Name (English)' },
  importField_country: { ja: '国・地域', en: 'Country/region' },
  importField_city: { ja: '都市', en: 'City' },
  importField_signed: { ja: '締結日', en: 'Signed' },
  importField_department: { ja: '部局', en: 'Department' },
  importField_waiver: { ja: '授業料不徴収', en: 'Tuition waiver' },
  importField_expires: { ja: '有効期限', en: 'Expires' },
  importField_lat: { ja: '緯度', en: 'Latitude' },
  importField_lng: { ja: '経度', en: 'Longitude' },
  importField_level: { ja: '区分(大学間・部局間)', en: 'Level (university-wide or department)' },
  importField_departmentSigned: { ja: '締結部局と締結日', en: 'Department and date signed' },
  importField_area: { ja: '地域(州)', en: 'Area (world region)' },
  importField_home: { ja: '本学(一覧の大学)', en: "Home university (the list's own)" },
  importApply: { ja: 'この一覧を地図に表示', en: 'Show this list on the atlas' },
  importApplying: { ja: '保存しています…', en: 'Saving…' },
  importReset: { ja: '元の一覧に戻す', en: 'Back to the built-in list' },
  importShowing: { ja: '読み込んだ一覧を表示中：{file}', en: 'Showing your list: {file}' },
  importSkippedTitle: { ja: '見出し・注記の行(協定としては数えません)：{n, number}', en: 'Heading and note rows (not counted as agreements): {n, number}' },
  importSkippedRow: { ja: '{row, number}行目：{text}', en: 'Row {row, number}: {text}' },
  importInferredTitle: { ja: '読み取りで補ったこと', en: 'What was inferred' },
  importFilled_country: { ja: '国・地域の空欄を上の行から補った：{n, number}行', en: 'Blank country cells filled from the row above: {n, number}' },
  importFilled_area: { ja: '地域の空欄を上の行から補った：{n, number}行', en: 'Blank area cells filled from the row above: {n, number}' },
  importFilled_level: { ja: '区分の空欄を上の行から補った：{n, number}行', en: 'Blank level cells filled from the row above: {n, number}' },
  importFilled_department: { ja: '部局の空欄を上の行から補った：{n, number}行', en: 'Blank department cells filled from the row above: {n, number}' },
  importFilled_name: {
    ja: '大学名の空欄(結合セル)を上の行から補った：{n, number}行',
    en: 'Blank name cells (merged over several agreements) filled from the row above: {n, number}',
  },
  importCountryByName: {
    ja: '国・地域の空欄を大学名から判断した：{n, number}行',
    en: 'Blank country cells told by the partner’s name: {n, number}',
  },
  importLevelsFromColumn: {
    ja: '大学間・部局間を区分の列から読んだ：{n, number}行',
    en: 'Levels (university-wide or department) read from a column: {n, number}',
  },
  importDayOrder_dmy: { ja: '日付は「日/月/年」の順と判断した', en: 'Dates read day first (31/03/2017)' },
  importDayOrder_mdy: { ja: '日付は「月/日/年」の順と判断した', en: 'Dates read month first (03/31/2017)' },
  importDayOrderAsk: { ja: '日付の日と月の順序：', en: 'Day and month order of the dates:' },
  importDayOrderChoose_dmy: { ja: '日/月/年', en: 'Day first' },
  importDayOrderChoose_mdy: { ja: '月/日/年', en: 'Month first' },
  importUndatedAsk: {
    ja: '日付を読み取れない行が{n, number}行あります。',
    en: '{n, plural, one {# row has} other {# rows have}} a date that cannot be read.',
  },
  importUndatedKeep: { ja: '日付なしで読み込む', en: 'Keep them undated' },
  importUndatedDrop: { ja: '読み込まない', en: 'Leave them out' },
  importHomeGuess: { ja: '一覧の大学(本学)：{home}', en: 'The list’s own university: {home}' },
  importAmbiguousInstitutionsTitle: {
    ja: '複数の機関にあてはまる名前(国の中か都市に置いた)：{n, number}',
    en: 'Names that fit several institutions (placed by city or country): {n, number}',
  },
  importCountryCorrectionsTitle: {
    ja: '名前から国を訂正した行：{n, number}',
    en: 'Rows whose country was corrected from the name: {n, number}',
  },
  importCountryCorrectionRow: {
    ja: '{row, number}行目：{name}　国を訂正：{from} → {to}(名前から)',
    en: 'Row {row, number}: {name}: country corrected: {from} → {to}, from the name',
  },
  importAmbiguousInstitutionRow: { ja: '{row, number}行目：{name}({candidates})', en: 'Row {row, number}: {name} ({candidates})' },
  importFirstRows: { ja: '先頭の行：', en: 'The first rows:' },
  importPaste: { ja: '表を貼り付け', en: 'Paste a table' },
  importPasteHint: {
    ja: 'ウェブページや表計算ソフトからコピーした表をここに貼り付けてください(Ctrl+V / ⌘V)。',
    en: 'Paste a table copied from a web page or a spreadsheet here (Ctrl+V / ⌘V).',
  },
  importPasteRead: { ja: '貼り付けた表を読む', en: 'Read the pasted table' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The message of each reject reason: the page and the command line word them from here (English for the command line). */
export const REJECT_REASON_KEYS = {
  'no-name': 'importReason_noName',
  'no-country': 'importReason_noCountry',
  'unknown-country': 'importReason_unknownCountry',
  'unresolved-country': 'importReason_unresolvedCountry',
  'impossible-date': 'importReason_impossibleDate',
  'unreadable-date': 'importReason_unreadableDate',
  'day-order': 'importReason_dayOrder',
  'after-as-of': 'importReason_afterAsOf',
  'impossible-expiry': 'importReason_impossibleExpiry',
  'unreadable-expiry': 'importReason_unreadableExpiry',
  'expires-before-signed': 'importReason_expiresBeforeSigned',
  'bad-coordinates': 'importReason_badCoordinates',
  'no-position': 'importReason_noPosition',
  'too-long': 'importReason_tooLong',
} as const satisfies Record<RejectCode, keyof typeof IMPORT_CATALOG>;

/** A rejected row's reason in a language, with the cell's value when there is one (the command line: English). */
export function rejectReasonText(lang: Lang, reason: RejectCode, value: string): string {
  const words = IMPORT_CATALOG[REJECT_REASON_KEYS[reason]][lang];
  return value ? `${words} (${value})` : words;
}
