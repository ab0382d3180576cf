// The messages of the import preview's "Whose list is this?" (src/ui/panels/import/WhoseList.tsx), loaded with the
// import dialog. Names, titles and months are parameters: they come from the list or the person.
import type { Lang } from '../domain/schema';

export const WHOSE_CATALOG = {
  whoseLegend: { ja: 'どの大学の一覧か', en: 'Whose list is this?' },
  whoseHome: { ja: '大学(一覧の持ち主)', en: 'Home institution' },
  whoseHomeHint: { ja: '例: 名古屋大学、Nagoya University', en: 'e.g. Nagoya University, 名古屋大学' },
  whoseHomeFound: { ja: '{name}({city}、{country})を起点に表示します。', en: 'Shown from {name} ({city}, {country}).' },
  whoseHomeFromFile: { ja: 'ファイルの記載から推定しました。', en: 'Guessed from the file.' },
  whoseHomeNone: {
    ja: 'ファイルにはどの大学の一覧かが書かれていません。大学名を入力してください。',
    en: 'The file does not say whose list it is: type the home institution.',
  },
  whoseHomeNotFound: {
    ja: '「{name}」が、登録済みの機関にも都市名にも見つかりません。正式な名称(英語名は都市名を含むもの)を入力してください。',
    en: '“{name}” is not among the institutions or cities known: type its full name (in English, with the city it is in).',
  },
  whoseHomeAmbiguous: { ja: '「{name}」には複数の候補があります: {candidates}', en: '“{name}” could be several: {candidates}' },
  whoseTitle: { ja: 'タイトル', en: 'Title' },
  whoseHomesFromColumn: {
    ja: '大学名の列に{n, number}大学があります。各行はその大学の協定として表示します。',
    en: 'The home column names {n, plural, one {# university} other {# universities}}: each row is shown as its university’s.',
  },
  whoseHomeRows: { ja: '{name}({rows, number}行)', en: '{name} ({rows, plural, one {# row} other {# rows}})' },
  whoseAsOf: { ja: '時点(年月)', en: 'As of (month)' },
  whoseAsOfFromFile: { ja: 'ファイルの記載: {asOf, date, yearMonth}現在', en: 'The file says: as of {asOf, date, yearMonth}' },
  whoseAsOfDefault: {
    ja: 'ファイルに時点の記載がないため、今月としています。一覧の年月を入れてください。',
    en: "The file gives no date: this month is used. Enter the list's month.",
  },
  whoseUse: { ja: '反映', en: 'Use these' },
  whoseApplyNeedsHome: { ja: 'どの大学の一覧かを決めると、地図に表示できます。', en: 'Say whose list this is to show it on the atlas.' },
} as const satisfies Record<string, Record<Lang, string>>;
