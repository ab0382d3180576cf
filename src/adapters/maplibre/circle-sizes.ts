// The sizes of the map's counted circles (country markers, institution clusters) and the clusters' colour, as style
// expressions and as the numbers the layout and the presentation ring compute. A national list (770 homes, 42,000
// agreements) draws both scaled down, so that they leave the map and one another readable; a one-home list's are
// as before.
import type { ExpressionSpecification } from 'maplibre-gl';
import { COLOURS } from '../../style/palette';
import { MARKER_RADIUS_STOPS, MARKER_TEXT_PX, radiusForNumber } from './marker-layout';

/** The radius of a circle that holds the number `count` written at `textPx` (marker-layout.ts radiusForNumber). */
export const holdsNumber = (count: unknown, textPx: number) => [
  '+',
  1.5,
  ['*', 0.5, ['sqrt', ['+', ['^', ['*', 0.56 * textPx, ['length', ['to-string', count]]], 2], (0.72 * textPx) ** 2]]],
];

/** What a marker's area stands for (map-data.ts `size`: the count, scaled down for a national list). */
const MARKER_SIZE = ['coalesce', ['get', 'size'], ['get', 'count']];
/**
 * A marker's radius at a stop of MARKER_RADIUS_STOPS; a scaled-down marker (a national list's) never smaller than the
 * circle that holds its number (marker-layout.ts markerRadius). A one-home list's markers are not scaled.
 */
export const markerRadiusAt = (s: (typeof MARKER_RADIUS_STOPS)[number]) => [
  'max',
  ['+', s.base, ['*', s.perSqrt, ['sqrt', MARKER_SIZE]]],
  ['case', ['<', MARKER_SIZE, ['get', 'count']], holdsNumber(['get', 'count'], MARKER_TEXT_PX), 0],
];
/**
 * Proportional symbols: area ∝ count, so the radius grows with the square root. Smaller at world zoom, where
 * neighbours (China and Korea) are a few dozen pixels apart, than when zoomed in on a continent; where they still
 * overlap, marker-layout.ts moves them apart.
 */
export const MARKER_RADIUS = ['interpolate', ['linear'], ['zoom'], ...MARKER_RADIUS_STOPS.flatMap((s) => [s.zoom, markerRadiusAt(s)])];

/**
 * What the institutions' clusters sum (the source's clusterProperties): `w`, the points' weight (map-data.ts: 1, or
 * less for a national list, whose point carries its `w`), which sizes the cluster; `a`, `b`, `s`, its points of each
 * comparison class (only A, only B, both), which colour it.
 */
export const CLUSTER_PROPERTIES = {
  w: ['+', ['coalesce', ['get', 'w'], 1]],
  a: ['+', ['case', ['==', ['get', 'compare'], 1], 1, 0]],
  b: ['+', ['case', ['==', ['get', 'compare'], 2], 1, 0]],
  s: ['+', ['case', ['==', ['get', 'compare'], 3], 1, 0]],
} as unknown as Record<string, ExpressionSpecification>;

/** Cluster circles grow with the square root of their weight, as the country markers do, and hold their number. */
const CLUSTER_BASE_PX = 7;
const CLUSTER_PER_SQRT_PX = 2.6;
const WEIGHT = ['coalesce', ['get', 'w'], ['get', 'point_count']];
export const CLUSTER_RADIUS_PX = [
  'max',
  ['+', CLUSTER_BASE_PX, ['*', CLUSTER_PER_SQRT_PX, ['sqrt', WEIGHT]]],
  ['case', ['<', WEIGHT, ['get', 'point_count']], holdsNumber(['get', 'point_count'], MARKER_TEXT_PX), 0],
];

/** A cluster circle's radius in pixels at a presentation scale, as the style draws it (`weight`: its `w`). */
export function clusterRadiusPx(count: number, scale: number, weight = count): number {
  const radius = Math.max(CLUSTER_BASE_PX + CLUSTER_PER_SQRT_PX * Math.sqrt(weight), weight < count ? radiusForNumber(count, MARKER_TEXT_PX) : 0);
  return scale <= 1 ? radius : Math.max(radiusForNumber(count, MARKER_TEXT_PX * scale), Math.sqrt(scale) * radius);
}

/**
 * In a comparison, a cluster takes the colour of the class most of its partners are in (both homes' first, then only
 * A's), as single points take their own; otherwise the institutions' blue.
 */
export const CLUSTER_COLOUR = [
  'case',
  ['==', ['+', ['get', 'a'], ['get', 'b'], ['get', 's']], 0],
  COLOURS.institution,
  ['all', ['>=', ['get', 's'], ['get', 'a']], ['>=', ['get', 's'], ['get', 'b']]],
  COLOURS.compareShared,
  ['>=', ['get', 'a'], ['get', 'b']],
  COLOURS.compareA,
  COLOURS.compareB,
] as unknown as string;
