// What published partner lists do (issue 24's eight classes), each on a small table written here: header names,
// merged blanks, heading rows, decorated countries, noisy names, dates, a level column, and how rows are placed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryCellParts, headingOf, nameParts, parseLevel } from '../../../src/domain/import/cells';
import type { CityLookup } from '../../../src/domain/import/cities';
import { countryCode } from '../../../src/domain/import/countries';
import { dayOrderOf, findDateIn, parseDate } from '../../../src/domain/import/dates';
import { findHeader } from '../../../src/domain/import/headers';
import { importAgreements, type ImportOptions, type ImportResult } from '../../../src/domain/import/importer';
import type { InstitutionCandidate, InstitutionLookup } from '../../../src/domain/import/institution-lookup';
import { gridOfCells, pastedFileName, tsvBytesOf } from '../../../src/domain/import/paste';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
const csv = (text: string, options: Partial<ImportOptions> = {}) =>
  importAgreements(new TextEncoder().encode(text), 'list.csv', { base, asOf: '2025-12', ...options });
const statuses = (r: ImportResult) => r.rows.map((row) => `${row.row}:${row.status}${row.status === 'rejected' ? `:${row.reason}` : ''}`);
const countryOfRow = (r: ImportResult, row: number) => {
  const a = r.dataset.agreements.find((x) => x.source.line === row);
  return a ? r.dataset.institutions.find((i) => i.id === a.institutionIds[0])?.country : undefined;
};

const candidate = (id: string, en: string, country: string, lat: number, lng: number, city: string): InstitutionCandidate => ({
  id,
  name: { en },
  city: { en: city },
  country,
  lat,
  lng,
});
/** A fake institution gazetteer: a few names, one of them ambiguous (two Washington universities). */
const fakeLookup: InstitutionLookup = (name, country) => {
  const table: Record<string, InstitutionCandidate> = {
    'Chinese Academy of Sciences': candidate('034t30j35', 'Chinese Academy of Sciences', 'CN', 39.98, 116.33, 'Beijing'),
    'Fudan University': candidate('013q1eq08', 'Fudan University', 'CN', 31.3, 121.5, 'Shanghai'),
    'University of Khartoum': candidate('02jbayz30', 'University of Khartoum', 'SD', 15.6, 32.53, 'Khartoum'),
  };
  if (name === 'Washington University') {
    const both = [
      candidate('01yc7t268', 'Washington University in St. Louis', 'US', 38.65, -90.31, 'St. Louis'),
      candidate('00cvxb145', 'University of Washington', 'US', 47.65, -122.31, 'Seattle'),
    ];
    return { match: null, candidates: both, how: 'normalised' };
  }
  const found = table[name];
  if (!found || (country !== null && found.country !== country)) return null;
  return { match: found, candidates: [found], how: 'exact' };
};
const fakeCities: CityLookup = (country, city) => {
  const table: Record<string, [string, number, number]> = {
    'SD:Khartoum': ['Khartoum', 15.55, 32.53],
    'GB:Leeds': ['Leeds', 53.8, -1.55],
    'AT:ウィーン': ['Vienna', 48.2, 16.37],
  };
  const found = table[`${country}:${city}`];
  return found ? { name: found[0], lat: found[1], lng: found[2], candidates: 1 } : null;
};

describe('1. header names beyond ours', () => {
  it('reads Japanese and English headers of published lists', () => {
    const fields = (cells: string[]) => findHeader([{ number: 1, cells }])?.columns.map((c) => c.field);
    expect(fields(['地域・国名', '相手機関名', '所在地', '区分', '締結母体(明記のない場合は大学)締結年月日'])).toEqual([
      'country',
      'name',
      'city',
      'level',
      'departmentSigned',
    ]);
    expect(fields(['Area', 'Country・Region', 'University / Institutions', 'Year Concluded', 'Tuition Exemption*', 'School / Institute related'])).toEqual([
      'area',
      'country',
      'name',
      'signed',
      'waiver',
      'department',
    ]);
    expect(fields(['国・地域名', '協定校名', 'Date of Agreement'])).toEqual(['country', 'name', 'signed']);
    // A home column (大学名) beside a partner column is not the partner.
    expect(fields(['大学名', '国名', '相手方大学名', '締結日'])).toEqual(['home', 'country', 'name', 'signed']);
  });

  it('splits a header holding two facts into department and date', async () => {
    const r = await csv(
      '国・地域,相手機関名,締結母体(明記のない場合は大学)締結年月日\n中国,北京大学,2005年1月1日\n中国,清華大学,理工学部・理工学研究科 2017年4月7日\n',
    );
    const [a, b] = r.dataset.agreements;
    expect(a).toMatchObject({ level: 'university', signed: '2005-01-01', department: null });
    expect(b).toMatchObject({ level: 'department', signed: '2017-04-07', department: { ja: '理工学部・理工学研究科' } });
  });
});

describe('2. merged cells saved as blanks', () => {
  it('fills a country down its group, and not into a block whose names say otherwise', async () => {
    const r = await csv(
      [
        'Country,University / Institutions,Year Concluded',
        'BHUTAN (1),Royal University of Bhutan,2010',
        ',"Chinese Academy of Sciences, Institute of Botany",2011',
        ',Institute of Geology and Geophysics,2012',
        'CHINA (2),Peking University,2005',
        ',Fudan University,2006',
        ',Mystery Institute,2007',
        'KOREA,Seoul National University,2001',
        ',Korea University,2003',
      ].join('\n'),
      { institutions: fakeLookup },
    );
    expect(statuses(r)).toEqual([
      '2:approximate',
      '3:placed',
      '4:approximate',
      '5:placed',
      '6:placed',
      '7:rejected:unresolved-country',
      '8:placed',
      '9:placed',
    ]);
    expect([2, 3, 4, 5, 6, 8, 9].map((row) => countryOfRow(r, row))).toEqual(['BT', 'CN', 'CN', 'CN', 'CN', 'KR', 'KR']);
    // Row 3 by its name (the lookup), row 4 by its block's names; rows 6 and 9 filled.
    expect(r.inferred.countryByName).toBe(2);
    expect(r.inferred.filled.country).toBe(2);
  });

  it('without a count, fills down unless the block names another country', async () => {
    const r = await csv(['国名,大学名', 'ブータン,ブータン王立大学', ',中国科学院植物研究所', ',地質研究所'].join('\n'));
    expect([2, 3, 4].map((row) => countryOfRow(r, row))).toEqual(['BT', 'CN', 'CN']);
  });

  it("fills a partner's name merged over its agreements' rows, not into a row that names a country", async () => {
    const r = await csv(['国名,締結先,締結日', '中国,同済大学,2006.4.5', ',,2017.10.24', '韓国,,2001'].join('\n'));
    expect(statuses(r)).toEqual(['2:placed', '3:placed', '4:rejected:no-name']);
    expect(r.dataset.agreements.map((a) => [a.institutionIds[0], a.signed])).toEqual([
      ['tongji-university', '2006-04-05'],
      ['tongji-university', '2017-10-24'],
    ]);
    expect(r.inferred.filled.name).toBe(1);
  });

  it('fills area and level down, and a department only where the level says 部局間', async () => {
    const r = await csv(['地域,国名,大学名,区分,部局', 'アジア,中国,北京大学,部局間,工学研究科', ',中国,清華大学,,', ',中国,復旦大学,大学間,'].join('\n'));
    expect(r.inferred.filled).toMatchObject({ area: 2, level: 1, department: 1 });
    expect(r.dataset.agreements.map((a) => [a.level, a.department?.ja ?? null])).toEqual([
      ['department', '工学研究科'],
      ['department', '工学研究科'],
      ['university', null],
    ]);
  });
});

describe('3. heading rows inside the table', () => {
  it('skips region headings, bracketed headings and footnotes, listing them with their rows', async () => {
    const r = await csv(
      [
        '地域・国名,大学名,締結年月日',
        'アジア州(6),,',
        '中華人民共和国,西北大学,1980. 5.31',
        '【ヨーロッパ】,,',
        'Asia (63)**,Asia (63)**,',
        'ドイツ,ミュンヘン大学,1990',
        '※ 締結日は署名日',
        '* partner since 1990',
      ].join('\n'),
    );
    expect(r.skipped.map((s) => [s.row, s.kind])).toEqual([
      [2, 'region'],
      [4, 'region'],
      [5, 'region'],
      [7, 'footnote'],
      [8, 'footnote'],
    ]);
    expect(r.summary).toMatchObject({ rows: 2, rejected: 0, skipped: 5 });
  });

  it('reads a country alone on its row as the heading of the rows below', async () => {
    const r = await csv(['Country,Partner,Date', 'CHINA (2),,', ',Peking University,2001', ',Fudan University,2002'].join('\n'));
    expect(r.skipped).toEqual([{ row: 2, kind: 'country', text: 'CHINA (2)' }]);
    expect([3, 4].map((row) => countryOfRow(r, row))).toEqual(['CN', 'CN']);
  });

  it('tells a heading from a partner row', () => {
    const isCountry = (t: string) => countryCode(t) !== null;
    expect(headingOf(['アジア州(6)', '', ''], [1], isCountry)?.kind).toBe('region');
    expect(headingOf(['', '北京大学', ''], [1], isCountry)).toBeNull();
    expect(headingOf(['合計 35', '', ''], [1], isCountry)?.kind).toBe('total');
    expect(headingOf(['', 'Asia University', ''], [1], isCountry)).toBeNull();
    expect(headingOf(['中国', '北京大学', ''], [1], isCountry)).toBeNull();
  });
});

describe('4. country cells with decoration', () => {
  it.each([
    ['CHINA (14)', 'CN'],
    ['Hong Kong(4)', 'HK'],
    ['オーストリア Austria', 'AT'],
    ['ベトナム社会主義共和国', 'VN'],
    ['インドネシア共和国', 'ID'],
    ['モンゴル国', 'MN'],
    ['グレートブリテン及び北アイルランド連合王国', 'GB'],
    ['オーストラリア連邦', 'AU'],
    ['ラオス人民民主共和国', 'LA'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Republic of Korea', 'KR'],
    ['Russian Federation', 'RU'],
    ['Viet Nam', 'VN'],
    ['UNITED KINGDOM', 'GB'],
    ['タイ王国', 'TH'],
  ])('%s → %s', (cell, code) => {
    expect(countryCode(countryCellParts(cell).text)).toBe(code);
  });

  it('keeps the count of a group cell', () => {
    expect(countryCellParts('BHUTAN (1)')).toEqual({ text: 'BHUTAN', count: 1 });
    expect(countryCellParts('Asia (63)**')).toEqual({ text: 'Asia', count: 63 });
  });
});

describe('5. name cells with noise', () => {
  it('strips link labels and footnote marks, splits bilingual cells and a unit after a comma', () => {
    expect(nameParts('ハーバード大学(外部サイト)')).toEqual({ ja: 'ハーバード大学', en: '', unit: null });
    expect(nameParts('Harvard University （外部サイト）[PDF]')).toEqual({ ja: '', en: 'Harvard University', unit: null });
    expect(nameParts('ウィーン工科大学 Technische Universität Wien')).toEqual({ ja: 'ウィーン工科大学', en: 'Technische Universität Wien', unit: null });
    expect(nameParts('Peking University, School of International Studies')).toEqual({
      ja: '',
      en: 'Peking University',
      unit: 'School of International Studies',
    });
    expect(nameParts('University of California, Berkeley').en).toBe('University of California, Berkeley');
    expect(nameParts('ソウル大学校※').ja).toBe('ソウル大学校');
    expect(nameParts('Universität Wien ♦').en).toBe('Universität Wien');
    expect(nameParts('延世大学校★②').ja).toBe('延世大学校');
  });

  it('matches a bilingual cell to the built-in institution and keeps the unit on the agreement', async () => {
    const r = await csv('country,name,signed\nChina,"Peking University, School of International Studies",2001\n');
    expect(r.dataset.agreements[0]?.unit).toEqual({ ja: 'School of International Studies', en: 'School of International Studies' });
    expect(r.rows[0]).toMatchObject({ status: 'placed', place: 'institution' });
  });
});

describe('6. dates', () => {
  it.each([
    ['1980. 5.31', '1980-05-31', 'day'],
    ['1983. 4. 1', '1983-04-01', 'day'],
    ['1996. 1.23※', '1996-01-23', 'day'],
    ['1 April 2012', '2012-04-01', 'day'],
    ['April 1, 2012', '2012-04-01', 'day'],
    ['Oct 2008', '2008-10-01', 'month'],
    ['31/03/2017', '2017-03-31', 'day'],
    ['2005', '2005-01-01', 'year'],
  ])('%s → %s (%s)', (text, iso, precision) => {
    expect(parseDate(text)).toEqual({ ok: true, date: { iso, precision } });
  });

  it('decides day/month order from the whole column, and asks when it cannot', async () => {
    expect(dayOrderOf(['31/03/2017', '01/04/2015'])).toBe('dmy');
    expect(dayOrderOf(['03/31/2017', '04/01/2015'])).toBe('mdy');
    expect(dayOrderOf(['03/04/2017'])).toBeNull();
    const told = await csv('country,name,signed\nChina,Peking University,31/03/2017\nChina,Fudan University,01/04/2015\n');
    expect(told.dataset.agreements.map((a) => a.signed)).toEqual(['2017-03-31', '2015-04-01']);
    expect(told.inferred.dayOrder).toEqual({ order: 'dmy', chosen: false });
    const untold = await csv('country,name,signed\nChina,Peking University,03/04/2017\n');
    expect(untold.inferred.dayOrder).toBe('undecided');
    expect(statuses(untold)).toEqual(['2:rejected:day-order']);
    const chosen = await csv('country,name,signed\nChina,Peking University,03/04/2017\n', { dayOrder: 'mdy' });
    expect(chosen.dataset.agreements[0]?.signed).toBe('2017-03-04');
  });

  it('finds a date inside another cell', () => {
    expect(findDateIn('理工学部・理工学研究科 2017年4月7日')).toEqual({
      reading: { ok: true, date: { iso: '2017-04-07', precision: 'day' } },
      rest: '理工学部・理工学研究科',
    });
  });

  it('lists unreadable dates and lets the person keep those rows undated or leave them out; impossible dates stay rejected', async () => {
    const list = 'country,name,signed\nChina,Peking University,someday\nChina,Fudan University,2012-02-30\nChina,Tsinghua University,2001\n';
    const ask = await csv(list);
    expect(statuses(ask)).toEqual(['2:rejected:unreadable-date', '3:rejected:impossible-date', '4:placed']);
    expect(ask.inferred.unreadableDates).toBe(1);
    const keep = await csv(list, { undatedRows: 'keep' });
    expect(statuses(keep)).toEqual(['2:placed', '3:rejected:impossible-date', '4:placed']);
    expect(keep.dataset.agreements[0]).toMatchObject({ signed: null, signedPrecision: 'unknown' });
    const drop = await csv(list, { undatedRows: 'drop' });
    expect(statuses(drop)).toEqual(['2:rejected:unreadable-date', '3:rejected:impossible-date', '4:placed']);
    expect(keep.dataset.agreements[1]).toMatchObject({ signed: '2001-01-01', signedPrecision: 'year' });
  });
});

describe('7. level in a column', () => {
  it('reads 大学間 as university-wide and 部局間 with a department as the department', async () => {
    expect(parseLevel('大学間')).toEqual({ level: 'university', department: '' });
    expect(parseLevel('部局間(工学研究科)')).toEqual({ level: 'department', department: '工学研究科' });
    expect(parseLevel('University-wide')?.level).toBe('university');
    const r = await csv('国名,大学名,区分,部局\n中国,北京大学,大学間,\n中国,清華大学,部局間,工学研究科\n韓国,ソウル大学校,,大学間\n');
    expect(r.dataset.agreements.map((a) => [a.level, a.department?.ja ?? null])).toEqual([
      ['university', null],
      ['department', '工学研究科'],
      ['university', null],
    ]);
    expect(r.dataset.departments.map((d) => d.ja)).toEqual(['工学研究科']);
    expect(r.inferred.levelsFromColumn).toBe(3);
  });
});

describe('8. placement', () => {
  it('records how each partner was placed: institution (built-in or gazetteer), city, city in name, country', async () => {
    const r = await csv(
      [
        'country,name,city,lat,lng',
        'US,Harvard University,,,',
        'SD,University of Khartoum,,,',
        'SD,Ahfad College,Khartoum,,',
        'GB,Leeds Trinity College,,,',
        'EG,Unknown Institute,,,',
        'CL,Universidad X,,-33.4,-70.6',
        'US,Washington University,,,',
      ].join('\n'),
      { institutions: fakeLookup, cities: fakeCities },
    );
    expect(r.rows.map((row) => (row.status === 'rejected' ? row.reason : row.place))).toEqual([
      'institution',
      'institution',
      'city',
      'city-in-name',
      'country',
      'coordinates',
      'country',
    ]);
    const placement = (name: string) => r.dataset.institutions.find((i) => i.name.en === name)?.placement;
    expect(placement('Harvard University')).toBe('institution');
    expect(placement('University of Khartoum')).toBe('institution');
    expect(placement('Unknown Institute')).toBe('country');
    expect(r.dataset.institutions.find((i) => i.name.en === 'University of Khartoum')).toMatchObject({ lat: 15.6, lng: 32.53, city: { en: 'Khartoum' } });
    // Ambiguous: two Washington universities; none chosen, listed in the preview.
    expect(r.rows[6]).toMatchObject({ ambiguousInstitution: ['Washington University in St. Louis', 'University of Washington'] });
  });

  it('finds a katakana city at the start of a Japanese name', async () => {
    const r = await csv('国名,大学名\nオーストリア,ウィーン工科大学\n', { cities: fakeCities });
    expect(r.rows[0]).toMatchObject({ status: 'placed', place: 'city-in-name' });
    expect(r.dataset.institutions[0]?.city).toEqual({ en: 'Vienna', ja: 'ウィーン' });
  });
});

describe('the curated country names', () => {
  it('country-names.json is data/curation/country-names.csv as written (npx tsx scripts/country-names.ts)', async () => {
    const { countryNamesTable } = await import('../../../scripts/country-names');
    const csvText = readFileSync(new URL('../../../data/curation/country-names.csv', import.meta.url), 'utf8');
    const json = JSON.parse(readFileSync(new URL('../../../src/domain/import/country-names.json', import.meta.url), 'utf8'));
    expect(json).toEqual(countryNamesTable(csvText));
  });
});

describe('regions of imported countries', () => {
  it('agree with data/curation/countries.csv for every country the built-in dataset curates (one choice per country)', async () => {
    const { REGION_OF } = await import('../../../src/domain/import/regions');
    const { csvParse } = await import('d3');
    const curated = csvParse(readFileSync(new URL('../../../data/curation/countries.csv', import.meta.url), 'utf8'));
    const disagree = curated.filter((c) => REGION_OF.get(c.code!) !== c.region).map((c) => `${c.code}: ${REGION_OF.get(c.code!)} ≠ ${c.region}`);
    expect(disagree).toEqual([]);
    expect(curated.length).toBeGreaterThan(30);
  });
});

describe('a pasted table', () => {
  it('lays an HTML table on a grid, repeating merged cells, and reads it like a file', async () => {
    const cell = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan });
    const grid = gridOfCells([
      [cell('Country'), cell('Partner'), cell('Date of Agreement')],
      [cell('CHINA (2)', 2), cell('Peking University\n(外部サイト)'), cell('31/03/2017')],
      [cell('Fudan University'), cell('01/04/2015')],
      [cell('Total: 2', 1, 3)],
    ]);
    expect(grid).toEqual([
      ['Country', 'Partner', 'Date of Agreement'],
      ['CHINA (2)', 'Peking University (外部サイト)', '31/03/2017'],
      ['CHINA (2)', 'Fudan University', '01/04/2015'],
      ['Total: 2', 'Total: 2', 'Total: 2'],
    ]);
    const r = await importAgreements(tsvBytesOf(grid), 'pasted-table.tsv', { base, asOf: '2025-12' });
    expect(r.format).toBe('tsv');
    expect(statuses(r)).toEqual(['2:placed', '3:placed']);
    expect(r.skipped).toEqual([{ row: 4, kind: 'total', text: 'Total: 2' }]);
    expect(r.dataset.agreements.map((a) => a.signed)).toEqual(['2017-03-31', '2015-04-01']);
    expect(pastedFileName('a\tb')).toBe('pasted-table.tsv');
    expect(pastedFileName('a,b')).toBe('pasted-table.csv');
  });
});
