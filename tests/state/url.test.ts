import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { DEFAULT_VIEW, pageUrl, parseUrl, serialiseUrl, type UrlState } from '../../src/state/url';

describe('URL contract', () => {
  it('round-trips a full state', () => {
    const state: UrlState = {
      view: DEFAULT_VIEW,
      lang: 'en',
      selected: 'seoul-national-university',
      filters: {
        level: 'department',
        yearRange: [2000, 2009],
        countries: ['FR', 'KR'],
        regions: ['europe', 'asia'],
        departments: ['engineering', 'imr'],
        tuitionWaiverOnly: true,
        query: 'ソルボンヌ & co',
        homes: [],
        compare: null,
      },
    };
    const search = serialiseUrl(state);
    expect(search).toBe(
      '?lang=en&level=department&years=2000-2009&country=FR%2CKR&region=europe%2Casia&dept=engineering%2Cimr&waiver=1&q=%E3%82%BD%E3%83%AB%E3%83%9C%E3%83%B3%E3%83%8C+%26+co&selected=seoul-national-university',
    );
    expect(parseUrl(search)).toEqual(state);
  });

  it('round-trips the shared-link extensions (playback, presentation, camera, embed) and keeps old links valid', () => {
    const view = {
      playYear: 2001,
      speed: 2,
      loop: true,
      windowYears: 5,
      presentStep: 3,
      camera: { lng: 141.5, lat: 38.25, zoom: 4.5 },
      embed: true,
      flows: true,
      autoplay: true,
      basis: 'active' as const,
      localList: true,
    };
    const state: UrlState = { lang: 'ja', selected: null, filters: { ...DEFAULT_FILTERS, countries: ['CN'] }, view };
    const search = serialiseUrl(state);
    expect(search).toBe(
      '?lang=ja&country=CN&play=2001&speed=2&loop=1&window=5&present=3&cam=141.5%2C38.25%2C4.5&embed=1&flows=1&autoplay=1&basis=active&list=local',
    );
    expect(parseUrl(search)).toEqual(state);
    expect(parseUrl('?lang=en&country=FR').view).toEqual(DEFAULT_VIEW);
  });

  it('round-trips the flow lines (flows=1), and only its one value turns them on', () => {
    const state: UrlState = { lang: 'en', selected: null, filters: DEFAULT_FILTERS, view: { ...DEFAULT_VIEW, flows: true } };
    expect(serialiseUrl(state)).toBe('?lang=en&flows=1');
    expect(parseUrl('?lang=en&flows=1')).toEqual(state);
    expect(serialiseUrl({ ...state, view: DEFAULT_VIEW })).toBe('?lang=en');
    for (const garbage of ['0', 'yes', '11', '', '1 ']) expect(parseUrl(`?flows=${garbage}`).view?.flows).toBe(false);
  });

  it('reads basis=active and nothing else as "active in year"', () => {
    expect(parseUrl('?basis=active').view?.basis).toBe('active');
    for (const other of ['signed', 'ACTIVE', '1', '']) expect(parseUrl(`?basis=${other}`).view?.basis).toBe('signed');
  });

  it('writes nothing for the default view', () => {
    expect(serialiseUrl({ lang: null, selected: null, filters: DEFAULT_FILTERS })).toBe('');
  });

  it('accepts the plain comma form from the issue', () => {
    expect(parseUrl('?country=FR,KR&dept=engineering').filters).toMatchObject({ countries: ['FR', 'KR'], departments: ['engineering'] });
  });

  it('falls back to defaults for garbage, per parameter', () => {
    const s = parseUrl('?lang=xx&level=everything&years=2012-1983&country=france,KR,<b>&region=mars&dept=../etc&waiver=yes&selected=%3Cscript%3E');
    expect(s).toEqual({ lang: null, selected: null, filters: { ...DEFAULT_FILTERS, countries: ['KR'] }, view: DEFAULT_VIEW });
    expect(parseUrl('?play=abc&speed=99&window=0&present=-1&cam=1,2&embed=yes&flows=true').view).toEqual(DEFAULT_VIEW);
  });

  it('ignores oversized values and caps lists', () => {
    const long = 'a'.repeat(10_000);
    expect(parseUrl(`?q=${long}`).filters.query).toBe('');
    const many = Array.from({ length: 500 }, (_, i) => `X${String.fromCharCode(65 + (i % 26))}`).join(',');
    expect(parseUrl(`?country=${many}`).filters.countries.length).toBeLessThanOrEqual(60);
  });

  it('never throws on malformed escapes', () => {
    for (const raw of ['?q=%E0%A4%A', '?%%%', '?years=%ZZ', '?=&&=&', '?q=\u0000', '']) expect(() => parseUrl(raw)).not.toThrow();
  });
});

describe('pageUrl', () => {
  it('keeps every link on the page origin, whatever the path', () => {
    const origin = 'http://127.0.0.1:4173';
    expect(pageUrl({ origin, pathname: '/' }, '?lang=en')).toBe('http://127.0.0.1:4173/?lang=en');
    expect(pageUrl({ origin, pathname: '//evil.example/' }, '?lang=en')).toBe('http://127.0.0.1:4173/evil.example/?lang=en');
    expect(new URL(pageUrl({ origin, pathname: '///evil.example/x' }, '?a=1', '#h')).origin).toBe(origin);
  });

  it('round-trips home= and compare= (many-homes lists)', () => {
    const state: UrlState = {
      view: DEFAULT_VIEW,
      lang: null,
      selected: null,
      filters: { ...DEFAULT_FILTERS, homes: ['kyoto-university', 'tohoku-university'], compare: ['tohoku-university', 'osaka-university'] },
    };
    const search = serialiseUrl(state);
    expect(search).toBe('?home=kyoto-university%2Ctohoku-university&compare=tohoku-university%2Cosaka-university');
    expect(parseUrl(search)).toEqual(state);
    expect(parseUrl('?home=kyoto-university').filters.homes).toEqual(['kyoto-university']);
  });

  it('drops a garbled home= or compare=: bad ids, one home, the same home twice, three homes', () => {
    expect(parseUrl('?home=Kyoto%20U,kyoto-university,<b>').filters.homes).toEqual(['kyoto-university']);
    for (const bad of ['kyoto-university', 'kyoto-university,kyoto-university', 'a,b,c', 'a,B!', ',', ''])
      expect(parseUrl(`?compare=${encodeURIComponent(bad)}`).filters.compare).toBeNull();
    expect(parseUrl('?compare=a,%20b').filters.compare).toEqual(['a', 'b']);
  });
});
