// What six more published lists showed (tests/fixtures/real-lists: ntut-asia, htu-partners, usn-partners,
// osaka-u-sfs-bukyoku-2016, ceu-erasmus-2017, rru-mou), each rule on a small table written here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingOf, nameParts, parseLevel } from '../../../src/domain/import/cells';
import { countriesNamedIn, countryCode } from '../../../src/domain/import/countries';
import { parseDate } from '../../../src/domain/import/dates';
import { fieldOfHeader } from '../../../src/domain/import/headers';
import { importAgreements, type ImportResult } from '../../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));
const csv = (text: string) => importAgreements(new TextEncoder().encode(text), 'list.csv', { base, asOf: '2025-12' });
const countryOfRow = (r: ImportResult, row: number) => {
  const a = r.dataset.agreements.find((x) => x.source.line === row);
  return a ? r.dataset.institutions.find((i) => i.id === a.institutionIds[0])?.country : undefined;
};
const isCountry = (t: string) => countryCode(t) !== null;

describe('header names of Chinese, Taiwanese and European lists', () => {
  it('reads the name, date, expiry, level and country headers they use', () => {
    expect(fieldOfHeader('English name of school')).toBe('name');
    expect(fieldOfHeader('Effective Date')).toBe('signed');
    expect(fieldOfHeader('Date of Expiry')).toBe('expires');
    expect(fieldOfHeader('簽約日期')).toBe('signed');
    expect(fieldOfHeader('國家')).toBe('country');
    expect(fieldOfHeader('Erasmus code')).toBe('country');
    expect(fieldOfHeader('School website')).toBeNull();
  });

  it('imports a list whose only headers are "English name of school" and "Country/Region"', async () => {
    const r = await csv(
      'English name of school,School website,Country/Region\nUniversity of Valencia,https://www.uv.es/,Spain\nOregon State University,Null,America\n',
    );
    expect(r.rows.map((x) => x.status)).toEqual(['approximate', 'approximate']);
    expect(countryOfRow(r, 3)).toBe('US');
  });
});

describe('country cells', () => {
  it('reads Chinese names (traditional and simplified) and other spellings lists use', () => {
    expect(countryCode('中國')).toBe('CN');
    expect(countryCode('美國')).toBe('US');
    expect(countryCode('马来西亚')).toBe('MY');
    expect(countryCode('America')).toBe('US');
    expect(countryCode('Belgia')).toBe('BE');
    expect(countryCode('Lao PDR')).toBe('LA');
  });

  it('finds a curated country name of several words inside a partner name', () => {
    expect(countriesNamedIn('Savannakhet University of Lao People Democratic Republic')).toEqual(['LA']);
    expect(countriesNamedIn('University of Tokyo')).toEqual([]);
  });

  it('reads the country of an Erasmus code, and nothing from a code-like text that is not one', () => {
    expect(countryCode('A  WIEN01')).toBe('AT');
    expect(countryCode('BG SOFIA06')).toBe('BG');
    expect(countryCode('UK LONDON029')).toBe('GB');
    expect(countryCode('SF HELSINK01')).toBe('FI');
    expect(countryCode('XX TOWN01')).toBeNull();
    expect(countryCode('A')).toBeNull();
  });
});

describe('levels written as 校級 / 院級', () => {
  it('reads 校級 (also with a note) as university-wide and 院級, 系級, 處級 as a unit', () => {
    expect(parseLevel('校級')?.level).toBe('university');
    expect(parseLevel('校級(續約)')?.level).toBe('university');
    expect(parseLevel('院級')?.level).toBe('department');
    expect(parseLevel('系級')?.level).toBe('department');
    expect(parseLevel('處級')?.level).toBe('department');
  });
});

describe('headings and repeated headers', () => {
  it('reads "region / country" in the name column as the heading of a country group', () => {
    expect(headingOf(['亞洲 Asia / 中國 China', '', ''], [0], isCountry)).toEqual({ kind: 'country', text: '中國 China', count: null });
    expect(headingOf(['Europe > Czech Republic', ''], [0], isCountry)?.kind).toBe('country');
    expect(headingOf(['University of Graz / Karl-Franzens-Universität Graz', ''], [0], isCountry)).toBeNull();
  });

  it('gives a headed group its country, skips the header written again, and lets a row name its own country', async () => {
    const r = await csv(
      [
        'Institution,Effective Date,Level',
        '亞洲 Asia / 中國 China,,',
        'Institution,Effective Date,Level',
        'Tianjin Normal College,2002.11.18,校級',
        'Sample Institute of Hanoi,1999.11.XX,院級',
        '"Sample University of Perth, Australia",2001.01.01,校級',
      ].join('\n'),
    );
    expect(r.skipped.map((s) => s.kind)).toEqual(['country', 'header']);
    expect(countryOfRow(r, 4)).toBe('CN');
    expect(countryOfRow(r, 6)).toBe('AU');
    const levels = r.dataset.agreements.map((a) => a.level);
    expect(levels).toEqual(['university', 'department', 'university']);
    expect(r.dataset.agreements[1]?.signed).toBe('1999-11-01');
  });
});

describe('a name ending in its country', () => {
  it('takes the country from the name where the country cell is blank, instead of filling it down', async () => {
    const r = await csv(
      [
        ',Country,Name of institution',
        '1,Belgium,"Hogeschool Sample, Belgium"',
        '2,,"Sample University of Mostar, Bosnia and Herzegovina"',
        '3,Brazil,"Universidade de Fortaleza (UNIFOR), Brazil"',
      ].join('\n'),
    );
    expect([2, 3, 4].map((row) => countryOfRow(r, row))).toEqual(['BE', 'BA', 'BR']);
    const names = r.dataset.institutions.map((i) => i.name.en);
    expect(names).toContain('Hogeschool Sample');
    expect(names.some((n) => n.endsWith(', Belgium'))).toBe(false);
  });

  it('reads a list without a country column from the names (`Name, Country`), and "Endless" as no end date', async () => {
    const r = await csv(
      'No.,Institution,Date of Expiry\n1.,"Qujing Sample College, China",Endless\n2.,"Sample College, Laos",Automatic Extension every 5 years.\n',
    );
    expect(r.rows.map((x) => (x.status === 'rejected' ? x.reason : 'read'))).toEqual(['read', 'read']);
    expect([2, 3].map((row) => countryOfRow(r, row))).toEqual(['CN', 'LA']);
    expect(r.dataset.agreements.every((a) => a.signed === null && !a.expires)).toBe(true);
  });

  it('does not give a row naming two countries the country of a later row across a row that named its own', async () => {
    const r = await csv(
      'No.,Institution,Date of Expiry\n1.,"Accord between universities in Kansai, Japan and Rajabhat Institutes in Thailand",Endless\n1.,"Sample College, Malaysia",Endless\n2.,Savannakhet University of Lao People Democratic Republic,Endless\n',
    );
    expect(r.rows.map((x) => (x.status === 'rejected' ? x.reason : 'read'))).toEqual(['no-country', 'read', 'read']);
    expect(countryOfRow(r, 4)).toBe('LA');
  });
});

describe('names', () => {
  it('sets a bracketed unit apart, but not a later name or a note', () => {
    expect(nameParts('同濟大學 (航空航天與力學學院)')).toEqual({ ja: '同濟大學', en: '', unit: '航空航天與力學學院' });
    expect(nameParts('コーンケーン大学(人文社会学部)').unit).toBe('人文社会学部');
    expect(nameParts('華中理工大學 (華中科技大學)').unit).toBeNull();
    expect(nameParts('Daffodil International University (DIU)').unit).toBeNull();
  });

  it('reads the English half of an Erasmus list\'s "English / own language" name', () => {
    expect(nameParts('Open University of Cyprus / Ανοικτό Πανεπιστήμιο Κύπρου').en).toBe('Open University of Cyprus');
    expect(nameParts('University of Zagreb / Sveučilište u Zagrebu').en).toBe('University of Zagreb');
    expect(nameParts('Ecole A / B').en).toBe('Ecole A / B');
  });
});

describe('dates', () => {
  it('reads a date whose day (or month) the list did not know as its month (or year)', () => {
    expect(parseDate('1999.11.XX')).toEqual({ ok: true, date: { iso: '1999-11-01', precision: 'month' } });
    expect(parseDate('2003-??-??')).toEqual({ ok: true, date: { iso: '2003-01-01', precision: 'year' } });
    expect(parseDate('1999.11.31').ok).toBe(false);
  });
});
