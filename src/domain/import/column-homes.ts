// The homes of a list with a home column (大学名, 学校名, 所属大学, `home institution` beside a partner column: a
// ministry survey or a consortium's joint list): each row's home. Each name is resolved once, as a list's home is
// (home.ts resolveHome: a built-in institution, the institution gazetteer, a city named in it); a name found nowhere
// is still a home, named as written and placed at its country's centre (Japan for a Japanese name). A blank cell
// takes the home of the row above (merged cells saved as blanks). Two names of one university (京都大学, Kyoto
// University) that resolve to the same institution are one home.
import type { HomePlace } from '../schema';
import { countryNames } from './countries';
import { builtInNames, type HomeHow, resolveHome, type ResolveHomeOptions } from './home';
import { slugify } from './identity';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** A home read from the column: where it was found, and the names the list gives it. */
export interface ColumnHome {
  place: HomePlace;
  /** How it was placed: as a list's home is (home.ts), or at its country's centre when found nowhere. */
  how: HomeHow | 'country';
  /** The names the column gives it, as written. */
  names: string[];
  /** Rows naming it (blank cells filled down included). */
  rows: number;
}

export interface ColumnHomes {
  /** In order of first appearance. */
  homes: ColumnHome[];
  /** The home of each data row, by row number; absent for rows before the first named home. */
  ofRow: ReadonlyMap<number, ColumnHome>;
}

export interface ColumnHomeOptions extends ResolveHomeOptions {
  /** Country → [lat, lng] of its centre, for a home found nowhere. */
  centroids: Readonly<Record<string, readonly [number, number] | undefined>>;
  /** The country of a home found nowhere whose name is not Japanese (the list's own home's). */
  fallbackCountry: string;
}

/** Each row's home from the home column's cells (`texts[column]`); null when the column names no home at all. */
export function columnHomes(rows: readonly { number: number; texts: readonly string[] }[], column: number, options: ColumnHomeOptions): ColumnHomes | null {
  const byName = new Map<string, ColumnHome>();
  const byId = new Map<string, ColumnHome>();
  const homes: ColumnHome[] = [];
  const ofRow = new Map<number, ColumnHome>();
  let current: ColumnHome | null = null;
  const resolving = { ...options, builtIn: options.builtIn ?? builtInNames(options.base) };
  for (const row of rows) {
    const name = (row.texts[column] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
    if (name) {
      let home = byName.get(name);
      if (!home) {
        const place = placeOf(name, resolving, homes.length + 1);
        home = byId.get(place.place.id);
        if (!home || !samePlace(home.place, place.place)) {
          if (home) place.place = { ...place.place, id: freeId(place.place.id, byId) };
          home = { ...place, names: [], rows: 0 };
          byId.set(home.place.id, home);
          homes.push(home);
        }
        home.names.push(name);
        byName.set(name, home);
      }
      current = home;
    }
    if (current) {
      ofRow.set(row.number, current);
      current.rows += 1;
    }
  }
  return homes.length === 0 ? null : { homes, ofRow };
}

const samePlace = (a: HomePlace, b: HomePlace) => a.country === b.country && a.name.en === b.name.en && a.lat === b.lat && a.lng === b.lng;

function freeId(id: string, taken: ReadonlyMap<string, unknown>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n += 1;
  return `${id}-${n}`;
}

function placeOf(name: string, options: ColumnHomeOptions, n: number): { place: HomePlace; how: ColumnHome['how'] } {
  const resolved = resolveHome(name, options);
  // A home resolved by a city named in it keeps the slug of its name; a Japanese name has none: numbered instead.
  if (resolved.ok) return { place: resolved.home.id === 'home' ? { ...resolved.home, id: `home-${n}` } : resolved.home, how: resolved.how };
  const country = JAPANESE.test(name) ? 'JP' : options.fallbackCountry;
  const [lat, lng] = options.centroids[country] ?? [0, 0];
  const slug = slugify(name);
  return {
    place: {
      id: /[a-z]/.test(slug) ? slug : `home-${n}`,
      name: { ja: name, en: name },
      city: countryNames(country) ?? { en: country },
      country,
      lat,
      lng,
    },
    how: 'country',
  };
}
