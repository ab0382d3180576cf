// The URL contract: parse and serialise the shareable view. The URL is untrusted input: anything garbled or
// oversized falls back to the default for that parameter.
import type { YearBasis } from '../domain/active';
import { DEFAULT_FILTERS, type Filters, type LevelFilter } from '../domain/filters';
import type { Lang, RegionId } from '../domain/schema';
import { ISO_ALPHA2_PATTERN, REGION_IDS, SLUG_PATTERN } from '../domain/schema-ids';

export interface UrlState {
  filters: Filters;
  selected: string | null;
  lang: Lang | null;
  /** Extensions for shared links (all optional, so older links stay valid). */
  view?: ViewState;
}

export interface ViewState {
  playYear: number | null;
  speed: number | null;
  loop: boolean;
  windowYears: number | null;
  presentStep: number | null;
  camera: { lng: number; lat: number; zoom: number } | null;
  embed: boolean;
  /** Great-circle lines from the home campus to the partner cities (`flows=1`). */
  flows: boolean;
  /** Kiosk: playback (or, while presenting, the slides) starts on load and resumes after a minute without input. */
  autoplay: boolean;
  /** `basis=active`: years show the agreements in force, for a list with end dates (domain/active.ts). */
  basis: YearBasis;
  /** `list=local`: the view is of a list opened in this browser ("Open your list"), not of the built-in one. */
  localList: boolean;
  /** `list=local:<id>`: which stored list (src/adapters/storage); null in an older `list=local` link. */
  localListId?: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  playYear: null,
  speed: null,
  loop: false,
  windowYears: null,
  presentStep: null,
  camera: null,
  embed: false,
  flows: false,
  autoplay: false,
  basis: 'signed',
  localList: false,
};

/** A stored list's id in a link: what newListId makes (hex), or any short slug a later version might. */
const LIST_ID = /^[a-z0-9-]{1,64}$/;

/** `list=local` → the current stored list (no id); `list=local:<id>` → that one; anything else → not a stored list. */
export function parseListParam(raw: string | null): { localList: boolean; localListId?: string } {
  if (raw === 'local') return { localList: true };
  if (raw?.startsWith('local:') && LIST_ID.test(raw.slice(6))) return { localList: true, localListId: raw.slice(6) };
  return { localList: false };
}

const MAX_PARAM_LENGTH = 500;
const MAX_LIST = 60;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

// The parameters' readers. Plain functions, not zod (issue 29): the early counts script (src/app/early-counts.ts)
// reads the URL through this module and must stay small. Each returns null for a value it does not accept; numbers
// are read as zod's z.coerce.number() read them before (Number(), finite), and their checks are inclusive.
type Reader<T> = (raw: string) => T | null;

const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : null;

function numberIn(min: number, max: number, integer: boolean): Reader<number> {
  return (raw) => {
    const n = Number(raw);
    return Number.isFinite(n) && (!integer || Number.isInteger(n)) && n >= min && n <= max ? n : null;
  };
}

const matching =
  (pattern: RegExp, maxLength = Number.POSITIVE_INFINITY): Reader<string> =>
  (raw) =>
    raw.length <= maxLength && pattern.test(raw) ? raw : null;

const readLang = oneOf<Lang>(['ja', 'en']);
const readLevel = oneOf<LevelFilter>(['all', 'university', 'department']);
const readRegion = oneOf<RegionId>(REGION_IDS);
function readYears(raw: string): [number, number] | null {
  if (!/^\d{4}-\d{4}$/.test(raw)) return null;
  const [a, b] = raw.split('-').map(Number) as [number, number];
  return a >= FIRST_YEAR && b <= LAST_YEAR && a <= b ? [a, b] : null;
}
const readYear = numberIn(FIRST_YEAR, LAST_YEAR, true);
const readSpeed = numberIn(0.25, 8, false);
const readWindow = numberIn(1, 50, true);
const readStep = numberIn(0, 100, true);
const readFlag = (raw: string) => (raw === '1' ? raw : null);
function readCamera(raw: string): { lng: number; lat: number; zoom: number } | null {
  if (!/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,\d{1,2}(\.\d+)?$/.test(raw)) return null;
  const [lng, lat, zoom] = raw.split(',').map(Number) as [number, number, number];
  return Math.abs(lng) <= 540 && Math.abs(lat) <= 85 && zoom <= 22 ? { lng, lat, zoom } : null;
}
const readCountry = matching(ISO_ALPHA2_PATTERN);
const readSlug = matching(SLUG_PATTERN, 120);

function list<T>(raw: string | null, item: Reader<T>): T[] {
  if (!raw) return [];
  const items = raw.split(',').slice(0, MAX_LIST);
  const out: T[] = [];
  for (const value of items) {
    const parsed = item(value.trim());
    if (parsed !== null && !out.includes(parsed)) out.push(parsed);
  }
  return out;
}

/** `compare=A,B`: two different home ids, or nothing. */
function pair(raw: string | null): [string, string] | null {
  const ids = list(raw, readSlug);
  return ids.length === 2 && raw!.split(',').length === 2 ? [ids[0]!, ids[1]!] : null;
}

function one<T>(raw: string | null, read: Reader<T>): T | null {
  return raw === null ? null : read(raw);
}

export function parseUrl(search: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 20_000 ? '' : search);
  } catch {
    params = new URLSearchParams();
  }
  const get = (key: string) => {
    const value = params.get(key);
    return value !== null && value.length <= MAX_PARAM_LENGTH ? value : null;
  };
  const query = (get('q') ?? '').slice(0, 200);
  const view: ViewState = {
    playYear: one(get('play'), readYear),
    speed: one(get('speed'), readSpeed),
    loop: get('loop') === '1',
    windowYears: one(get('window'), readWindow),
    presentStep: one(get('present'), readStep),
    camera: one(get('cam'), readCamera),
    embed: get('embed') === '1',
    flows: one(get('flows'), readFlag) !== null,
    autoplay: get('autoplay') === '1',
    basis: get('basis') === 'active' ? 'active' : 'signed',
    ...parseListParam(get('list')),
  };
  return {
    view,
    lang: one(get('lang'), readLang),
    selected: one(get('selected'), readSlug),
    filters: {
      yearRange: one(get('years'), readYears),
      countries: list(get('country'), readCountry),
      regions: list<RegionId>(get('region'), readRegion),
      departments: list(get('dept'), readSlug),
      level: one<LevelFilter>(get('level'), readLevel) ?? DEFAULT_FILTERS.level,
      tuitionWaiverOnly: get('waiver') === '1',
      // Whitespace alone is no query (and is not written back), so parse ∘ serialise stays the identity.
      query: query.trim() ? query : '',
      homes: list(get('home'), readSlug),
      compare: pair(get('compare')),
    },
  };
}

/** Serialises only what differs from the defaults, in a fixed parameter order. */
export function serialiseUrl(state: UrlState): string {
  const params = new URLSearchParams();
  const f = state.filters;
  if (state.lang) params.set('lang', state.lang);
  if (f.level !== 'all') params.set('level', f.level);
  if (f.yearRange) params.set('years', `${f.yearRange[0]}-${f.yearRange[1]}`);
  if (f.countries.length) params.set('country', f.countries.join(','));
  if (f.regions.length) params.set('region', f.regions.join(','));
  if (f.departments.length) params.set('dept', f.departments.join(','));
  if (f.tuitionWaiverOnly) params.set('waiver', '1');
  if (f.query.trim()) params.set('q', f.query);
  if (f.homes.length) params.set('home', f.homes.join(','));
  if (f.compare) params.set('compare', f.compare.join(','));
  if (state.selected) params.set('selected', state.selected);
  const v = state.view;
  if (v) {
    if (v.playYear !== null) params.set('play', String(v.playYear));
    if (v.speed !== null && v.speed !== 1) params.set('speed', String(v.speed));
    if (v.loop) params.set('loop', '1');
    if (v.windowYears !== null) params.set('window', String(v.windowYears));
    if (v.presentStep !== null) params.set('present', String(v.presentStep));
    if (v.camera) params.set('cam', `${round(v.camera.lng, 3)},${round(v.camera.lat, 3)},${round(v.camera.zoom, 2)}`);
    if (v.embed) params.set('embed', '1');
    if (v.flows) params.set('flows', '1');
    if (v.autoplay) params.set('autoplay', '1');
    if (v.basis === 'active') params.set('basis', 'active');
    if (v.localList) params.set('list', v.localListId ? `local:${v.localListId}` : 'local');
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The page's own address for a query string: origin plus path, with the path's leading slashes collapsed. A path
 * such as `//evil.example/` (a static host serves the atlas at any path) would otherwise make a link or
 * history.replaceState point at another site: an open redirect, or a SecurityError that stopped URL sync.
 */
export function pageUrl(location: { origin: string; pathname: string }, search: string, hash = ''): string {
  return `${location.origin}/${location.pathname.replace(/^\/+/, '')}${search}${hash}`;
}
