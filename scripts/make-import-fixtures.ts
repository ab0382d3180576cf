// Writes the importer's test files in tests/fixtures/import/ (committed; run again only to change them):
// a Shift_JIS (CP932) CSV, a UTF-8 CSV with a BOM and bad rows, a TSV, an XLSX with a title row, merged cells
// and Japanese era dates, a national-survey-style CSV whose first name column is the home university (to be
// corrected by hand), and a CSV and an XLSX with two-row headers (group cells over their labels) and end dates.
// The 42,000-row list is generated at test time (scripts/national-list.ts). `npx tsx scripts/make-import-fixtures.ts`
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import writeXlsxFile from 'write-excel-file/node';

const dir = 'tests/fixtures/import';

// Shift_JIS: Japanese headers, eras, a half-width-katakana city, CP932's ① and 髙 (not in plain Shift_JIS).
const sjis = [
  '大学名,国・地域,都市,締結日,授業料不徴収,備考',
  'アーヘン工科大学,ドイツ,アーヘン,1998/5/19,○,',
  'ソウル大学校,韓国,ｿｳﾙ,平成24年4月1日,○,①更新済',
  'ハーバード大学,米国,,2012.4,×,',
  '髙雄医学大学,台湾,高雄,H23.10.1,○,',
  'モナシュ大学,豪州,メルボルン,2010年,,',
].join('\r\n');
writeFileSync(`${dir}/partners-utf8-source.txt`, `${sjis}\r\n`);
execFileSync('sh', ['-c', `iconv -f utf-8 -t cp932 ${dir}/partners-utf8-source.txt > ${dir}/partners-sjis.csv && rm ${dir}/partners-utf8-source.txt`]);

// UTF-8 with a BOM, English headers, and one bad row of each kind.
const bad = [
  'name,country,city,signed,lat,lng',
  'Stanford University,USA,Stanford,2005-06-01,,', // 2: placed (known)
  ',UK,London,2001-01-01,,', // 3: no name
  'University of Atlantis,Atlantis,,2003-03-03,,', // 4: unknown country
  'University of Leap Days,Germany,Berlin,2012-02-30,,', // 5: impossible date
  'Polar Institute,Norway,Tromsø,2008-08-08,123,18.9', // 6: latitude out of range
  'Universidad de Chile,CHL,Santiago,2011-11-11,-33.44,-70.65', // 7: placed by coordinates
  'Unknown College,Korea,,2009,,', // 8: approximate (country centroid)
  'Imperial College London,United Kingdom,London,2004-04,,', // 9: placed (known)
].join('\n');
writeFileSync(`${dir}/partners-bad.csv`, `\ufeff${bad}\n`);

const tsv = [
  'institution\tcountry\tdate\tdepartment',
  'University of Toronto\tCAN\t2010-10-10\t',
  'Tsinghua University\tCN\t2008-05-01\tGraduate School of Engineering',
].join('\n');
writeFileSync(`${dir}/partners.tsv`, `${tsv}\n`);

type Cell = { value?: string | number | Date; columnSpan?: number; rowSpan?: number; format?: string; type?: typeof Date } | null;
const rows: Cell[][] = [
  [{ value: '東北大学 学術交流協定一覧(令和3年4月1日現在)', columnSpan: 6 }, null, null, null, null, null],
  [null, null, null, null, null, null],
  // 協定校 spans two columns (Japanese and English names); the importer reads the first.
  [{ value: '国・地域' }, { value: '協定校', columnSpan: 2 }, null, { value: '部局' }, { value: '締結日' }, { value: '授業料不徴収' }],
  // ドイツ spans three rows.
  [{ value: 'ドイツ', rowSpan: 3 }, { value: 'アーヘン工科大学' }, { value: 'RWTH Aachen University' }, null, { value: '平成10年5月19日' }, { value: '○' }], // 4: placed
  [null, { value: 'ドルトムント大学' }, { value: 'University of Dortmund' }, null, { value: 'H16.3.1' }, { value: '○' }], // 5: placed (alias)
  [null, { value: 'ミュンスター大学' }, { value: 'University of Münster' }, { value: '理学研究科' }, { value: '令和元年' }, null], // 6: approximate
  [
    { value: '中国' },
    { value: '北京大学' },
    { value: 'Peking University' },
    null,
    { value: new Date(Date.UTC(2001, 3, 16)), format: 'yyyy/mm/dd' },
    { value: '○' },
  ], // 7: placed, date cell
  [{ value: '英国' }, { value: 'ケンブリッジ大学' }, { value: 'University of Cambridge' }, null, { value: 'S58' }, { value: '×' }], // 8: placed, year only
  [{ value: 'アトランティス' }, { value: '海底大学' }, null, null, { value: '平成2年2月30日' }, null], // 9: unknown country
  [{ value: 'フランス' }, { value: 'リヨン第1大学' }, { value: 'Université Lyon 1' }, null, { value: 37000 }, null], // 10: approximate, Excel serial as a number
];
await writeXlsxFile(rows as never).toFile(`${dir}/partners.xlsx`);

// As national surveys list agreements: the home university first, under 大学名, then the partner under a header
// the importer does not take for a name (相手機関名): the preview's column choice has to correct it.
const survey = [
  '番号,大学名,相手国,相手機関名,締結日',
  '1,東北大学,ドイツ,アーヘン工科大学,1998/5/19',
  '2,東北大学,韓国,ソウル大学校,H24.4.1',
  '3,東北大学,米国,ハーバード大学,2012.4',
  '4,東北大学,フランス,リヨン第1大学,2008/8/8',
  '5,東北大学,英国,ケンブリッジ大学,S58',
].join('\r\n');
writeFileSync(`${dir}/survey-style.csv`, `\ufeff${survey}\r\n`);

// A list as offices publish it (issue 24): a region heading with a count, the country only on its group's first row
// (merged cells saved as blanks), space-padded dates, a year alone, and a footnote row.
const published = [
  '地域・国名,大学名,締結年月日',
  'アジア州(3),,',
  '中華人民共和国,北京大学,1983. 4. 1',
  ',清華大学,1998',
  ',復旦大学,2002. 4.25',
  '※ 大学間協定のみ掲載,,',
].join('\n');
writeFileSync(`${dir}/published-style.csv`, `${published}\n`);

// A title row, then a header of two rows: group cells (協定校, 所在地, 締結) over their labels; No. and 授業料不徴収
// stand in both rows. In CSV a merged cell is its text followed by empty cells.
const twoRowCsv = [
  '東北大学 学術交流協定一覧(令和6年5月1日現在),,,,,,,',
  'No.,協定校,,所在地,,締結,,授業料不徴収',
  ',和文,英文,国・地域,都市,年月日,有効期限,',
  '1,アーヘン工科大学,RWTH Aachen University,ドイツ,アーヘン,1998/5/19,2028/5/18,○',
  '2,ルンド大学,Lund University,スウェーデン,Lund,2005/4/1,2009/3/31,○',
  '3,ミュンスター大学,University of Münster,ドイツ,Münster,平成20年4月1日,自動更新,×',
  '4,サンパウロ大学,Universidade de São Paulo,ブラジル,São Paulo,2010/6/1,2015,○',
  '5,ハーバード大学,Harvard University,米国,,2001/4/1,2000/3/31,×',
].join('\r\n');
writeFileSync(`${dir}/two-row-header.csv`, `${twoRowCsv}\r\n`);

const twoRowXlsx: Cell[][] = [
  [{ value: '東北大学 学術交流協定一覧', columnSpan: 7 }, null, null, null, null, null, null],
  [
    { value: 'No.', rowSpan: 2 },
    { value: '協定校', columnSpan: 2 },
    null,
    { value: '国・地域', rowSpan: 2 },
    { value: '締結', columnSpan: 2 },
    null,
    { value: '授業料不徴収', rowSpan: 2 },
  ],
  [null, { value: '和文' }, { value: '英文' }, null, { value: '年月日' }, { value: '終了日' }, null],
  [{ value: 1 }, { value: '北京大学' }, { value: 'Peking University' }, { value: '中国' }, { value: 'H13.4.16' }, { value: 'R3.4.15' }, { value: '○' }],
  [{ value: 2 }, { value: 'ケンブリッジ大学' }, { value: 'University of Cambridge' }, { value: '英国' }, { value: 'S58' }, null, { value: '×' }],
];
await writeXlsxFile(twoRowXlsx as never).toFile(`${dir}/two-row-header.xlsx`);
console.log('written');
