// Whose list it is: the home, title and as-of month guessed from title rows and file names, and a home name
// resolved to a built-in institution, the institution gazetteer (a fake here) or a city named in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CityLookup } from '../../../src/domain/import/cities';
import { guessWhose, resolveHome, settleWhose } from '../../../src/domain/import/home';
import type { InstitutionLookup } from '../../../src/domain/import/institution-lookup';
import { importAgreements } from '../../../src/domain/import/importer';
import { parseDataset, type Dataset } from '../../../src/domain/schema';

const base: Dataset = parseDataset(JSON.parse(readFileSync(new URL('../../../data/agreements.json', import.meta.url), 'utf8')));

/** A tiny city gazetteer: Nagoya (JP), Cambridge (GB and US), Leeds (GB). */
const CITIES: Record<string, Record<string, [string, number, number]>> = {
  JP: { nagoya: ['Nagoya', 35.18, 136.91] },
  GB: { cambridge: ['Cambridge', 52.2, 0.12], leeds: ['Leeds', 53.8, -1.55] },
  US: { cambridge: ['Cambridge', 42.37, -71.11] },
};
const cities: CityLookup = (country, city) => {
  const hit = CITIES[country]?.[city.toLowerCase()];
  return hit ? { name: hit[0], lat: hit[1], lng: hit[2], candidates: 1 } : null;
};
const countries = ['JP', 'GB', 'US', 'DE'];

describe('guessWhose', () => {
  it('reads a Japanese title row: home, title and an era as-of date', () => {
    expect(guessWhose([['名古屋大学 学術交流協定校一覧 平成16年5月1日現在', '', '']], 'list.csv')).toEqual({
      home: '名古屋大学',
      title: '名古屋大学 学術交流協定校一覧',
      asOf: '2004-05',
    });
    expect(guessWhose([['国立大学法人名古屋大学 大学間交流協定一覧'], ['（令和2年4月1日現在）']], 'x.xlsx')).toMatchObject({
      home: '名古屋大学',
      asOf: '2020-04',
    });
    expect(guessWhose([['', '2019年10月1日現在']], 'x.csv').asOf).toBe('2019-10');
  });

  it('reads an English title row', () => {
    expect(guessWhose([['University of Leeds — Partner Institutions (as of 1 April 2020)']], 'partners.csv')).toEqual({
      home: 'University of Leeds',
      title: 'University of Leeds — Partner Institutions',
      asOf: '2020-04',
    });
    expect(guessWhose([['Nagoya University: exchange partners, as of March 2015']], 'a.csv')).toMatchObject({ home: 'Nagoya University', asOf: '2015-03' });
    expect(guessWhose([['Partners', 'as of October 5, 2018']], 'a.csv')).toMatchObject({ home: null, asOf: '2018-10' });
  });

  it('falls back to the file name, and says nothing it cannot read', () => {
    expect(guessWhose([], 'nagoya-university-partners.csv')).toEqual({ home: 'Nagoya University', title: null, asOf: null });
    expect(guessWhose([], '名古屋大学_協定校一覧_2020年4月現在.xlsx')).toMatchObject({ home: '名古屋大学', asOf: '2020-04' });
    expect(guessWhose([], 'partners.csv')).toEqual({ home: null, title: null, asOf: null });
    // A year alone is no month: not an as-of date.
    expect(guessWhose([['協定校一覧 2020年現在']], 'a.csv')).toMatchObject({ home: null, asOf: null, title: '協定校一覧 2020年現在' });
  });
});

describe('resolveHome', () => {
  it('finds the built-in home and built-in institutions by name or alias, in either language', () => {
    expect(resolveHome('東北大学', { base })).toMatchObject({ ok: true, how: 'built-in', home: { id: base.homes[0]!.id } });
    const harvard = base.institutions.find((i) => i.id === 'harvard-university')!;
    expect(resolveHome(harvard.name.ja, { base })).toMatchObject({ ok: true, home: { id: 'harvard-university', country: 'US', lat: harvard.lat } });
    expect(resolveHome('  HARVARD   university ', { base })).toMatchObject({ ok: true, home: { id: 'harvard-university' } });
  });

  it('asks the institution gazetteer, within the country when known', () => {
    const asked: (string | null)[] = [];
    const institutions: InstitutionLookup = (name, country) => {
      asked.push(country);
      return name === '名古屋大学'
        ? {
            match: {
              id: '04chrp450',
              name: { en: 'Nagoya University', ja: '名古屋大学' },
              city: { en: 'Nagoya', ja: '名古屋' },
              country: 'JP',
              lat: 35.15,
              lng: 136.97,
            },
            candidates: [],
            how: 'exact',
          }
        : null;
    };
    expect(resolveHome('名古屋大学', { base, institutions })).toEqual({
      ok: true,
      how: 'institution',
      home: {
        id: 'nagoya-university',
        name: { ja: '名古屋大学', en: 'Nagoya University' },
        city: { en: 'Nagoya', ja: '名古屋' },
        country: 'JP',
        lat: 35.15,
        lng: 136.97,
      },
    });
    expect(asked).toEqual(['JP']);
    const several: InstitutionLookup = () => ({
      match: null,
      how: 'normalised',
      candidates: [
        { id: 'a', name: { en: 'Université de Lyon' }, city: null, country: 'FR', lat: 45.7, lng: 4.8 },
        { id: 'b', name: { en: 'Université Lyon 2' }, city: null, country: 'FR', lat: 45.7, lng: 4.8 },
      ],
    });
    expect(resolveHome('Lyon', { base, institutions: several })).toEqual({
      ok: false,
      name: 'Lyon',
      reason: 'ambiguous',
      candidates: ['Université de Lyon', 'Université Lyon 2'],
    });
  });

  it('places a name by the city it names, and says why not when it cannot', () => {
    expect(resolveHome('Nagoya University', { base, cities, countries })).toMatchObject({
      ok: true,
      how: 'city',
      home: { id: 'nagoya-university', name: { ja: 'Nagoya University', en: 'Nagoya University' }, city: { en: 'Nagoya' }, country: 'JP', lat: 35.18 },
    });
    expect(resolveHome('University of Leeds', { base, cities, countries })).toMatchObject({ ok: true, home: { country: 'GB', city: { en: 'Leeds' } } });
    expect(resolveHome('Cambridge School of Art', { base, cities, countries })).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(resolveHome('Cambridge School of Art', { base, cities, countries, country: 'GB' })).toMatchObject({ ok: true, home: { country: 'GB' } });
    expect(resolveHome('Nowhere College', { base, cities, countries })).toEqual({ ok: false, name: 'Nowhere College', reason: 'not-found', candidates: [] });
    expect(resolveHome('   ', { base })).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('settleWhose', () => {
  const options = { base, cities, asOf: '2026-12' };
  it('prefers what the person gave, then the file, and says where each came from', () => {
    const rows = [['Nagoya University — Partner Institutions (as of 1 April 2020)']];
    expect(settleWhose(rows, 'a.csv', options, countries)).toMatchObject({
      homeFrom: 'file',
      home: { ok: true, home: { id: 'nagoya-university' } },
      asOf: '2020-04',
      asOfFrom: 'file',
      title: { en: 'Nagoya University — Partner Institutions' },
      titleFrom: 'file',
    });
    const given = settleWhose(rows, 'a.csv', { ...options, homeName: 'University of Leeds', asOfStated: '2021-03', title: { ja: 'T', en: 'T' } }, countries);
    expect(given).toMatchObject({ homeFrom: 'given', home: { ok: true, home: { country: 'GB' } }, asOf: '2021-03', asOfFrom: 'given', titleFrom: 'given' });
    expect(settleWhose([], 'a.csv', options, countries)).toMatchObject({
      home: null,
      homeFrom: null,
      asOf: '2026-12',
      asOfFrom: 'default',
      titleFrom: 'default',
    });
  });
});

describe('importAgreements with a home', () => {
  const csv = (text: string) => new TextEncoder().encode(text);
  const list = 'Nagoya University — Partner Institutions (as of 1 April 2020)\nname,country,signed\nHarvard University,US,2010-04-01\nFoo University,DE,2019\n';

  it("gives the dataset the list's home, title, as-of month and its own About notes", async () => {
    const r = await importAgreements(csv(list), 'nagoya.csv', { base, asOf: '2026-12', cities });
    expect(r.guesses.home).toMatchObject({ ok: true });
    expect(r.dataset.homes).toMatchObject([{ id: 'nagoya-university', city: { en: 'Nagoya' }, country: 'JP' }]);
    expect(r.dataset.meta).toMatchObject({ asOf: '2020-04', title: { en: 'Nagoya University — Partner Institutions' }, source: 'nagoya.csv' });
    expect(r.dataset.meta.about?.corrections.en).toMatch(/^Corrections: none/);
    expect(JSON.stringify(r.dataset)).not.toMatch(/Tohoku|東北/);
  });

  it("rejects a date after the list's own as-of month", async () => {
    const r = await importAgreements(csv(`${list}Bar University,DE,2021-01-01\n`), 'nagoya.csv', { base, asOf: '2026-12', cities });
    expect(r.rows.at(-1)).toMatchObject({ status: 'rejected', reason: 'after-as-of' });
  });

  it('names a home given by the person over the guess', async () => {
    const r = await importAgreements(csv(list), 'nagoya.csv', { base, asOf: '2026-12', cities, homeName: 'University of Leeds', asOfStated: '2024-01' });
    expect(r.dataset.homes).toMatchObject([{ id: 'university-of-leeds', country: 'GB' }]);
    expect(r.dataset.meta.asOf).toBe('2024-01');
  });
});
