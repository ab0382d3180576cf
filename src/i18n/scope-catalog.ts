// Messages that say what a number leaves out or which place and year it is for (issue 26): the undated agreements a
// growth or a year range leaves out, why two totals differ, the year the list shows, the place a search framed.
// Part of the page's catalogue (catalog.ts spreads them in); split off to keep that file under 400 lines.
import type { Lang } from '../domain/schema';

export const SCOPE_MESSAGES = {
  // The grey bars behind a filtered timeline or a comparison: the whole list, year by year.
  legendWholeList: { ja: '一覧全体 (絞り込み前)', en: 'Whole list (before the filters)' },
  yearSpanUndatedHidden: {
    ja: '{from, year}年から{to, year}年(日付のない協定 {n, number} 件は非表示)',
    en: '{from, year} to {to, year}; {n, plural, one {# undated agreement} other {# undated agreements}} hidden',
  },
  // The list during playback: the year its rows are for (it follows the counts a step behind).
  listAtYear: { ja: '{year, year}年時点の一覧(地図・件数と同じ)', en: 'Listed as of {year, year}, as on the map and in the counts' },
  listBehind: {
    ja: '一覧は{year, year}年で一時停止中:再生が遅くなるか止まると、地図と件数に追いつきます',
    en: 'List paused at {year, year} while playback runs: it catches up with the map and the counts when playback slows or pauses',
  },

  mapFramedCity: { ja: '表示範囲: {country}・{city}', en: 'Framed: {city}, {country}' },
  mapFramedCountry: { ja: '表示範囲: {country}', en: 'Framed: {country}' },
  // Notes under a caption (storylineNotes): what a growth slide's numbers leave out, and why two totals differ.
  storyGrowthUndatedDepartment: {
    ja: '推移は締結日のある協定から数えています。日付のない部局間協定 {n, number} 件は含まれません(資料に締結日の記載がありません)。',
    en: 'The growth counts dated agreements only: {n, plural, one {# undated department-level agreement is} other {# undated department-level agreements are}} not in it (the source gives them no date).',
  },
  storyGrowthUndated: {
    ja: '推移は締結日のある協定から数えています。日付のない協定 {n, number} 件は含まれません。',
    en: 'The growth counts dated agreements only: {n, plural, one {# undated agreement is} other {# undated agreements are}} not in it.',
  },
  storyEndUndatedDepartment: {
    ja: 'うち {n, number} 件は日付のない部局間協定で、年ごとの推移には含まれません。',
    en: '{n, plural, one {# of them is an undated department-level agreement} other {# of them are undated department-level agreements}}, not in the year-by-year growth.',
  },
  storyEndUndated: {
    ja: 'うち {n, number} 件は日付のない協定で、年ごとの推移には含まれません。',
    en: '{n, plural, one {# of them is undated} other {# of them are undated}}, not in the year-by-year growth.',
  },
  storyEndShared: {
    ja: '1つの協定が複数の機関を含むことがあり({n, number} 件、最大 {largest, number} 機関)、1つの機関が複数の協定を持つこともあるため、機関数と協定数は一致しません。',
    en: 'One agreement can cover several institutions ({n, plural, one {# agreement does} other {# agreements do}}, up to {largest, number} in one), and one institution can hold several agreements, so the two totals differ.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
