// One row of the results list (view.ts, listGroups), with what only a rendered row needs worked out when first read.
import type { AtlasIndex } from './atlas-index';
import type { MatchReason, Relevance } from './relevance';
import type { Lang } from './schema';

export interface ListRow {
  institutionNo: number;
  institution: AtlasIndex['dataset']['institutions'][number];
  university: number;
  department: number;
  /** ISO date of the earliest filtered dated agreement, or null. */
  firstSigned: string | null;
  /** How much of that date its list gave (an imported list may give a year or a month): day unless it says less. */
  readonly firstSignedPrecision: 'day' | 'month' | 'year';
  /**
   * With a search query, why this row matched when its displayed name does not show it (an alias, a city, a country,
   * a partner unit, the other language's name, a near spelling); null otherwise (Relevance.reasonToShow).
   */
  readonly match: MatchReason | null;
}

const isoOf = (d: number) => (d ? `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, '0')}-${String(d % 100).padStart(2, '0')}` : null);

/** The precision of an institution's agreement signed on `iso` (imported lists: signedPrecision), day by default. */
function precisionOf(index: AtlasIndex, institutionId: string, iso: string | null): ListRow['firstSignedPrecision'] {
  if (iso === null) return 'day';
  const precision = index.agreementsByInstitution.get(institutionId)?.find((a) => a.signed === iso && a.signedPrecision)?.signedPrecision;
  return precision === 'year' || precision === 'month' ? precision : 'day';
}

/** The view's per-institution tallies (view.ts, InstitutionTally) that a row shows. */
type Tally = Readonly<Record<'university' | 'department' | 'firstSigned', Int32Array>>;

/**
 * One row. Its match reason and its date's precision are worked out when first read: a windowed list (and a list's
 * first frame) renders a screenful of its up to 500 rows, and a keystroke explained every one of them before its frame.
 */
export function listRow(index: AtlasIndex, tally: Tally, relevance: Relevance | null, n: number, lang: Lang): ListRow {
  const institution = index.dataset.institutions[n]!;
  const firstSigned = isoOf(tally.firstSigned[n]!);
  let precision: ListRow['firstSignedPrecision'] | undefined;
  let match: MatchReason | null | undefined;
  return {
    institutionNo: n,
    institution,
    university: tally.university[n]!,
    department: tally.department[n]!,
    firstSigned,
    get firstSignedPrecision() {
      precision ??= precisionOf(index, institution.id, firstSigned);
      return precision;
    },
    get match() {
      if (match === undefined) match = relevance ? relevance.reasonToShow(n, lang) : null;
      return match;
    },
  };
}
