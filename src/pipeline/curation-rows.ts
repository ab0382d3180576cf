// The curated tables' rows as typed records, each remembering its file:line (loaded by curation.ts).
import type { Identification, RegionId } from '../domain/schema';

export interface Located {
  file: string;
  row: number;
}

export interface RegionRow extends Located {
  id: RegionId;
  ja: string;
  en: string;
}
export interface CountryRow extends Located {
  code: string;
  seedNames: string[];
  ja: string;
  /** The reading of `ja` (kana), required where `ja` has kanji. */
  yomi: string | null;
  en: string;
  region: RegionId;
  /** Territories whose places are listed under this heading (CN: HK). */
  includes: string[];
}
/** A point typed into a table (a campus), with its source in the row's note. */
export interface Coordinate {
  lat: number;
  lng: number;
}
export interface InstitutionRow extends Located {
  id: string;
  seedLine: number;
  seedJa: string;
  ja: string;
  /** The reading of `ja` (kana), required where `ja` has kanji. */
  yomi: string | null;
  en: string;
  country: string;
  cityEn: string;
  cityJa: string | null;
  geonameId: number;
  /** The gazetteer's name of the place, given only where city_en deliberately differs from it (Gothenburg: Göteborg). */
  gazetteerName: string | null;
  /** The campus, where stated: the gazetteer place must lie within CAMPUS_TOLERANCE_KM of it. */
  campus: Coordinate | null;
  /** True (pin = campus) where no gazetteer place is near the campus: the point is the campus itself. */
  pinAtCampus: boolean;
  /** The seed line of the group entry (カリフォルニア大学, line 172) this school or campus is listed under. */
  memberOf: number | null;
  aliases: string[];
  identification: Identification | null;
}
export interface DepartmentRow extends Located {
  id: string;
  seedLine: number;
  seedText: string | null;
  ja: string;
  en: string;
  statedCount: number | null;
}
export interface DepartmentAgreementRow extends Located {
  line: number;
  seedText: string;
  departmentId: string;
  institutionId: string;
  unit: { ja: string; en: string } | null;
  /** How sure the reading of this partner text as its institution is (アルピニ山大学 → Mines Albi). */
  identification: Identification | null;
}
export const CORRECTION_KINDS = ['country', 'header', 'department', 'duplicate', 'spelling', 'split', 'count', 'other'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export interface CorrectionRow extends Located {
  line: number;
  seedText: string;
  kind: CorrectionKind;
  decision: string;
  reason: string;
  /** decision_ja and reason_ja: the same judgement in Japanese, for the About dialog in Japanese. */
  ja: { decision: string; reason: string };
}
export interface HomeRow extends Located {
  id: string;
  ja: string;
  en: string;
  cityEn: string;
  cityJa: string;
  country: string;
  geonameId: number;
  /** The main campus, stated: the gazetteer place must lie near it. */
  campus: Coordinate;
  /** The founding year: no agreement can be older. */
  founded: number;
}

/** The dataset's title and citation (meta.csv, one row). */
export interface MetaRow extends Located {
  titleJa: string;
  titleEn: string;
  source: string;
  /** `YYYY-MM`: the month the seed's list describes. */
  asOf: string;
  /** The About dialog's notes on counting and corrections (meta.about, from the about_* columns), in both languages. */
  about: Record<'counting' | 'corrections', { ja: string; en: string }>;
}

export interface Curation {
  regions: RegionRow[];
  countries: CountryRow[];
  institutions: InstitutionRow[];
  departments: DepartmentRow[];
  departmentAgreements: DepartmentAgreementRow[];
  corrections: CorrectionRow[];
  labels: Set<string>;
  home: HomeRow;
  meta: MetaRow;
}
