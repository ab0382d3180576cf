// Where a partner goes on the map, in order: the row's lat/lng (when inside its country: coordinates.ts, checked by
// map-table.ts before this); a built-in institution of that name in that country;
// the institution gazetteer (options.institutions, the contract in institution-lookup.ts); the row's city; a city
// named inside the institution's name (ハルツーム大学 → Khartoum, University of Leeds → Leeds); else the country's
// centre. Each placement says which it was (Institution.placement).
import type { Institution, Placement } from '../schema';
import type { CityLookup, CityPlace } from './cities';
import type { InstitutionCandidate, InstitutionLookup } from './institution-lookup';

export type Placing =
  | { kind: 'built-in'; institution: Institution; ambiguous?: string[] }
  /** `correctedFrom`: the row's stated country, which the name corrected (no institution or city of it fits). */
  | { kind: 'gazetteer'; candidate: InstitutionCandidate; correctedFrom?: string }
  | {
      kind: 'point';
      place: Exclude<Placement, 'institution'>;
      lat: number;
      lng: number;
      /** The city the point is, when a city placed it. */
      city: { en: string; ja?: string } | null;
      ambiguousCity?: { city: string; candidates: number };
      /** The institution lookup found several institutions of this name: their names. */
      ambiguous?: string[];
    };

/** Words of an English institution name that are never its city. */
const NOT_CITY = new Set(
  'university universities of the and for at in de del della di du des la le les el y e und fur für institute institut instituto college school academy national state technical technology technological polytechnic science sciences medical medicine arts art music international research center centre foundation royal catholic federal central higher education studies business management engineering agricultural agriculture normal teachers women open free new'.split(
    ' ',
  ),
);
const JAPANESE_RUN = /^[\u30a0-\u30ff・ー]{2,}|^[\u3400-\u9fff]{2,3}/;

/** A city named in an institution's name: the longest run of 1–3 capitalised words the gazetteer knows in that country. */
export function cityInName(country: string, names: readonly string[], cities: CityLookup): (CityPlace & { text: string }) | null {
  for (const name of names) {
    if (!name) continue;
    const jaRun = JAPANESE_RUN.exec(name)?.[0];
    if (jaRun) {
      // ハルツーム大学 → ハルツーム; 北京大学 → 北京 (kanji: the first two or three characters).
      for (let end = jaRun.length; end >= 2; end -= 1) {
        const text = jaRun.slice(0, end).replace(/・$/, '');
        const found = cities(country, text);
        if (found) return { ...found, text };
        if (/^[\u30a0-\u30ff]/.test(jaRun)) break;
      }
      continue;
    }
    const words = name.split(/[\s,()/–-]+/).filter(Boolean);
    for (const size of [3, 2, 1]) {
      for (let i = 0; i + size <= words.length; i += 1) {
        const part = words.slice(i, i + size);
        if (part.some((w) => NOT_CITY.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w))) continue;
        const text = part.join(' ');
        const found = cities(country, text);
        if (found) return { ...found, text };
      }
    }
  }
  return null;
}

export interface PlaceInput {
  code: string;
  names: readonly string[];
  lat: number | null;
  lng: number | null;
  cityText: string;
  centroid: [number, number] | undefined;
}

/** The placing of one new partner (not one named before in the list), or null when nothing places it. */
export function placePartner(
  input: PlaceInput,
  builtIn: Institution | undefined,
  institutions: InstitutionLookup | undefined,
  cities: CityLookup | undefined,
): Placing | null {
  const { code, names, lat, lng, cityText, centroid } = input;
  if (builtIn) return { kind: 'built-in', institution: builtIn };
  let ambiguous: string[] | undefined;
  if (lat === null && institutions) {
    for (const name of names) {
      if (!name) continue;
      const found = institutions(name, code);
      if (!found) continue;
      if (found.match && found.match.country === code) return { kind: 'gazetteer', candidate: found.match };
      if (!found.match && found.candidates.length > 1) {
        ambiguous = found.candidates.slice(0, 5).map((c) => c.name.en);
        // Institutions of one city (Université de Rennes 1, Rennes 2): the institution is in doubt, not its place.
        const [first, ...rest] = found.candidates;
        if (lat === null && first?.country === code && first.geonameId && rest.every((c) => c.country === code && c.geonameId === first.geonameId))
          return { kind: 'point', place: 'city', lat: first.lat, lng: first.lng, city: first.city, ambiguous };
        break;
      }
    }
  }
  const extra = ambiguous ? { ambiguous } : {};
  if (lat !== null && lng !== null) return { kind: 'point', place: 'coordinates', lat, lng, city: cityText ? { en: cityText } : null, ...extra };
  const city = cityText && cities ? cities(code, cityText) : null;
  if (city) {
    return {
      kind: 'point',
      place: 'city',
      lat: city.lat,
      lng: city.lng,
      city: { en: city.name, ...(/[^\p{Script=Latin}\s\p{P}]/u.test(cityText) ? { ja: cityText } : {}) },
      ...(city.candidates > 1 ? { ambiguousCity: { city: cityText, candidates: city.candidates } } : {}),
      ...extra,
    };
  }
  const named = cities && !cityText ? cityInName(code, names, cities) : null;
  if (named) {
    const ja = /[\u3040-\u9fff]/.test(named.text) ? { ja: named.text } : {};
    return { kind: 'point', place: 'city-in-name', lat: named.lat, lng: named.lng, city: { en: named.name, ...ja }, ...extra };
  }
  // Nothing of the row's country fits it (no institution, city or city in the name): a name that is one institution's
  // of another country corrects the stated country, which the preview reports with its row.
  if (lat === null && !ambiguous && institutions?.elsewhere)
    for (const name of names) {
      const other = name ? institutions.elsewhere(name, code) : null;
      if (other?.match) return { kind: 'gazetteer', candidate: other.match, correctedFrom: code };
    }
  if (!centroid) return null;
  return { kind: 'point', place: 'country', lat: centroid[0], lng: centroid[1], city: null, ...extra };
}
