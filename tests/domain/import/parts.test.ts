// The importer's parts: dates, countries, headers and text decoding.
import { describe, expect, it } from 'vitest';
import { countryCode } from '../../../src/domain/import/countries';
import { parseDate, parseExpiry } from '../../../src/domain/import/dates';
import { decodeText } from '../../../src/domain/import/decode';
import { findHeader, fieldOfHeader, mapHeaderRows } from '../../../src/domain/import/headers';

describe('parseDate', () => {
  it.each([
    ['2012-04-01', '2012-04-01', 'day'],
    ['2012/4/1', '2012-04-01', 'day'],
    ['2012.4.1', '2012-04-01', 'day'],
    ['2012-04', '2012-04-01', 'month'],
    ['2012年4月1日', '2012-04-01', 'day'],
    ['2012年4月', '2012-04-01', 'month'],
    ['２０１２年４月１日', '2012-04-01', 'day'],
    ['平成24年4月1日', '2012-04-01', 'day'],
    ['H24.4.1', '2012-04-01', 'day'],
    ['h24/4/1', '2012-04-01', 'day'],
    ['令和3年', '2021-01-01', 'year'],
    ['令和元年5月1日', '2019-05-01', 'day'],
    ['平成元年', '1989-01-01', 'year'],
    ['S58', '1983-01-01', 'year'],
    ['昭和58年10月', '1983-10-01', 'month'],
    ['2012', '2012-01-01', 'year'],
    ['20120401', '2012-04-01', 'day'],
    ['41000', '2012-04-01', 'day'],
  ])('%s → %s (%s)', (text, iso, precision) => {
    expect(parseDate(text)).toEqual({ ok: true, date: { iso, precision } });
  });

  it('reads Excel serials, years and Date cells', () => {
    expect(parseDate(41000)).toEqual({ ok: true, date: { iso: '2012-04-01', precision: 'day' } });
    expect(parseDate(2012)).toEqual({ ok: true, date: { iso: '2012-01-01', precision: 'year' } });
    expect(parseDate(new Date(Date.UTC(2012, 3, 1)))).toEqual({ ok: true, date: { iso: '2012-04-01', precision: 'day' } });
  });

  it.each(['2012-02-30', '2011/2/29', '平成24年13月1日', 'H24.4.31'])('%s is not a calendar date', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: 'impossible' });
  });

  it.each(['someday', '12/4/1', 'Spring 2012'])('%s is unreadable', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parseExpiry', () => {
  it.each([
    ['2015.10.20\n-2018.10.19', '2018-10-19'],
    ['2015-10-20 - 2018-10-19', '2018-10-19'],
    ['2020年4月1日～2025年3月31日', '2025-03-31'],
    ['2019-03-31', '2019-03-31'],
  ])('reads %j as ending %s (a period: its end)', (text, iso) => {
    expect(parseExpiry(text)).toMatchObject({ ok: true, date: { iso } });
  });

  it('reads a period only when both ends are dates', () => {
    expect(parseExpiry('2006.4.5\n-自動延長').ok).toBe(false);
    expect(parseExpiry('2019-13-45')).toEqual({ ok: false, reason: 'impossible' });
  });
});

describe('countryCode', () => {
  it.each([
    ['米国', 'US'],
    ['アメリカ合衆国', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['英国', 'GB'],
    ['UK', 'GB'],
    ['イギリス', 'GB'],
    ['韓国', 'KR'],
    ['South Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['Korea', 'KR'],
    ['台湾', 'TW'],
    ['Taiwan', 'TW'],
    ['ドイツ', 'DE'],
    ['Germany', 'DE'],
    ['de', 'DE'],
    ['DEU', 'DE'],
    ['ＦＲＡ', 'FR'],
    ['中国', 'CN'],
    ['豪州', 'AU'],
    ['ベトナム', 'VN'],
    ['Viet Nam', 'VN'],
  ])('%s → %s', (cell, code) => {
    expect(countryCode(cell)).toBe(code);
  });

  it('knows no Atlantis', () => {
    expect(countryCode('Atlantis')).toBeNull();
    expect(countryCode('アトランティス')).toBeNull();
    expect(countryCode('')).toBeNull();
  });
});

describe('headers', () => {
  it.each([
    ['大学名', 'name'],
    ['機関名', 'name'],
    ['協定校', 'name'],
    ['協定大学名', 'name'],
    ['国・地域', 'country'],
    ['国名', 'country'],
    ['都市', 'city'],
    ['締結日', 'signed'],
    ['締結年月日', 'signed'],
    ['協定締結日', 'signed'],
    ['部局', 'department'],
    ['授業料不徴収', 'waiver'],
    ['有効期限', 'expires'],
    ['終了日', 'expires'],
    ['Institution', 'name'],
    ['COUNTRY', 'country'],
    ['Longitude', 'lng'],
    ['lon', 'lng'],
    ['Latitude', 'lat'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('finds the header below title rows', () => {
    const rows = [
      { number: 1, cells: ['東北大学 協定校一覧', '', ''] },
      { number: 2, cells: ['平成24年5月現在', '', ''] },
      { number: 3, cells: ['No.', '大学名', '国・地域'] },
      { number: 4, cells: ['1', '北京大学', '中国'] },
    ];
    expect(findHeader(rows)).toEqual({
      headerRow: 3,
      headerRows: 1,
      columns: [
        { index: 0, header: 'No.', field: null },
        { index: 1, header: '大学名', field: 'name' },
        { index: 2, header: '国・地域', field: 'country' },
      ],
    });
  });
});

describe('two-row headers', () => {
  it('reads each label under its group cell, the group running on over the empty cells a CSV merge leaves', () => {
    const fields = mapHeaderRows(
      ['No.', '協定校', '', '所在地', '', '締結', '', '授業料不徴収'],
      ['', '和文', '英文', '国・地域', '都市', '年月日', '有効期限', ''],
    ).map((c) => c.field);
    expect(fields).toEqual([null, 'nameJa', 'nameEn', 'country', 'city', 'signed', 'expires', 'waiver']);
  });

  it('knows the labels in English too, and a group without labels under it', () => {
    const fields = mapHeaderRows(['Partner', '', 'Country', 'Agreement', ''], ['Japanese', 'English', '', 'Signed', 'Expires']).map((c) => c.field);
    expect(fields).toEqual(['nameJa', 'nameEn', 'country', 'signed', 'expires']);
  });

  it('prefers the pair of rows only when it names more fields than either row alone', () => {
    const rows = [
      { number: 1, cells: ['協定一覧', '', ''] },
      { number: 2, cells: ['大学名', '国・地域', '締結日'] },
      { number: 3, cells: ['北京大学', '中国', '2001/4/16'] },
    ];
    expect(findHeader(rows)).toMatchObject({ headerRow: 2, headerRows: 1 });
    const grouped = [
      { number: 1, cells: ['協定校', '', '国・地域', '締結'] },
      { number: 2, cells: ['和文', '英文', '', '年月日'] },
      { number: 3, cells: ['北京大学', 'Peking University', '中国', '2001/4/16'] },
    ];
    expect(findHeader(grouped)).toMatchObject({ headerRow: 2, headerRows: 2 });
    expect(findHeader(grouped)!.columns.map((c) => c.header)).toEqual(['協定校 / 和文', '協定校 / 英文', '国・地域', '締結 / 年月日']);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0x9b, 0xbd]))).toMatchObject({ text: '国', encoding: 'utf-8' });
  });
  it('falls back to Shift_JIS (CP932) when the bytes are not UTF-8', () => {
    // 大学 and ① in CP932.
    expect(decodeText(new Uint8Array([0x91, 0xe5, 0x8a, 0x77, 0x87, 0x40]))).toMatchObject({ text: '大学①', encoding: 'shift_jis' });
  });
});
