// Messages of a many-homes atlas (issue 28): the homes count, picking homes, a comparison of two, "also partners
// with". Part of the page's catalogue (catalog.ts spreads them in). Home names are parameters, from the data.
import type { Lang } from '../domain/schema';

export const HOMES_MESSAGES = {
  homes: { ja: '大学', en: 'Homes' },
  homesCount: { ja: '{n, number} 大学', en: '{n, plural, one {# home} other {# homes}}' },
  homesFilter: { ja: '大学(一覧の持ち主)', en: 'Home universities' },
  homesHint: { ja: 'チェックした大学の協定だけを表示します。', en: "Shows only the checked homes' agreements." },
  // The national list's ~770 homes are found by typing part of a name (HomePicker, ComparePicker in HomesPanel.tsx).
  homesFind: { ja: '大学名で探す', en: 'Find a home by name' },
  homesFindHint: {
    ja: '{total, number} 大学から、名前の一部(日本語・英語)で探します。',
    en: 'Type part of a name, in Japanese or English, to find one of the {total, number} homes.',
  },
  homesFound: {
    ja: '{n, plural, =0 {一致する大学はありません} other {# 大学が一致}}',
    en: '{n, plural, =0 {No home matches} one {# home matches} other {# homes match}}',
  },
  homesFoundMore: {
    ja: '{n, number} 大学が一致(最初の {shown, number} 大学を表示。名前をさらに入力すると絞り込めます)',
    en: '{n, number} homes match (the first {shown, number} shown; type more of the name to narrow them)',
  },
  compareFindHint: { ja: '名前の一部を入力し、候補から選びます。', en: 'Type part of a name and choose from the suggestions.' },
  compareLegend: { ja: '2つの大学を比べる', en: 'Compare two homes' },
  compareA: { ja: '大学A', en: 'Home A' },
  compareB: { ja: '大学B', en: 'Home B' },
  compareStart: { ja: '比べる', en: 'Compare' },
  compareEnd: { ja: '比較をやめる', en: 'End the comparison' },
  compareSummary: {
    ja: '{a}と{b}: 共通の協定校 {shared, number} 機関、{a}のみ {onlyA, number} 機関、{b}のみ {onlyB, number} 機関',
    en: '{a} and {b}: {shared, plural, one {# partner} other {# partners}} in common, {onlyA, number} only with {a}, {onlyB, number} only with {b}',
  },
  compareChip: { ja: '比較: {a}・{b}', en: 'Comparing {a} and {b}' },
  compareShared: { ja: '共通', en: 'Both' },
  compareOnly: { ja: '{home}のみ', en: 'Only {home}' },
  // The arcs of a many-homes atlas are drawn one pixel wide, one per home and partner: the legend says what is drawn.
  legendArcs: { ja: '線 = 大学と協定機関の組 (重なるほど濃い)', en: 'One line per home and partner (darker where many overlap)' },
  arcsHint: {
    ja: '各大学から協定機関への大圏航路。大学と協定機関の組ごとに1本',
    en: 'Great-circle lines from each home to each of its partners, one per home and partner',
  },
  legendCompare: { ja: '協定機関の色', en: 'Partner colours' },
  legendCompareClusters: { ja: 'まとまりの色 = その中で最も多い区分', en: 'A cluster takes the colour most of its partners have' },
  alsoPartners: { ja: 'この機関と協定のある大学', en: 'Also partners with' },
  alsoPartnersCount: {
    ja: '{n, number} 大学がこの機関と協定を結んでいます。',
    en: '{n, plural, one {# home has} other {# homes have}} an agreement with this partner.',
  },
  alsoPartnerSince: { ja: '{level}・{signed, date}', en: '{level}, {signed, date}' },
  alsoPartnerUndated: { ja: '{level}・日付なし', en: '{level}, undated' },
  searchHome: { ja: '一致する大学', en: 'Matching homes' },
  searchHomeChoose: { ja: '{home}の協定を表示', en: "Show {home}'s agreements" },
  // The story of many homes (src/i18n/storyline.ts, src/domain/storyline-homes.ts).
  storyTitleHomes: { ja: '{title}：{homes}', en: '{title}: {homes}' },
  storyByHome: { ja: '{home}：{caption}', en: '{home}: {caption}' },
  storyCountriesReached: {
    ja: '{year, year}年 協定のある国・地域が{n, number}に：{home}が{country}と最初の協定({partners})',
    en: '{year, year}: the network reaches {n, plural, one {# country} other {# countries}} — {home} is the first to partner with {country} ({partners})',
  },
  storyTopCountryFirst: { ja: '{country}と最初に協定を結んだのは{home}({year, year}年)', en: 'The first to partner with {country}: {home} ({year, year})' },
  storyMostConnected: { ja: '最も多くの大学と協定のある機関：{partners}', en: 'The partners of the most homes: {partners}' },
  storyConnectedPartner: { ja: '{name}({n, number}大学)', en: '{name} ({n, plural, one {# home} other {# homes}})' },
  storyFastestGrowing: {
    ja: '{from, year}〜{to, year}年に協定を最も増やした大学：{homes}',
    en: 'The homes that grew fastest, {from, year}–{to, year}: {homes}',
  },
  storyGrowingHome: { ja: '{name}(+{n, number}件)', en: '{name} (+{n, plural, one {# agreement} other {# agreements}})' },
  // The story in the page (issue 28 item 6): the timeline's marks at the storyline's years; a mark is named by its
  // year's captions joined by storySeparator.
  storyMarks: { ja: 'ストーリーの出来事(選ぶとその年の地図を表示)', en: 'Milestones of the story (choose one to show its year on the map)' },
  storySeparator: { ja: '／', en: ' / ' },
} as const satisfies Record<string, Record<Lang, string>>;
