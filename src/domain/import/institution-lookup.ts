// src/domain/import/institution-lookup.ts
// The contract between the importer and the institution gazetteer: a partner's name (and its row's country) → the
// institution it denotes, how it was matched, or the several it could be.
export interface InstitutionCandidate {
  /** A ROR id ("05f950310") or a built-in institution's id. */
  id: string;
  name: { en: string; ja?: string };
  city: { en: string; ja?: string } | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lng: number;
  /** The GeoNames id of its city, when known. */
  geonameId?: number;
}

export type MatchHow = 'exact' | 'alias' | 'normalised' | 'reading' | 'typo';

export interface InstitutionMatch {
  /** The institution the name denotes; null when several fit equally well (then `candidates` lists them). */
  match: InstitutionCandidate | null;
  candidates: readonly InstitutionCandidate[];
  how: MatchHow;
}

/** Looks a partner's name up among the institutions of a country (ISO2), or of every country when null. */
export type InstitutionLookup = ((name: string, country: string | null) => InstitutionMatch | null) & {
  /**
   * A name no institution of the row's country fits, looked for in every other: the one institution it names by its
   * name, alias or label (an acronym is not enough), when all that fit are in one other country; else null. The row's
   * stated country is then corrected, and the preview says so (place.ts).
   */
  elsewhere?: (name: string, country: string) => InstitutionMatch | null;
};
