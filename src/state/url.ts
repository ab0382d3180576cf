// The URL contract: parse and serialise the shareable view. The URL is untrusted input: anything garbled or
// oversized falls back to the default for that parameter.
import * as z from 'zod';
import type { YearBasis } from '../domain/active';
import { DEFAULT_FILTERS, type Filters, type LevelFilter } from '../domain/filters';
import { ISO_ALPHA2_PATTERN, REGION_IDS, SLUG_PATTERN, type Lang, type RegionId } from '../domain/schema';

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

const langSchema = z.enum(['ja', 'en']);
const levelSchema = z.enum(['all', 'university', 'department']);
const regionSchema = z.enum(REGION_IDS);
const yearsSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .transform((s) => s.split('-').map(Number) as [number, number])
  .refine(([a, b]) => a >= FIRST_YEAR && b <= LAST_YEAR && a <= b);
const yearSchema = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);
const speedSchema = z.coerce.number().min(0.25).max(8);
const windowSchema = z.coerce.number().int().min(1).max(50);
const stepSchema = z.coerce.number().int().min(0).max(100);
const flagSchema = z.literal('1');
const cameraSchema = z
  .string()
  .regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,\d{1,2}(\.\d+)?$/)
  .transform((s) => s.split(',').map(Number) as [number, number, number])
  .refine(([lng, lat, zoom]) => Math.abs(lng) <= 540 && Math.abs(lat) <= 85 && zoom <= 22)
  .transform(([lng, lat, zoom]) => ({ lng, lat, zoom }));
const countrySchema = z.string().regex(ISO_ALPHA2_PATTERN);
const slugSchema = z.string().regex(SLUG_PATTERN).max(120);

function list<T>(raw: string | null, item: z.ZodType<T>): T[] {
  if (!raw) return [];
  const items = raw.split(',').slice(0, MAX_LIST);
  const out: T[] = [];
  for (const value of items) {
    const parsed = item.safeParse(value.trim());
    if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
  }
  return out;
}

/** `compare=A,B`: two different home ids, or nothing. */
function pair(raw: string | null): [string, string] | null {
  const ids = list(raw, slugSchema);
  return ids.length === 2 && raw!.split(',').length === 2 ? [ids[0]!, ids[1]!] : null;
}

function one<T>(raw: string | null, schema: z.ZodType<T>): T | null {
  if (raw === null) return null;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
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
    playYear: one(get('play'), yearSchema),
    speed: one(get('speed'), speedSchema),
    loop: get('loop') === '1',
    windowYears: one(get('window'), windowSchema),
    presentStep: one(get('present'), stepSchema),
    camera: one(get('cam'), cameraSchema),
    embed: get('embed') === '1',
    flows: one(get('flows'), flagSchema) !== null,
    autoplay: get('autoplay') === '1',
    basis: get('basis') === 'active' ? 'active' : 'signed',
    ...parseListParam(get('list')),
  };
  return {
    view,
    lang: one(get('lang'), langSchema),
    selected: one(get('selected'), slugSchema),
    filters: {
      yearRange: one(get('years'), yearsSchema),
      countries: list(get('country'), countrySchema),
      regions: list<RegionId>(get('region'), regionSchema),
      departments: list(get('dept'), slugSchema),
      level: one<LevelFilter>(get('level'), levelSchema) ?? DEFAULT_FILTERS.level,
      tuitionWaiverOnly: get('waiver') === '1',
      // Whitespace alone is no query (and is not written back), so parse ∘ serialise stays the identity.
      query: query.trim() ? query : '',
      homes: list(get('home'), slugSchema),
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
