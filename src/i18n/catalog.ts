// Every UI message in Japanese and English, in ICU syntax (see message-format.ts). Names, titles and dates of the
// dataset are parameters, never typed here: the atlas must work for another university's list.
import type { Lang } from '../domain/schema';
import { HOMES_MESSAGES } from './homes-catalog';
import { SCOPE_MESSAGES } from './scope-catalog';

const AGREEMENTS_EN = '{n, plural, one {# agreement} other {# agreements}}';
const INSTITUTIONS_EN = '{n, plural, one {# institution} other {# institutions}}';

export const CATALOG = {
  ...SCOPE_MESSAGES,
  ...HOMES_MESSAGES,
  // Page
  datasetSubtitle: { ja: '学術交流協定 ({asOf, date, yearMonth}現在)', en: 'International exchange agreements, as of {asOf, date, yearMonth}' },
  skipLinks: { ja: 'スキップリンク', en: 'Skip links' },
  skipToResults: { ja: '結果一覧へスキップ', en: 'Skip to results' },
  skipToMap: { ja: '地図へスキップ', en: 'Skip to map' },
  skipToTimeline: { ja: '年表へスキップ', en: 'Skip to timeline' },
  language: { ja: '言語', en: 'Language' },
  aboutData: { ja: 'データについて', en: 'About the data' },
  close: { ja: '閉じる', en: 'Close' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  views: { ja: '表示の切り替え', en: 'Views' },
  tabMap: { ja: '地図', en: 'Map' },
  showResults: { ja: '結果を表示：{n, number}機関', en: 'Show {n, plural, one {# institution} other {# institutions}}' },

  // Counts: every number on screen says what it counts
  agreements: { ja: '協定', en: 'Agreements' },
  institutions: { ja: '機関', en: 'Institutions' },
  countries: { ja: '国・地域', en: 'Countries/regions' },
  agreementsCount: { ja: '協定 {n, number} 件', en: AGREEMENTS_EN },
  institutionsCount: { ja: '{n, number} 機関', en: INSTITUTIONS_EN },
  summaryCounts: {
    ja: '協定 {agreements, number} 件 · {institutions, number} 機関 · {countries, number} か国・地域',
    en: '{agreements, plural, one {# agreement} other {# agreements}} · {institutions, plural, one {# institution} other {# institutions}} · {countries, plural, one {# country/region} other {# countries/regions}}',
  },

  // Filters
  filters: { ja: '絞り込み', en: 'Filters' },
  facetCountsHint: { ja: '数字は、ほかの条件に合う協定の件数です。', en: 'Numbers count the agreements that match the other filters.' },
  selectedCount: { ja: '{n, number} 件選択中', en: '{n, number} selected' },
  level: { ja: '協定の種類', en: 'Agreement level' },
  levelAll: { ja: 'すべて', en: 'All' },
  levelUniversity: { ja: '大学間協定', en: 'University-wide' },
  levelDepartment: { ja: '部局間協定', en: 'Department-level' },
  department: { ja: '部局', en: 'Department' },
  departmentHint: {
    ja: '部局を選ぶと、その部局の部局間協定と、全学生が対象の大学間協定が表示されます。',
    en: "Choosing a department shows its department-level agreements plus the university-wide ones, which are open to every department's students.",
  },
  departmentFacetCount: { ja: '{own, number} + {shared, number}', en: '{own, number} + {shared, number}' },
  departmentFacetLabel: {
    ja: 'この部局の協定 {own, number} 件 + 全学生が対象の大学間協定 {shared, number} 件',
    en: '{own, plural, one {# agreement} other {# agreements}} of its own + {shared, plural, one {# university-wide agreement} other {# university-wide agreements}} open to all students',
  },
  // The hint above (departmentHint) already says what choosing a department shows; this one only reads the numbers.
  departmentFacetHint: {
    ja: '数字は「部局の協定 + 大学間協定」の件数です。',
    en: "Numbers read “the department's own + university-wide” agreements.",
  },
  graduateSchools: { ja: '研究科・学部', en: 'Graduate schools and faculties' },
  institutes: { ja: '研究所・センター', en: 'Institutes and centres' },
  region: { ja: '地域', en: 'Region' },
  country: { ja: '国・地域', en: 'Country/region' },
  waiverOnly: { ja: '授業料等不徴収の協定のみ', en: 'Tuition waiver only' },
  waiverHint: {
    ja: '交換留学生の授業料を相互に徴収しない協定(一覧の記載による)。',
    en: 'Agreements under which exchange students pay no tuition, as the list marks them.',
  },
  search: { ja: '機関名で検索', en: 'Search institutions' },
  /** Examples from the dataset's own partners (dataset-texts.ts, searchExamples). */
  searchPlaceholder: { ja: '例: {examples}', en: 'e.g. {examples}' },
  resetAll: { ja: 'すべてリセット', en: 'Reset all' },
  activeFilters: { ja: '適用中の条件', en: 'Active filters' },
  removeFilterNamed: { ja: '条件を外す: {filter}', en: 'Remove filter: {filter}' },
  signedYearsChip: { ja: '締結年 {from, year}–{to, year}', en: 'Signed {from, year}–{to, year}' },
  queryChip: { ja: '「{query}」', en: '“{query}”' },

  // Results
  results: { ja: '結果一覧', en: 'Results' },
  sortBy: { ja: '並び順', en: 'Sort by' },
  sortName: { ja: '名前', en: 'Name' },
  sortDate: { ja: '締結日', en: 'Date' },
  sortRelevance: { ja: '検索に近い順', en: 'Best match' },
  matchAcronym: { ja: '略称: {text}', en: 'Acronym: {text}' },
  matchOtherName: { ja: '別名: {text}', en: 'Also known as: {text}' },
  matchName: { ja: '名称: {text}', en: 'Name: {text}' },
  matchCity: { ja: '都市: {text}', en: 'City: {text}' },
  matchUnit: { ja: '協定の相手部局: {text}', en: 'Partner unit: {text}' },
  matchCountry: { ja: '国・地域: {text}', en: 'Country/region: {text}' },
  matchRegion: { ja: '地域: {text}', en: 'Region: {text}' },
  matchNear: { ja: '「{term}」に近い表記: {closeTo}', en: 'Closest to “{term}”: {closeTo}' },
  noResultsForSearch: { ja: '「{query}」に合う協定は、この条件では見つかりません。', en: 'Nothing matches “{query}” with these filters.' },
  showMoreInstitutions: { ja: 'さらに表示 (残り {n, number} 機関)', en: '{n, plural, one {Show # more institution} other {Show # more institutions}}' },
  noResults: { ja: '条件に合う協定はありません。', en: 'No agreement matches these filters.' },
  placeFirstSigned: { ja: '{city} · {signed, date}締結', en: '{city} · signed {signed, date}' },
  placeFirstSignedYear: { ja: '{city} · {year, year}年締結', en: '{city} · signed {year, year}' },
  placeFirstSignedMonth: { ja: '{city} · {month, date, yearMonth}締結', en: '{city} · signed {month, date, yearMonth}' },
  cardPlacedAtCountry: {
    ja: '国の中央に置いています：一覧に都市が書かれておらず、所在地がわかりません',
    en: "Placed at the country's centre: the city is not known",
  },
  cardPlaceCountryOnly: { ja: '所在地: {country}(都市は不明)', en: 'Country: {country} (city not known)' },
  departmentAgreementsTag: {
    ja: '部局間協定 {n, number} 件',
    en: '{n, plural, one {# department-level agreement} other {# department-level agreements}}',
  },

  // Institution card
  cardAsOf: { ja: '{asOf, date, yearMonth}現在の一覧による', en: 'As listed in {asOf, date, yearMonth}' },
  identificationCertain: { ja: '同定: 確認済み', en: 'Identification confirmed' },
  identificationProbable: { ja: '同定: 推定', en: 'Identification probable' },
  identificationUncertain: { ja: '同定: 不確か', en: 'Identification uncertain' },
  cardOpenVia: { ja: '{department}の学生: 対象です({via})。', en: 'Open to {department} students: yes, through {via}.' },
  cardClosed: {
    ja: '{department}の学生: この機関との協定は他部局の部局間協定のみです。',
    en: "Open to {department} students: no, this institution's agreements belong to other departments.",
  },
  viaUniversity: { ja: '大学間協定', en: 'the university-wide agreement' },
  viaOwn: { ja: 'この部局の部局間協定', en: "the department's own agreement" },
  viaBoth: { ja: '大学間協定と、この部局の部局間協定', en: "the university-wide agreement and the department's own" },
  cardWaived: { ja: '大学間協定により授業料は不徴収です。', en: 'Tuition is waived under the university-wide agreement.' },
  cardNotWaived: { ja: '授業料不徴収の対象ではありません。', en: 'No tuition waiver.' },
  cardForEveryone: { ja: '全学生が対象', en: "Open to every department's students" },
  cardForDepartment: { ja: '{department}の学生が対象', en: "For {department}'s students" },
  cardPlace: { ja: '所在地: {city}、{country}', en: 'City: {city}, {country}' },
  universityWide: { ja: '大学間協定', en: 'University-wide agreement' },
  departmentLevel: { ja: '部局間協定', en: 'Department-level agreement' },
  cardSigned: { ja: '締結日: {signed, date}', en: 'Signed: {signed, date}' },
  cardUndated: { ja: '締結日: 記載なし', en: 'Signed: no date given' },
  waiver: { ja: '授業料等不徴収', en: 'Tuition waiver' },
  noWaiver: { ja: '授業料不徴収の対象外', en: 'No tuition waiver' },
  groupAgreementSize: {
    ja: '(この協定の対象は {n, number} 機関)',
    en: '({n, plural, one {# institution} other {# institutions}} in this agreement)',
  },
  cardDepartment: { ja: '部局: {department}', en: 'Department: {department}' },
  cardPartnerUnit: { ja: '相手先部局: {unit}', en: 'Partner unit: {unit}' },
  wholeInstitution: { ja: '機関全体', en: 'Whole institution' },
  universityWideMeans: {
    ja: '大学間協定は{home}の全学部・研究科の学生が利用できます。',
    en: 'A university-wide agreement is open to students of every {home} faculty and graduate school.',
  },
  universityWideMeansNetwork: {
    ja: '大学間協定は、締結した大学の全学部・研究科の学生が利用できます。',
    en: 'A university-wide agreement is open to students of every faculty and graduate school of the university that signed it.',
  },
  departmentLevelMeans: {
    ja: '部局間協定はその部局の学生のみが対象です。',
    en: 'A department-level agreement is open only to students of that department.',
  },
  seedLine: { ja: '資料の {line, number} 行目:', en: 'Source line {line, number}:' },

  // Country details
  clearCountry: { ja: '国・地域の選択を解除', en: 'Clear country selection' },
  countryCounts: {
    ja: '大学間協定 {university, number} 件 · 部局間協定 {department, number} 件 · {institutions, number} 機関',
    en: '{university, plural, one {# university-wide agreement} other {# university-wide agreements}} · {department, plural, one {# department-level agreement} other {# department-level agreements}} · {institutions, plural, one {# institution} other {# institutions}}',
  },

  // Timeline
  timeline: { ja: '締結年の推移', en: 'Agreements by year' },
  yearBrush: {
    ja: '期間。ドラッグで期間を選択。ハンドルは←→で移動、Shift+←→で幅を変更。',
    en: 'Years. Drag to choose years. Arrow keys move the range, Shift+arrows resize it.',
  },
  yearRangeValue: { ja: '期間: {from, year}–{to, year}', en: 'Years: {from, year}–{to, year}' },
  yearSpan: { ja: '{from, year}年から{to, year}年', en: '{from, year} to {to, year}' },
  resetYears: { ja: '期間をリセット', en: 'Reset years' },
  undatedBucket: { ja: '日付なし', en: 'Undated' },
  undatedHidden: {
    ja: '日付のない(部局間)協定 {n, number} 件は、期間指定中は表示されません',
    en: '{n, plural, one {# undated (department-level) agreement is hidden while a year range is set} other {# undated (department-level) agreements are hidden while a year range is set}}',
  },
  cumulative: { ja: '累計の協定機関数', en: 'Cumulative partner institutions' },
  perYear: { ja: 'その年に締結された協定', en: 'Agreements signed that year' },
  perYearActive: { ja: 'その年に有効な協定', en: 'Agreements in force that year' },
  timelineActive: { ja: '各年に有効な協定', en: 'Agreements in force each year' },
  partnersActive: { ja: '有効な協定のある協定機関数', en: 'Partner institutions with an agreement in force' },
  yearBarCountActive: {
    ja: '{year, year}年：有効な協定 {n, number}件',
    en: '{year, year}: {n, plural, one {# agreement} other {# agreements}} in force',
  },
  yearBasis: { ja: '年の数え方', en: 'Years show' },
  yearBasisSigned: { ja: '締結年', en: 'Signed by year' },
  yearBasisActive: { ja: '各年に有効', en: 'Active in year' },
  allData: { ja: '全データの協定', en: 'Agreements, all data' },
  tableAlternative: { ja: '年別の表', en: 'Table by year' },
  year: { ja: '年', en: 'Year' },
  legend: { ja: '凡例', en: 'Legend' },
  yearBarCount: { ja: '{year, year}年：{n, number}件の協定', en: '{year, year}: {n, plural, one {# agreement} other {# agreements}}' },
  undatedBucketCount: { ja: '日付なし：{n, number}件', en: 'Undated: {n, plural, one {# agreement} other {# agreements}}' },
  undatedNotInPlayback: { ja: '再生の対象外', en: 'Not in playback' },
  undatedBucketNotInPlayback: {
    ja: '日付なし：{n, number}件(再生の対象外)',
    en: 'Undated: {n, plural, one {# agreement} other {# agreements}} (not part of playback)',
  },

  // About
  aboutSource: {
    ja: '出典: {source}。{asOf, date, yearMonth}現在、大学間協定 {university, number} 件 ({universityCountries, number} か国・地域 {universityInstitutions, number} 機関) と部局間協定 ({departmentCountries, number} か国・地域 {departmentInstitutions, number} 機関)。',
    en: 'Source: {source}. As of {asOf, date, yearMonth}: {university, plural, one {# university-wide agreement} other {# university-wide agreements}} ({universityInstitutions, plural, one {# institution} other {# institutions}}, {universityCountries, plural, one {# country/region} other {# countries/regions}}) and department-level agreements ({departmentInstitutions, plural, one {# partner} other {# partners}}, {departmentCountries, plural, one {# country/region} other {# countries/regions}}).',
  },
  correctionsSummary: {
    ja: '修正 {n, number} 件 · データは{asOf, date, yearMonth}現在',
    en: '{n, plural, one {# correction} other {# corrections}} · data as of {asOf, date, yearMonth}',
  },
  correctionLine: { ja: '行', en: 'Line' },
  englishOnly: { ja: '英語のみ', en: 'English only' },
  correctionText: { ja: '資料の記載', en: 'Source text' },
  correctionKind: { ja: '種類', en: 'Kind' },
  correctionDecision: { ja: '判断', en: 'Decision' },
  correctionReason: { ja: '理由', en: 'Reason' },
  correctionKindCountry: { ja: '国の修正', en: 'Country moved' },
  correctionKindHeader: { ja: '見出しの補完・修正', en: 'Header inferred/fixed' },
  correctionKindDepartment: { ja: '部局の移動', en: 'Department moved' },
  correctionKindDuplicate: { ja: '重複の除去', en: 'Duplicate removed' },
  correctionKindSpelling: { ja: '表記の修正', en: 'Spelling corrected' },
  correctionKindSplit: { ja: '分割の判断', en: 'Split' },
  correctionKindCount: { ja: '件数の差', en: 'Count difference' },
  correctionKindOther: { ja: 'その他', en: 'Other' },

  // Errors
  mapUnavailable: {
    ja: 'このブラウザでは操作できる地図を描けません(WebGLがオフか使えません)。下の静的な地図に同じ件数を示しています。一覧・年表・絞り込みは引き続き使えます。',
    en: 'This browser cannot draw the interactive map (WebGL is off or unavailable). The static map below shows the same counts; the list, timeline and filters still work.',
  },
  datasetError: { ja: 'データを読み込めませんでした', en: 'The dataset could not be loaded' },
  tryAgain: { ja: '再試行', en: 'Try again' },
  updateReady: { ja: '新しい版のアトラスがあります。', en: 'A new version of the atlas is available.' },
  updateReload: { ja: '再読み込み', en: 'Reload' },
  updateLater: { ja: '後で', en: 'Later' },
  panelErrorDetail: { ja: 'この部分を表示できませんでした: {error}', en: 'This panel could not be shown: {error}' },

  // Map
  mapLabel: { ja: '協定校の地図', en: 'Map of partner institutions' },
  staticMapLabel: { ja: '協定校の地図(静的表示)', en: 'Map of partners (static)' },
  staticMarkerLabel: { ja: '{country}: 協定 {n, number} 件', en: '{country}: {n, plural, one {# agreement} other {# agreements}}' },
  homeLegend: { ja: '{name}({city})', en: '{name} ({city})' },
  /** A dataset of several homes, where a text would name the one home: "Lines from 3 universities". */
  homesNetwork: { ja: '{n, number}大学', en: '{n, plural, one {# university} other {# universities}}' },
  // The list's headings count institutions; the map's circles and their numbers count agreements: each says which.
  legendMarker: { ja: '円の面積と数字 = 協定数', en: 'Circle area and number = agreements' },
  legendInstitution: { ja: '協定機関', en: 'Partner institution' },
  legendCluster: { ja: '数字 = 付近の機関数', en: 'Number = institutions nearby' },
  legendNewThisYear: { ja: '今年の新規', en: 'New this year' },
  flowLines: { ja: '{home}からの線', en: 'Lines from {home}' },
  legendFlows: { ja: '線の太さ = 協定数', en: 'Line width = number of agreements' },
  flowLinesHint: {
    ja: '{home}から協定機関の都市への大圏航路。線の太さ = 協定数',
    en: 'Great-circle lines from {home} to each partner city; width = number of agreements',
  },
  countryTooltip: {
    ja: '協定 {agreements, number} 件 · {institutions, number} 機関',
    en: '{agreements, plural, one {# agreement} other {# agreements}} · {institutions, plural, one {# institution} other {# institutions}}',
  },
  institutionTooltip: { ja: '{city} · 協定 {n, number} 件', en: '{city} · {n, plural, one {# agreement} other {# agreements}}' },
  clusterTooltipCount: { ja: '{n, number} 機関 (クリックで拡大)', en: '{n, plural, one {# institution} other {# institutions}} (click to zoom in)' },

  // Playback
  playback: { ja: '再生', en: 'Playback' },
  play: { ja: '再生', en: 'Play' },
  pause: { ja: '一時停止', en: 'Pause' },
  stepBack: { ja: '1年戻る', en: 'One year back' },
  stepForward: { ja: '1年進む', en: 'One year forward' },
  toStart: { ja: '最初へ', en: 'To the start' },
  toEnd: { ja: '最後へ', en: 'To the end' },
  speed: { ja: '速度', en: 'Speed' },
  speedValue: { ja: '{speed, number}倍速', en: '{speed, number}×' },
  loop: { ja: 'ループ', en: 'Loop' },
  playbackMode: { ja: '表示', en: 'Show' },
  cumulativeMode: { ja: '累計', en: 'Cumulative' },
  lastYears: { ja: '直近{n, number}年', en: '{n, plural, one {Last year} other {Last # years}}' },
  exitPlayback: { ja: '再生を終了', en: 'Exit playback' },
  playbackDetail: {
    ja: '{total, number} 機関と協定{fresh, plural, =0 {} other { · 今年の新規 +# 機関}}',
    en: '{total, plural, one {# partner institution} other {# partner institutions}}{fresh, plural, =0 {} other { · +# new this year}}',
  },

  // Presentation, sharing, export
  present: { ja: 'プレゼンテーション', en: 'Present' },
  presentHint: { ja: '←→ / PageUp・PageDown で移動、Esc で終了', en: '←/→ or PageUp/PageDown to move, Esc to leave' },
  slidePosition: { ja: '{total, number} 枚中 {n, number} 枚目', en: 'Slide {n, number} of {total, number}' },
  previousSlide: { ja: '前のスライド', en: 'Previous slide' },
  nextSlide: { ja: '次のスライド', en: 'Next slide' },
  leavePresentation: { ja: 'プレゼンテーションを終了 (Esc)', en: 'Leave the presentation (Esc)' },
  slidesAdvance: { ja: 'スライドは自動で進みます', en: 'Slides advance by themselves' },
  stripLabel: { ja: '締結年の推移 {from, year}–{to, year}', en: 'Agreements by year, {from, year}–{to, year}' },
  stripLabelAt: {
    ja: '締結年の推移 {from, year}–{to, year}(地図は{year, year}年まで)',
    en: 'Agreements by year, {from, year}–{to, year}; the map shows them up to {year, year}',
  },
  copyLink: { ja: 'リンクをコピー', en: 'Copy link' },
  linkCopied: { ja: 'リンクをコピーしました', en: 'Link copied' },
  linkReady: { ja: 'このリンクを共有できます', en: 'Share this link' },
  exportMenu: { ja: '書き出し', en: 'Export' },
  exportCsv: { ja: 'CSV', en: 'CSV' },
  exportPngScaled: { ja: '{scale, plural, =1 {PNG (等倍)} other {PNG (#倍)}}', en: '{scale, plural, =1 {PNG} other {PNG (#× size)}}' },
  exportVideoMp4: { ja: '動画 (MP4)', en: 'Video (MP4)' },
  exportVideoWebm: { ja: '動画 (WebM)', en: 'Video (WebM)' },
  videoSettings: { ja: '動画の設定', en: 'Video settings' },
  videoSize: { ja: '大きさ', en: 'Size' },
  videoSizeValue: { ja: '{width}×{height}', en: '{width}×{height}' },
  videoFps: { ja: 'フレームレート', en: 'Frame rate' },
  videoFpsValue: { ja: '{fps, number} fps', en: '{fps, number} fps' },
  videoProgress: {
    ja: '動画を書き出し中:{total, number} フレーム中 {n, number} フレーム',
    en: 'Exporting the video: frame {n, number} of {total, number}',
  },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  videoHoldLastYear: {
    ja: '動画の最後の年は {seconds, number} 秒間表示します。',
    en: '{seconds, plural, one {The video holds its last year for # second.} other {The video holds its last year for # seconds.}}',
  },
  videoCounts: {
    ja: '協定 {agreements, number} 件 · {institutions, number} 機関 · {countries, number} か国・地域',
    en: '{agreements, plural, one {# agreement} other {# agreements}} · {institutions, plural, one {# partner institution} other {# partner institutions}} · {countries, plural, one {# country} other {# countries}}',
  },
  videoNewThisYear: { ja: '今年の新規 {n, number} 機関', en: '{n, plural, one {# new partner this year} other {# new partners this year}}' },
  filtersLine: { ja: '条件:{filters}', en: 'Filters: {filters}' },
  filtersNone: { ja: 'すべての協定', en: 'All agreements' },
  exportNeedsMap: {
    ja: '画像と動画の書き出しには操作できる地図が必要ですが、このブラウザでは描けません(WebGLが使えません)。CSVは書き出せます。',
    en: 'Picture and video export need the interactive map, which this browser cannot draw (no WebGL). CSV export works.',
  },
  correctionsTable: { ja: '訂正の一覧', en: 'Corrections' },
  exportNoMap: { ja: '地図を表示できない(WebGLが使えない)ため、書き出せません。', en: 'The map is not available (no WebGL), so there is nothing to export.' },
  exportNoVideo: {
    ja: '動画の書き出しにはWebGLと、WebCodecsかMediaRecorderが必要です。',
    en: 'Video export needs WebGL, and WebCodecs or MediaRecorder.',
  },
  exportVideoEmpty: {
    ja: 'このブラウザの録画機能(MediaRecorder)から映像が得られず、動画を作れませんでした。WebCodecsに対応したブラウザなら作れます。',
    en: 'This browser’s recorder (MediaRecorder) gave no picture, so no video was made. A browser with WebCodecs can make it.',
  },
  exportNoMp4: { ja: 'このブラウザではMP4を書き出せません。WebMをお使いください。', en: 'This browser cannot encode MP4; use WebM.' },
  exportNoCanvas: { ja: '画像を描けません(2Dキャンバスが使えません)。', en: 'The picture cannot be drawn (no 2D canvas).' },
  exportPngFailed: { ja: 'PNGを作れませんでした。', en: 'The PNG could not be encoded.' },
  openFullAtlas: { ja: 'アトラスを開く', en: 'Open the full atlas' },
  sourceCredit: { ja: '出典: {institution} 学術交流協定 ({asOf, date, yearMonth}現在)', en: 'Source: {institution}, as of {asOf, date, yearMonth}' },

  // Storyline captions (src/i18n/storyline.ts fills them from the milestones)
  // {where} is the country, or the city and country (storyWhere); after a name that ends in ")" it follows a comma
  // (storyPartnerAfterParen), never a second pair of parentheses.
  storyPartner: { ja: '{name}({where})', en: '{name} ({where})' },
  storyPartnerAfterParen: { ja: '{name}、{where}', en: '{name}, {where}' },
  storyPartnerAndOthers: { ja: '{place}ほか{others, number}機関({country})', en: '{place} and {others, plural, one {# other} other {# others}} ({country})' },
  storyPlaceWithCity: { ja: '{name} ({city})', en: '{name}, {city}' },
  storyWhere: { ja: '{country}・{city}', en: '{city}, {country}' },
  storyRegionWithArticle: { ja: '{region}', en: 'the {region}' },
  storyFirstAgreement: { ja: '{year, year}年 最初の協定：{partners}', en: '{year, year}: the first agreement — {partners}' },
  storyFirstInRegion: { ja: '{year, year}年 {region}で最初の協定：{partners}', en: '{year, year}: the first agreement in {region} — {partners}' },
  storyPartnerCount: {
    ja: '{year, year}年 {n, number}番目の協定機関：{partners}。年末までに{total, number}機関',
    en: '{year, year}: {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} partner institution — {partners}. {total, plural, one {# partner institution} other {# partner institutions}} by the end of the year',
  },
  storyBusiestYear: {
    ja: '{year, year}年は協定締結が最も多い年：{n, number}件',
    en: '{year, year} was the busiest year: {n, plural, one {# agreement} other {# agreements}}',
  },
  storyTopCountry: {
    ja: '協定機関数が最も多いのは{country}：{n, number}機関・協定{agreements, number}件',
    en: '{country} has the most partners: {n, plural, one {# institution} other {# institutions}} and {agreements, plural, one {# agreement} other {# agreements}}',
  },
  storyLatestAgreement: { ja: '{year, year}年 最新の協定：{partners}', en: '{year, year}: the latest agreement — {partners}' },
  storyEnd: {
    ja: '合計：{countries, number}の国・地域、{institutions, number}機関と{agreements, number}件の協定',
    en: 'In all: {agreements, plural, one {# agreement} other {# agreements}} with {institutions, plural, one {# institution} other {# institutions}} in {countries, plural, one {# country or region} other {# countries and regions}}',
  },
  // Importing a list of one's own: the way in (the dialog's messages load with it, import-catalog.ts)
  importOpen: { ja: '自分の一覧を開く', en: 'Open your list' },
  importOpenShort: { ja: '一覧を開く', en: 'Your list' },
  shareLocalList: {
    ja: 'この一覧はこのブラウザにだけ保存されています。リンクはこのブラウザでは開けますが、ほかの端末やブラウザでは元の一覧が表示されます。',
    en: 'This list is kept in this browser only: the link opens it here, but on another device or browser it shows the built-in list.',
  },
  localListMissing: {
    ja: 'このリンクは、別の端末かブラウザで開いた一覧のものです。その一覧はここにないため、元の一覧を表示しています。',
    en: 'This link is for a list opened on another device or browser. That list is not here, so the built-in list is shown.',
  },
  storedListInvalid: {
    ja: '保存した一覧「{file}」に問題があるため、元の一覧を表示しています。一覧は消していません。',
    en: 'Your saved list "{file}" has problems, so the built-in list is shown. The list has not been deleted.',
  },
  storedListRepair: { ja: '問題のある行を除いて表示', en: 'Show it without the bad rows' },
  storedListUnrepairable: { ja: '行を除いても直せませんでした。書き出して確かめてください。', en: 'Leaving rows out does not fix it: export it to look.' },
  storedListExport: { ja: '書き出す(JSON)', en: 'Export (JSON)' },
  storedListDrop: { ja: '削除する', en: 'Delete it' },
  importDropHere: { ja: 'ここにファイルを放すと、協定一覧として開きます', en: 'Drop the file to open it as your list of agreements' },
  importDropFormats: { ja: 'CSV・TSV・Excel(.xlsx)', en: 'CSV, TSV or Excel (.xlsx)' },
  // The card, for agreements from an imported list
  cardSignedMonth: { ja: '締結: {month, date, yearMonth}', en: 'Signed: {month, date, yearMonth}' },
  cardSignedYear: { ja: '締結: {year, year}年', en: 'Signed: {year, year}' },
  waiverUnknown: { ja: '授業料不徴収: 記載なし', en: 'Tuition waiver: not stated' },
  cardExpires: { ja: '有効期限: {date, date}', en: 'Ends: {date, date}' },
  cardExpiresMonth: { ja: '有効期限: {month, date, yearMonth}', en: 'Ends: {month, date, yearMonth}' },
  cardExpiresYear: { ja: '有効期限: {year, year}年', en: 'Ends: {year, year}' },
} as const satisfies Record<string, Record<Lang, string>>;
