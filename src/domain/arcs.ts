// Arcs of a many-homes atlas: one great circle from each home to each of its partners, built once per dataset into
// typed arrays (for the GPU), then shown or coloured per frame by a value per arc (no object per arc per frame).
import type { AtlasIndex } from './atlas-index';
import { evaluateFilters, type Filters } from './filters';
import { unwrapLongitude } from './flows';
import { playbackRange, visibleYearRange, type PlaybackSettings } from './playback';

/** Points per arc: fewer than the one-home flow lines (48), as 42,000 arcs are drawn at once. */
export const ARC_POINTS_MANY = 24;

const RADIANS = Math.PI / 180;

export interface ArcInput {
  links: readonly { agreementNo: number; institutionNo: number }[];
  /** Agreement index → home index. */
  homeOf: ArrayLike<number>;
  homes: readonly { lng: number; lat: number }[];
  institutions: readonly { lng: number; lat: number }[];
}

export interface ArcGeometry {
  count: number;
  pointsPerArc: number;
  /** Per arc, its home's and its partner's index. */
  home: Uint32Array;
  institution: Uint32Array;
  /**
   * lng, lat of every point, arc after arc. Longitudes are unwrapped from the home's, so consecutive points are never
   * more than 180° apart: Sendai → Boston runs east past 180° instead of streaking back across the map.
   */
  positions: Float32Array;
  /** Per link, the arc it belongs to (one arc for every agreement of a home with the same partner). */
  arcOfLink: Uint32Array;
}

/** Writes the great circle from (lng0, lat0) to (lng1, lat1) into `out` from `offset`, `points` points, unwrapped. */
function writeArc(out: Float32Array, offset: number, points: number, lng0: number, lat0: number, lng1: number, lat1: number): void {
  const x0 = lng0 * RADIANS;
  const y0 = lat0 * RADIANS;
  const x1 = lng1 * RADIANS;
  const y1 = lat1 * RADIANS;
  const cy0 = Math.cos(y0);
  const cy1 = Math.cos(y1);
  const ax = cy0 * Math.cos(x0);
  const ay = cy0 * Math.sin(x0);
  const az = Math.sin(y0);
  const bx = cy1 * Math.cos(x1);
  const by = cy1 * Math.sin(x1);
  const bz = Math.sin(y1);
  const d = 2 * Math.asin(Math.min(1, Math.sqrt(Math.sin((y1 - y0) / 2) ** 2 + cy0 * cy1 * Math.sin((x1 - x0) / 2) ** 2)));
  const k = Math.sin(d);
  let previous = lng0;
  const last = points - 1;
  for (let i = 0; i < points; i += 1) {
    let lng = lng0;
    let lat = lat0;
    if (i === last) {
      lng = lng1;
      lat = lat1;
    } else if (i > 0 && k !== 0) {
      const t = (i / last) * d;
      const a = Math.sin(d - t) / k;
      const b = Math.sin(t) / k;
      const x = a * ax + b * bx;
      const y = a * ay + b * by;
      const z = a * az + b * bz;
      lng = Math.atan2(y, x) / RADIANS;
      lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / RADIANS;
    }
    if (i > 0) lng = unwrapLongitude(lng, previous);
    previous = lng;
    out[offset + 2 * i] = lng;
    out[offset + 2 * i + 1] = lat;
  }
}

/** One arc per (home, partner) pair that has an agreement, in order of first link. */
export function buildArcs(input: ArcInput, points = ARC_POINTS_MANY): ArcGeometry {
  const { links, homeOf, homes, institutions } = input;
  const arcOfLink = new Uint32Array(links.length);
  const arcByPair = new Map<number, number>();
  const home: number[] = [];
  const institution: number[] = [];
  const institutionCount = institutions.length;
  for (let n = 0; n < links.length; n += 1) {
    const link = links[n]!;
    const h = homeOf[link.agreementNo]!;
    const key = h * institutionCount + link.institutionNo;
    let arc = arcByPair.get(key);
    if (arc === undefined) {
      arc = home.length;
      arcByPair.set(key, arc);
      home.push(h);
      institution.push(link.institutionNo);
    }
    arcOfLink[n] = arc;
  }
  const count = home.length;
  const positions = new Float32Array(count * points * 2);
  for (let arc = 0; arc < count; arc += 1) {
    const from = homes[home[arc]!]!;
    const to = institutions[institution[arc]!]!;
    writeArc(positions, arc * points * 2, points, from.lng, from.lat, to.lng, to.lat);
  }
  return { count, pointsPerArc: points, home: Uint32Array.from(home), institution: Uint32Array.from(institution), arcOfLink, positions };
}

/**
 * A value per arc from a value per link: the largest of its links' (0 = not drawn). With 1 for every link that
 * passes the filters, it is the arcs to draw; with a comparison's link classes, each arc's colour.
 */
export function arcValues(geometry: ArcGeometry, linkValue: ArrayLike<number>, out = new Uint8Array(geometry.count)): Uint8Array {
  out.fill(0);
  const { arcOfLink } = geometry;
  for (let n = 0; n < arcOfLink.length; n += 1) {
    const value = linkValue[n]!;
    const arc = arcOfLink[n]!;
    if (value > out[arc]!) out[arc] = value;
  }
  return out;
}

/** An arc's year when it never appears in playback (no passing link is dated): above any year. */
export const ARC_NEVER = 0xffff;

/**
 * Playback by year without a rebuild per year: per arc, the first year any of its passing links (`passes`, 1 = the
 * link passes every filter over the whole playback range) is signed in, ARC_NEVER when none. An arc shows at playback
 * year Y when its year is ≤ Y, which is what the filters give for "signed from the range's start to Y" (the cumulative
 * signed playback): a year step then changes one number, not the arcs.
 */
export function arcFirstYears(
  geometry: ArcGeometry,
  passes: ArrayLike<number>,
  linkYear: (link: number) => number | null,
  out = new Uint16Array(geometry.count),
): Uint16Array {
  out.fill(ARC_NEVER);
  const { arcOfLink } = geometry;
  for (let n = 0; n < arcOfLink.length; n += 1) {
    if (!passes[n]) continue;
    const year = linkYear(n);
    const arc = arcOfLink[n]!;
    if (year !== null && year < out[arc]!) out[arc] = year;
  }
  return out;
}

/** The arcs of a playback that needs no rebuild per year: which arcs it draws, and from which year each. */
export interface PlaybackArcs {
  /** 1 for an arc that shows at some year of the playback, 0 for one that never does. */
  classes: Uint8Array;
  /** Per arc, its first year (arcFirstYears). */
  years: Uint16Array;
  /** The year to compare the arcs' years with at playback year `playYear` (the last year on screen). */
  yearShown(playYear: number): number;
  /** Arcs on screen at playback year `playYear` (the layer's alpha reads it). */
  countAt(playYear: number): number;
}

/**
 * The arcs of the cumulative playback by signing year (the default): each link's first playback year is its signing
 * year, as the filters read "signed from the range's start to Y", so the arcs are computed once per playback (per
 * filter change) and a year step sets one uniform. Null for the other playbacks (a trailing window, "active in year":
 * an arc can leave the screen again there), which keep a class per arc per year.
 */
export function playbackArcs(index: AtlasIndex, geometry: ArcGeometry, filters: Filters, settings: PlaybackSettings): PlaybackArcs | null {
  if (settings.mode !== 'cumulative' || (settings.basis ?? 'signed') !== 'signed') return null;
  const range = playbackRange(filters.yearRange, index.yearExtent);
  const { masks } = evaluateFilters(index, { ...filters, yearRange: range }, 'signed');
  const passes = new Uint8Array(masks.length);
  for (let n = 0; n < masks.length; n += 1) passes[n] = masks[n] === 0 ? 1 : 0;
  const classes = arcValues(geometry, passes);
  const years = arcFirstYears(geometry, passes, (n) => index.links[n]!.year);
  // Arcs by first year, summed: the count on screen at each year of the range.
  const [first, last] = range;
  const upTo = new Int32Array(last - first + 1);
  for (const year of years) if (year !== ARC_NEVER) upTo[year - first]! += 1;
  for (let y = 1; y < upTo.length; y += 1) upTo[y]! += upTo[y - 1]!;
  const yearShown = (playYear: number) => visibleYearRange(playYear, settings, range)[1];
  return { classes, years, yearShown, countAt: (playYear) => upTo[yearShown(playYear) - first] ?? 0 };
}
