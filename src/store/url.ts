// The URL contract: parse and serialise the shareable view. The URL is untrusted input: anything garbled or
// oversized falls back to the default for that parameter.
import * as z from 'zod';
import { DEFAULT_FILTERS, type Filters, type LevelFilter } from '../domain/filters';
import { REGION_IDS, type Lang, type RegionId } from '../domain/schema';

export interface UrlState {
  filters: Filters;
  selected: string | null;
  lang: Lang | null;
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
const countrySchema = z.string().regex(/^[A-Z]{2}$/);
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120);

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
  const query = get('q') ?? '';
  return {
    lang: one(get('lang'), langSchema),
    selected: one(get('selected'), slugSchema),
    filters: {
      yearRange: one(get('years'), yearsSchema),
      countries: list(get('country'), countrySchema),
      regions: list<RegionId>(get('region'), regionSchema),
      departments: list(get('dept'), slugSchema),
      level: one<LevelFilter>(get('level'), levelSchema) ?? DEFAULT_FILTERS.level,
      tuitionWaiverOnly: get('waiver') === '1',
      query: query.slice(0, 200),
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
  if (state.selected) params.set('selected', state.selected);
  const s = params.toString();
  return s ? `?${s}` : '';
}
