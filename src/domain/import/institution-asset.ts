// The institution gazetteer's asset (data/gazetteer/institutions.json, written by scripts/institution-gazetteer.ts
// from ROR): columnar, one block per country, cities in one shared table. Pure: decoding only, no fetching here.

/** How a name is written in an entry's `names` string: the first is the display name, then these prefixes. */
export const NAME_SEPARATOR = '|';
/** `^ACRONYM`: an acronym, matched only exactly. */
export const ACRONYM_MARK = '^';
/** `~ja~東京大学`: a label in a language (ISO 639-1). */
export const LABEL_MARK = '~';

/** ROR's kinds of institution kept: education, facility, healthcare, and research-like government or nonprofit. */
export type InstitutionType = 'e' | 'f' | 'h' | 'g' | 'n';

export interface CountryBlock {
  /** ROR ids (9 characters each), concatenated. */
  ids: string;
  /** One InstitutionType letter per institution. */
  types: string;
  /** Per institution, its names joined by NAME_SEPARATOR (display name first, then aliases, ^acronyms, ~lang~labels). */
  names: string[];
  /** Per institution, an index into the asset's cities (-1: none). */
  city: number[];
}

export interface InstitutionGazetteer {
  version: 1;
  /** Where it comes from: ROR release(s), repository commit, date, licence, counts, coverage. */
  provenance: Record<string, unknown>;
  /** Cities: name, latitude, longitude (4 decimals), GeoNames id. */
  cities: [name: string, lat: number, lng: number, geonameId: number][];
  /** Per ISO 3166-1 alpha-2 code. */
  countries: Record<string, CountryBlock>;
  /** Han character variants folded alike (data/curation/han-variants.csv): each string's characters are one. */
  hanVariants: string[];
}

export function isInstitutionGazetteer(value: unknown): value is InstitutionGazetteer {
  const v = value as Partial<InstitutionGazetteer> | null;
  return typeof v === 'object' && v !== null && v.version === 1 && Array.isArray(v.cities) && typeof v.countries === 'object' && v.countries !== null;
}

export interface DecodedName {
  value: string;
  kind: 'display' | 'alias' | 'acronym' | 'label';
  lang?: string;
}

export function decodeNames(joined: string): DecodedName[] {
  return joined.split(NAME_SEPARATOR).map((part, i): DecodedName => {
    if (i === 0) return { value: part, kind: 'display' };
    if (part.startsWith(ACRONYM_MARK)) return { value: part.slice(1), kind: 'acronym' };
    if (part.startsWith(LABEL_MARK)) {
      const end = part.indexOf(LABEL_MARK, 1);
      return { value: part.slice(end + 1), kind: 'label', lang: part.slice(1, end) };
    }
    return { value: part, kind: 'alias' };
  });
}

export function encodeName(name: DecodedName): string {
  if (name.kind === 'acronym') return `${ACRONYM_MARK}${name.value}`;
  if (name.kind === 'label') return `${LABEL_MARK}${name.lang ?? ''}${LABEL_MARK}${name.value}`;
  return name.value;
}
