// A comparison of two homes (compare=A,B) on the map: each partner point, and each arc, is only A's, only B's or both
// homes' (domain/compare.ts: ONLY_A 1, ONLY_B 2, SHARED 3), in the palette's three comparison colours, as the legend
// and the timeline's bars show them.
import { COLOURS } from '../../style/palette';

/** A partner point's colour: by its comparison class (map-data.ts, `compare`), else the institutions' blue; per feature. */
export const COMPARE_COLOUR = [
  'match',
  ['coalesce', ['get', 'compare'], 0],
  1,
  COLOURS.compareA,
  2,
  COLOURS.compareB,
  3,
  COLOURS.compareShared,
  COLOURS.institution,
] as unknown as string;
