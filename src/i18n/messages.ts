// Every UI string in Japanese and English. Data names come from the dataset, never from here.
import type { Lang } from '../domain/schema';

const STRINGS = {
  title: { ja: '東北大学 国際交流協定アトラス', en: 'Tohoku University Partner Atlas' },
  subtitle: { ja: '学術交流協定 (2012年5月現在)', en: 'International exchange agreements, as of May 2012' },
  skipToResults: { ja: '結果一覧へスキップ', en: 'Skip to results' },
  language: { ja: '言語', en: 'Language' },
  aboutData: { ja: 'データについて', en: 'About the data' },
  close: { ja: '閉じる', en: 'Close' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  // Summary
  agreements: { ja: '協定', en: 'Agreements' },
  institutions: { ja: '機関', en: 'Institutions' },
  countries: { ja: '国・地域', en: 'Countries/regions' },
  // Filters
  filters: { ja: '絞り込み', en: 'Filters' },
  level: { ja: '協定の種類', en: 'Agreement level' },
  levelAll: { ja: 'すべて', en: 'All' },
  levelUniversity: { ja: '大学間協定', en: 'University-wide' },
  levelDepartment: { ja: '部局間協定', en: 'Department-level' },
  department: { ja: '部局', en: 'Department' },
  departmentHint: {
    ja: '部局を選ぶと、その部局の部局間協定と、全学生が対象の大学間協定が表示されます。',
    en: "Choosing a department shows its department-level agreements plus the university-wide ones, which are open to every department's students.",
  },
  graduateSchools: { ja: '研究科・学部', en: 'Graduate schools and faculties' },
  institutes: { ja: '研究所・センター', en: 'Institutes and centres' },
  region: { ja: '地域', en: 'Region' },
  country: { ja: '国・地域', en: 'Country/region' },
  allCountries: { ja: 'すべての国・地域', en: 'All countries/regions' },
  waiverOnly: { ja: '授業料等不徴収の協定のみ', en: 'Tuition waiver only' },
  waiverHint: {
    ja: '交換留学生の授業料を相互に徴収しない大学間協定(資料の*印)。',
    en: 'University-wide agreements under which exchange students pay no tuition (marked * in the source).',
  },
  search: { ja: '機関名で検索', en: 'Search institutions' },
  searchPlaceholder: { ja: '例: ソルボンヌ、ソウル、清華', en: 'e.g. Sorbonne, Seoul, Tsinghua' },
  resetAll: { ja: 'すべてリセット', en: 'Reset all' },
  activeFilters: { ja: '適用中の条件', en: 'Active filters' },
  removeFilter: { ja: '条件を外す', en: 'Remove filter' },
  years: { ja: '締結年', en: 'Signed' },
  // Results
  results: { ja: '結果一覧', en: 'Results' },
  sortBy: { ja: '並び順', en: 'Sort by' },
  sortName: { ja: '名前', en: 'Name' },
  sortDate: { ja: '締結日', en: 'Date' },
  showMore: { ja: 'さらに表示', en: 'Show more' },
  noResults: { ja: '条件に合う協定はありません。', en: 'No agreement matches these filters.' },
  // Card
  institutionCard: { ja: '機関の詳細', en: 'Institution details' },
  city: { ja: '所在地', en: 'City' },
  universityWide: { ja: '大学間協定', en: 'University-wide agreement' },
  departmentLevel: { ja: '部局間協定', en: 'Department-level agreement' },
  signed: { ja: '締結日', en: 'Signed' },
  waiver: { ja: '授業料等不徴収', en: 'Tuition waiver' },
  noWaiver: { ja: '授業料不徴収の対象外', en: 'No tuition waiver' },
  partnerUnit: { ja: '相手先部局', en: 'Partner unit' },
  wholeInstitution: { ja: '機関全体', en: 'Whole institution' },
  undated: { ja: '締結日不明', en: 'Undated' },
  universityWideMeans: {
    ja: '大学間協定は東北大学の全学部・研究科の学生が利用できます。',
    en: 'A university-wide agreement is open to students of every Tohoku faculty and graduate school.',
  },
  departmentLevelMeans: {
    ja: '部局間協定はその部局の学生のみが対象です。',
    en: 'A department-level agreement is open only to students of that department.',
  },
  seedLine: { ja: '資料の行', en: 'Source line' },
  // Country details
  countryDetails: { ja: '国・地域の詳細', en: 'Country details' },
  clearCountry: { ja: '国・地域の選択を解除', en: 'Clear country selection' },
  // Timeline
  timeline: { ja: '締結年の推移', en: 'Agreements by year' },
  timelineHint: {
    ja: 'ドラッグで期間を選択。ハンドルは←→で移動、Shift+←→で幅を変更。',
    en: 'Drag to choose years. Arrow keys move the range, Shift+arrows resize it.',
  },
  resetYears: { ja: '期間をリセット', en: 'Reset years' },
  undatedBucket: { ja: '日付なし', en: 'Undated' },
  undatedHidden: { ja: '件の日付なし(部局間)協定は期間指定中は非表示', en: 'undated (department-level) agreements hidden while a year range is set' },
  cumulative: { ja: '累計の協定機関数', en: 'Cumulative partner institutions' },
  perYear: { ja: 'その年の締結数', en: 'Signed that year' },
  allData: { ja: '全データ', en: 'All data' },
  yearRangeLabel: { ja: '期間', en: 'Years' },
  tableAlternative: { ja: '年別の表', en: 'Table by year' },
  year: { ja: '年', en: 'Year' },
  // About
  aboutSource: {
    ja: '出典: 東北大学「学術交流協定締結等」(平成24年5月現在)。大学間協定159件(31か国・地域172機関)と部局間協定(43か国・地域335機関)。',
    en: "Source: Tohoku University's list of international academic exchange agreements, as of May 2012 (平成24年5月現在): 159 university-wide agreements (172 institutions, 31 countries/regions) and department-level agreements (335 partners, 43 countries/regions).",
  },
  aboutCounting: {
    ja: '数え方: 1つの協定が複数の機関を含むことがあります(エコール・サントラル5校、カリフォルニア大学10キャンパス)。大学間協定の香港の大学は資料どおり「中国」に数えます。部局間協定には締結日と授業料不徴収の記載がありません。',
    en: 'Counting: one agreement can cover several institutions (the 5 Écoles Centrales, the 10 University of California campuses). Hong Kong universities are counted under China, as in the source. The source gives no dates and no tuition terms for department-level agreements.',
  },
  aboutCorrections: {
    ja: '資料の部局間協定の表はPDFから崩れたテキストです。復元のために行った判断をすべて下表に示します。',
    en: 'The department-level table in the source is a garbled PDF extraction. Every judgement made to reconstruct it is listed below.',
  },
  correctionLine: { ja: '行', en: 'Line' },
  correctionText: { ja: '資料の記載', en: 'Source text' },
  correctionKind: { ja: '種類', en: 'Kind' },
  correctionDecision: { ja: '判断', en: 'Decision' },
  correctionReason: { ja: '理由', en: 'Reason' },
  // Errors
  mapUnavailable: {
    ja: '地図を表示できません(WebGLが使えません)。一覧・年表・絞り込みは引き続き使えます。',
    en: 'The map cannot be shown (WebGL is unavailable). The list, timeline and filters still work.',
  },
  datasetError: { ja: 'データを読み込めませんでした', en: 'The dataset could not be loaded' },
  panelError: { ja: 'この部分を表示できませんでした', en: 'This panel could not be shown' },
  home: { ja: '東北大学(仙台)', en: 'Tohoku University (Sendai)' },
  legend: { ja: '凡例', en: 'Legend' },
  legendMarker: { ja: '円の面積 = 協定数', en: 'Circle area = number of agreements' },
  legendInstitution: { ja: '協定機関', en: 'Partner institution' },
  legendCluster: { ja: '数字 = 付近の機関数', en: 'Number = institutions nearby' },
  tooltipAgreements: { ja: '協定', en: 'agreements' },
  tooltipInstitutions: { ja: '機関', en: 'institutions' },
  clusterTooltip: { ja: '機関 (クリックで拡大)', en: 'institutions (click to zoom in)' },
  playback: { ja: '再生', en: 'Playback' },
  views: { ja: '表示の切り替え', en: 'Views' },
  tabMap: { ja: '地図', en: 'Map' },
  play: { ja: '再生', en: 'Play' },
  pause: { ja: '一時停止', en: 'Pause' },
  stepBack: { ja: '1年戻る', en: 'One year back' },
  stepForward: { ja: '1年進む', en: 'One year forward' },
  toStart: { ja: '最初へ', en: 'To the start' },
  toEnd: { ja: '最後へ', en: 'To the end' },
  speed: { ja: '速度', en: 'Speed' },
  loop: { ja: 'ループ', en: 'Loop' },
  playbackMode: { ja: '表示', en: 'Show' },
  cumulativeMode: { ja: '累計', en: 'Cumulative' },
  exitPlayback: { ja: '再生を終了', en: 'Exit playback' },
  partnersSoFar: { ja: '協定機関', en: 'partner institutions' },
  newThisYear: { ja: '今年の新規', en: 'new this year' },
  present: { ja: 'プレゼンテーション', en: 'Present' },
  presentHint: { ja: '←→ / PageUp・PageDown で移動、Esc で終了', en: '←/→ or PageUp/PageDown to move, Esc to leave' },
  copyLink: { ja: 'リンクをコピー', en: 'Copy link' },
  linkCopied: { ja: 'リンクをコピーしました', en: 'Link copied' },
  linkReady: { ja: 'このリンクを共有できます', en: 'Share this link' },
  exportCsv: { ja: 'CSV', en: 'CSV' },
  exportPng: { ja: 'PNG', en: 'PNG' },
  exportVideo: { ja: '動画 (WebM)', en: 'Video (WebM)' },
  exportMenu: { ja: '書き出し', en: 'Export' },
  recording: { ja: '録画中…', en: 'Recording…' },
  openFullAtlas: { ja: 'アトラスを開く', en: 'Open the full atlas' },
  sourceNote: { ja: '出典: 東北大学 学術交流協定 (2012年5月現在)', en: 'Source: Tohoku University, as of May 2012' },
  countLive: { ja: '件の協定、', en: ' agreements, ' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** The browser's preferred language, if it is one the atlas speaks. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (l.toLowerCase().startsWith('ja')) return 'ja';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

// Intl formatters are costly to build, so one per language, made once (a filter change formats hundreds of dates).
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-GB') };
const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (lang: Lang, n: number) => NUMBER_FORMATS[lang].format(n);

export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月${d}日` : EN_DATE.format(Date.UTC(y!, m! - 1, d!));
}
