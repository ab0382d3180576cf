// MapLibre style: sources and layers as module-level constants. The style has no glyphs URL, so MapLibre draws
// labels with local fonts (TinySDF) and never requests a glyph or tile from another origin.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS } from '../../style/palette';
import { CLUSTER_MAX_ZOOM, HOME_CLUSTER_RADIUS, MARKER_RADIUS_STOPS, MARKER_TEXT_PX } from './marker-layout';
import { INSTITUTION_ZOOM } from './camera';
import { COMPARE_COLOUR } from './compare-colours';
import { CLUSTER_COLOUR, CLUSTER_RADIUS_PX, holdsNumber, MARKER_RADIUS, markerRadiusAt } from './circle-sizes';

export { clusterRadiusPx } from './circle-sizes';

export { INSTITUTION_ZOOM };

export const SOURCES = {
  basemap: 'basemap',
  /** The laid-out country markers (points) and their leader lines (line strings), in one source (see MARKER). */
  countryMarkers: 'country-markers',
  institutions: 'institutions',
  highlight: 'highlight',
  home: 'home',
  flows: 'flows',
  subject: 'subject',
} as const;

export const LAYERS = {
  countriesFill: 'countries-fill',
  flows: 'flow-lines',
  countryMarkers: 'country-markers',
  markerLeaders: 'country-marker-leaders',
  countryMarkerLabels: 'country-marker-labels',
  clusters: 'institution-clusters',
  clusterLabels: 'institution-cluster-labels',
  institutions: 'institution-points',
  highlight: 'institution-highlight',
  home: 'home-point',
  homeLabel: 'home-label',
  countryNames: 'country-names',
  markerHitboxes: 'country-marker-hitboxes',
  cityNames: 'city-names',
  subjectRing: 'subject-ring',
  subjectLabel: 'subject-label',
} as const;

/** A transparent image, sized per marker: the room a marker takes from the country names (see markerHitboxes). */
export const HITBOX_IMAGE = 'marker-hitbox';
export const HITBOX_IMAGE_PX = 4;

/** Layers shown at world level / at institution level. */
export const COUNTRY_LEVEL_LAYERS = [
  LAYERS.markerLeaders,
  LAYERS.countryMarkers,
  LAYERS.countryMarkerLabels,
  LAYERS.countryNames,
  LAYERS.markerHitboxes,
] as const;
export const INSTITUTION_LEVEL_LAYERS = [LAYERS.clusters, LAYERS.clusterLabels, LAYERS.institutions, LAYERS.cityNames] as const;
/**
 * Name labels start hidden and appear once the map has drawn its data: laying out text (local glyphs, collision)
 * cost ~0.4 s of the first load with software GL, and the counts and markers matter first.
 */
export const LABEL_LAYERS: readonly string[] = [LAYERS.countryNames, LAYERS.markerHitboxes, LAYERS.cityNames];
/** City names appear on institution points from this zoom on (before it, clusters and points are too dense). */
export const CITY_LABEL_ZOOM = 4.5;

export const CLUSTER_RADIUS = 28;
export { CLUSTER_MAX_ZOOM, HOME_CLUSTER_RADIUS };
const HOME_CLUSTER: ExpressionSpecification = ['has', 'point_count'];

const FONT = ['Noto Sans CJK JP', 'Noto Sans', 'sans-serif'];
/** MapLibre draws local glyphs in the weight the stack's first name says ("Bold"); the family then falls back to Noto. */
const BOLD_FONT = ['Noto Sans CJK JP Bold', 'Noto Sans CJK JP', 'Noto Sans', 'sans-serif'];
/** Names (countries, cities, home) on an ordinary screen; marker and cluster numbers are MARKER_TEXT_PX. */
const NAME_TEXT_PX = 11;
const HOME_TEXT_PX = 12;
/** The presentation subject's name (a slide's partner or country), beside its ring. */
const SUBJECT_TEXT_PX = 13;
const INSTITUTION_RADIUS_PX = 6;
/** Labels in the page's language, halo for legibility over land, borders and markers. */
const LABEL_PAINT = { 'text-color': COLOURS.text, 'text-halo-color': COLOURS.textHalo, 'text-halo-width': 1.4 } as const;

/**
 * A constant written as a per-feature expression. Circle layers whose radius, colour and opacity are all
 * per-feature share one shader variant with the country markers; with software GL each further variant costs
 * ~190 ms to link when first drawn (the home point at start-up, the highlight on the first hover, institution
 * points on the first zoom-in). No feature has the property `-`, so the value always applies.
 */
const perFeature = <T extends number | string>(value: T) => ['coalesce', ['get', '-'], value] as unknown as T;
/**
 * A per-feature radius written as one that also follows the zoom: the country markers' radius depends on both, and
 * MapLibre keys its shader variants by how each property is bound (zoom-and-feature, feature, constant), not by the
 * shader's text. A circle layer whose radius was per feature only linked a second, identical program at start-up
 * (the home point), ~150–190 ms of software GL before the first frame.
 */
const zoomed = <T>(value: T) => ['interpolate', ['linear'], ['zoom'], 0, value, 24, value] as unknown as number;
/** Radius, colour and opacity per feature: see perFeature and zoomed. */
const circle = (radius: number, color: string, opacity = 1) => ({
  'circle-radius': zoomed(perFeature(radius)),
  'circle-color': perFeature(color),
  'circle-opacity': perFeature(opacity),
});

/**
 * The country-markers source holds the markers (points) and their leader lines (line strings): one setData per change,
 * so one worker round trip and one map drawing, where two sources each finished at their own time and drew the map
 * 2–4 times per filter change (issue 28). Each layer takes its geometry: a drawn marker is a point with a count.
 */
const POINT_WITH_COUNT: ExpressionSpecification[] = [
  ['==', ['geometry-type'], 'Point'],
  ['>', ['get', 'count'], 0],
];
const MARKER: FilterSpecification = ['all', ...POINT_WITH_COUNT];
const LEADER: FilterSpecification = ['==', ['geometry-type'], 'LineString'];

/** The country names shown: every country with a marker, but a presentation subject, which its own label names. */
export function countryNamesFilter(subjectCountry: string | null): FilterSpecification {
  return subjectCountry ? ['all', ...POINT_WITH_COUNT, ['!=', ['get', 'code'], subjectCountry]] : MARKER;
}

export const BASE_LAYERS: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': COLOURS.ocean } },
  {
    // Partner and selected countries are tinted through feature-state, which repaints without re-tiling.
    id: LAYERS.countriesFill,
    type: 'fill',
    source: SOURCES.basemap,
    paint: {
      'fill-color': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        COLOURS.landSelected,
        ['boolean', ['feature-state', 'partner'], false],
        COLOURS.landPartner,
        COLOURS.land,
      ],
      // Borders as the fill's own 1 px antialiased outline: a separate line layer cost a shader program and
      // ~40 ms per frame with software GL, for a 0.5 px line that looks the same.
      'fill-outline-color': COLOURS.border,
    },
  },
  {
    // Great-circle lines from home to each partner city (flows=1), under every marker; width ∝ √agreements.
    id: LAYERS.flows,
    type: 'line',
    source: SOURCES.flows,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': COLOURS.flow, 'line-opacity': 0.6, 'line-width': ['+', 0.6, ['*', 0.55, ['sqrt', ['get', 'agreements']]]] },
  },
  {
    // From a marker's place to where the layout moved it (only for markers that moved).
    id: LAYERS.markerLeaders,
    type: 'line',
    source: SOURCES.countryMarkers,
    filter: LEADER,
    paint: { 'line-color': COLOURS.marker, 'line-width': 1, 'line-opacity': 0.7 },
  },
  {
    id: LAYERS.countryMarkers,
    type: 'circle',
    source: SOURCES.countryMarkers,
    filter: MARKER,
    paint: {
      'circle-radius': MARKER_RADIUS as unknown as number,
      'circle-color': ['case', ['get', 'selected'], COLOURS.markerSelected, COLOURS.marker],
      'circle-opacity': ['case', ['get', 'dimmed'], 0.35, 0.85],
      'circle-stroke-color': COLOURS.markerStroke,
      'circle-stroke-width': 1.2,
    },
  },
  {
    id: LAYERS.countryMarkerLabels,
    type: 'symbol',
    source: SOURCES.countryMarkers,
    filter: MARKER,
    layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': FONT, 'text-size': MARKER_TEXT_PX, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  },
  {
    id: LAYERS.clusters,
    type: 'circle',
    source: SOURCES.institutions,
    filter: ['has', 'point_count'],
    paint: {
      'circle-radius': zoomed(CLUSTER_RADIUS_PX),
      // By comparison class in a comparison (circle-sizes.ts), per feature like the other circles' colours.
      'circle-color': CLUSTER_COLOUR,
      'circle-opacity': perFeature(0.8),
      'circle-stroke-color': COLOURS.markerStroke,
      'circle-stroke-width': 1.5,
    },
  },
  {
    id: LAYERS.clusterLabels,
    type: 'symbol',
    source: SOURCES.institutions,
    filter: ['has', 'point_count'],
    layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': FONT, 'text-size': MARKER_TEXT_PX, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  },
  {
    id: LAYERS.institutions,
    type: 'circle',
    source: SOURCES.institutions,
    filter: ['!', ['has', 'point_count']],
    paint: {
      ...circle(INSTITUTION_RADIUS_PX, COLOURS.institution),
      'circle-color': COMPARE_COLOUR,
      'circle-stroke-color': COLOURS.markerStroke,
      'circle-stroke-width': 1.5,
    },
  },
  {
    // Country names beside their markers; collisions hide the smaller country's name (sorted by count).
    id: LAYERS.countryNames,
    type: 'symbol',
    source: SOURCES.countryMarkers,
    filter: countryNamesFilter(null),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': NAME_TEXT_PX,
      'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'bottom-left', 'top-right', 'bottom-right'],
      // Just outside the marker: its radius (see MARKER_RADIUS) in ems of the 11 px text, plus a little air.
      'text-radial-offset': [
        'interpolate',
        ['linear'],
        ['zoom'],
        ...MARKER_RADIUS_STOPS.flatMap((s) => [s.zoom, ['+', ['/', markerRadiusAt(s), NAME_TEXT_PX], 0.28]]),
      ] as unknown as number,
      // Two-word names on two lines (5 ems, ~55 px): on one line "South Korea" found no room between China's name and
      // the home's, on any side or diagonal, and the English map left Korea's marker unnamed (issue 26). Names without
      // a space (Japanese) keep MapLibre's 10 ems: it breaks CJK text at any character (ニュージ/ーランド).
      'text-max-width': ['case', ['in', ' ', ['get', 'name']], 5, 10] as unknown as number,
      'symbol-sort-key': ['-', ['get', 'count']],
      'text-padding': 2,
    },
    paint: LABEL_PAINT,
  },
  {
    // Presentation mode: a ring round the slide's subject (a partner's place, or a country's marker) and its dot.
    // Everything per feature (see MapController.subjectFeatures): one layer draws the ring and the dot.
    id: LAYERS.subjectRing,
    type: 'circle',
    source: SOURCES.subject,
    paint: {
      'circle-radius': zoomed(['get', 'radius']),
      'circle-color': ['get', 'fill'],
      'circle-opacity': ['get', 'fillOpacity'],
      'circle-stroke-color': ['get', 'stroke'],
      'circle-stroke-width': ['get', 'strokeWidth'],
    },
  },
  {
    // The subject's name beside its ring. Placed after the marker hitboxes and the home label (symbols are placed
    // from the top layer down), so it takes a side free of markers where there is one; it is always shown.
    id: LAYERS.subjectLabel,
    type: 'symbol',
    source: SOURCES.subject,
    filter: ['has', 'label'],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': BOLD_FONT,
      'text-size': SUBJECT_TEXT_PX,
      'text-variable-anchor': ['left', 'right', 'bottom', 'top'],
      'text-radial-offset': ['+', ['/', ['get', 'radius'], SUBJECT_TEXT_PX], 0.4] as unknown as number,
      'text-max-width': 14,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': COLOURS.text, 'text-halo-color': COLOURS.textHalo, 'text-halo-width': 2.5 },
  },
  {
    // Invisible squares a little inside each marker's circle, placed before the country names (symbols are placed from the top
    // layer down): a name never covers a marker, it moves to another side or waits for the user to zoom in.
    // Zero opacity is never drawn, so it costs no shader program.
    id: LAYERS.markerHitboxes,
    type: 'symbol',
    source: SOURCES.countryMarkers,
    filter: MARKER,
    layout: {
      'icon-image': HITBOX_IMAGE,
      // The radius the layout computed for the zoom it was made at (redone every quarter zoom level).
      'icon-size': ['/', ['max', 0, ['-', ['*', 2, ['get', 'radius']], 3]], HITBOX_IMAGE_PX],
      'icon-padding': 0,
      'icon-allow-overlap': true,
    },
    paint: { 'icon-opacity': 0 },
  },
  {
    id: LAYERS.cityNames,
    type: 'symbol',
    source: SOURCES.institutions,
    minzoom: CITY_LABEL_ZOOM,
    filter: ['!', ['has', 'point_count']],
    layout: {
      'text-field': ['get', 'city'],
      'text-font': FONT,
      'text-size': NAME_TEXT_PX,
      'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.8,
      'symbol-sort-key': ['-', ['get', 'count']],
      'text-padding': 2,
    },
    paint: LABEL_PAINT,
  },
  {
    id: LAYERS.highlight,
    type: 'circle',
    source: SOURCES.highlight,
    paint: { ...circle(11, 'rgba(0,0,0,0)'), 'circle-stroke-color': COLOURS.highlight, 'circle-stroke-width': 4 },
  },
  {
    id: LAYERS.home,
    type: 'circle',
    source: SOURCES.home,
    // A cluster of homes (a many-homes list, map-style.ts) is a larger disc with its count.
    paint: { ...circle(7, COLOURS.home), 'circle-radius': zoomed(['case', HOME_CLUSTER, 12, 7]), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
  {
    id: LAYERS.homeLabel,
    type: 'symbol',
    source: SOURCES.home,
    layout: {
      'text-field': ['case', HOME_CLUSTER, ['get', 'point_count_abbreviated'], ['get', 'label']],
      'text-font': FONT,
      'text-size': HOME_TEXT_PX,
      // East of Sendai, over the Pacific: to the west and south lie Korea's and China's markers. A cluster's count
      // sits on its disc.
      'text-offset': ['case', HOME_CLUSTER, ['literal', [0, 0]], ['literal', [0.9, 0]]],
      'text-anchor': ['case', HOME_CLUSTER, 'center', 'left'],
      'text-allow-overlap': true,
    },
    paint: {
      'text-color': ['case', HOME_CLUSTER, '#ffffff', COLOURS.home],
      'text-halo-color': ['case', HOME_CLUSTER, COLOURS.home, COLOURS.textHalo],
      'text-halo-width': 1.5,
    },
  },
];

/** The size (px) the presentation subject's name is drawn at, at a presentation scale. */
export const subjectTextPx = (scale: number) => SUBJECT_TEXT_PX * scale;
/** Names grow less than numbers in presentation mode: there are more of them, and they must find room. */
export const nameScale = (scale: number) => 1 + (scale - 1) * 0.6;
export const homeTextPx = (scale: number) => HOME_TEXT_PX * nameScale(scale);

type Property = [layer: string, name: string, value: unknown];

/**
 * The layout and paint properties that presentation mode changes, for a scale (1 = an ordinary screen, the style's
 * own values): numbers, names and the circles that hold numbers grow, so a projector's back row can read them.
 * Country markers then take their radius from the marker layout (markerRadius with the scale), which has already
 * made room for it.
 */
export function scaledProperties(scale: number): { layout: Property[]; paint: Property[] } {
  const numberPx = MARKER_TEXT_PX * scale;
  const namePx = NAME_TEXT_PX * nameScale(scale);
  const ordinary = scale <= 1;
  const grow = Math.sqrt(scale);
  return {
    layout: [
      [LAYERS.countryMarkerLabels, 'text-size', numberPx],
      [LAYERS.clusterLabels, 'text-size', numberPx],
      [LAYERS.countryNames, 'text-size', namePx],
      [
        LAYERS.countryNames,
        'text-radial-offset',
        ordinary
          ? (BASE_LAYERS.find((l) => l.id === LAYERS.countryNames) as { layout: Record<string, unknown> }).layout['text-radial-offset']
          : ['+', ['/', ['get', 'radius'], namePx], 0.28],
      ],
      [LAYERS.cityNames, 'text-size', namePx],
      [LAYERS.homeLabel, 'text-size', homeTextPx(scale)],
      [LAYERS.subjectLabel, 'text-size', subjectTextPx(scale)],
      [LAYERS.subjectLabel, 'text-radial-offset', ['+', ['/', ['get', 'radius'], subjectTextPx(scale)], 0.4]],
    ],
    paint: [
      [LAYERS.countryMarkers, 'circle-radius', ordinary ? MARKER_RADIUS : zoomed(['get', 'radius'])],
      [
        LAYERS.clusters,
        'circle-radius',
        zoomed(ordinary ? CLUSTER_RADIUS_PX : ['max', holdsNumber(['get', 'point_count'], numberPx), ['*', grow, CLUSTER_RADIUS_PX]]),
      ],
      [LAYERS.institutions, 'circle-radius', zoomed(perFeature(INSTITUTION_RADIUS_PX * grow))],
    ],
  };
}
