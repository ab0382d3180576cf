// Pure builders of the GeoJSON the map shows: per-country markers, institution points, highlight, home.
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { CountryCount } from './aggregate';
import type { AtlasIndex } from './atlas-index';
import type { Home, Institution, Lang } from './schema';
import { flowPlaces, greatCircleArc } from './flows';
import { soleHome } from './homes';

export interface CountryMarkerProperties {
  code: string;
  /** The country's name in the page's language: the label beside the marker. */
  name: string;
  count: number;
  /**
   * What the marker's area stands for: `count` times the dataset's markerSizeScale (1 for a list whose largest
   * country has up to MARKER_SIZE_FULL agreements, Tohoku's among them), so a national list's 11,461 does not cover the map.
   */
  size: number;
  institutions: number;
  selected: boolean;
  dimmed: boolean;
}

export interface InstitutionPointProperties {
  id: string;
  count: number;
  /** The institution's city in the page's language: the label shown when zoomed in. */
  city: string;
  /** In a comparison (compare=A,B): ONLY_A 1, ONLY_B 2 or SHARED 3 (domain/compare.ts), which colours the point. */
  compare?: number;
  /** The point's weight in the size of a cluster (clusterWeight), only where it is below 1 (a national list). */
  w?: number;
}

const point = (lng: number, lat: number): Point => ({ type: 'Point', coordinates: [lng, lat] });

/** A list whose largest country has up to this many agreements draws its markers at full size (area ∝ agreements). */
export const MARKER_SIZE_FULL = 400;

/**
 * The factor that keeps a large list's markers on the map: MARKER_SIZE_FULL over the agreements of the whole list's
 * largest country (at most 1). From the whole dataset, not the filtered view, so a marker's size still means the same
 * number through filters and playback; areas stay proportional to the counts, as the legend says.
 */
export function markerSizeScale(index: AtlasIndex): number {
  const perCountry = new Map<number, number>();
  let lastAgreement = -1;
  let seen: number[] = [];
  for (const link of index.links) {
    // An agreement with several partners in one country counts once there (links of an agreement are consecutive).
    if (link.agreementNo !== lastAgreement) {
      lastAgreement = link.agreementNo;
      seen = [];
    }
    if (seen.includes(link.countryNo)) continue;
    seen.push(link.countryNo);
    perCountry.set(link.countryNo, (perCountry.get(link.countryNo) ?? 0) + 1);
  }
  let largest = 0;
  for (const n of perCountry.values()) largest = Math.max(largest, n);
  return largest > MARKER_SIZE_FULL ? MARKER_SIZE_FULL / largest : 1;
}

/** One marker per country with partners; counts come from links filtered on everything but the country. */
export function countryMarkers(
  index: AtlasIndex,
  counts: ReadonlyMap<string, CountryCount>,
  selected: readonly string[],
  lang: Lang,
  sizeScale = 1,
): FeatureCollection<Point, CountryMarkerProperties> {
  const chosen = new Set(selected);
  return {
    type: 'FeatureCollection',
    features: index.dataset.countries.map((c) => {
      const [lng, lat] = index.countryAnchors.get(c.code) ?? [0, 0];
      const count = counts.get(c.code);
      return {
        type: 'Feature',
        id: c.code,
        geometry: point(lng, lat),
        properties: {
          code: c.code,
          name: c.name[lang],
          count: count?.agreements ?? 0,
          size: (count?.agreements ?? 0) * sizeScale,
          institutions: count?.institutions ?? 0,
          selected: chosen.has(c.code),
          dimmed: chosen.size > 0 && !chosen.has(c.code),
        },
      };
    }),
  };
}

/**
 * Geometries that never change for a dataset: institution points and the arcs from home, built once and shared by
 * every later update (a filter change only makes new features). One per map model builder, not per module.
 */
export class GeometryCache {
  private points: { index: AtlasIndex; list: Point[] } | null = null;
  private arcs: { index: AtlasIndex; byPlace: Map<string, LineString> } | null = null;

  institutionPoints(index: AtlasIndex): Point[] {
    if (this.points?.index !== index) this.points = { index, list: index.dataset.institutions.map((i) => point(i.lng, i.lat)) };
    return this.points.list;
  }

  arcsFrom(index: AtlasIndex): Map<string, LineString> {
    if (this.arcs?.index !== index) this.arcs = { index, byPlace: new Map() };
    return this.arcs.byPlace;
  }
}

/** A list of up to this many institutions draws its clusters at full size (area ∝ institutions). */
export const CLUSTER_SIZE_FULL = 500;

/**
 * A point's weight in its cluster's area: 1, or CLUSTER_SIZE_FULL over the list's institutions (a national list's
 * 15,449: its Paris cluster of ~1,400 ~24 px, not ~100, and no longer over its neighbours).
 */
export const clusterWeight = (index: AtlasIndex): number => Math.min(1, CLUSTER_SIZE_FULL / Math.max(1, index.dataset.institutions.length));

/** One point per institution that passes the filters, with its number of filtered agreements. */
export function institutionPoints(
  index: AtlasIndex,
  passing: readonly number[],
  agreementCounts: Int32Array,
  lang: Lang,
  cache = new GeometryCache(),
  /** A comparison's class per institution (Comparison.institutionClass): each point then carries its `compare`. */
  compareClass: Uint8Array | null = null,
): FeatureCollection<Point, InstitutionPointProperties> {
  const institutions = index.dataset.institutions;
  const points = cache.institutionPoints(index);
  const weight = clusterWeight(index);
  return {
    type: 'FeatureCollection',
    features: passing.map((n) => {
      const institution = institutions[n]!;
      const city = (lang === 'ja' ? institution.city.ja : undefined) ?? institution.city.en;
      const properties: InstitutionPointProperties = { id: institution.id, count: agreementCounts[n]!, city };
      if (compareClass) properties.compare = compareClass[n]!;
      if (weight < 1) properties.w = weight;
      return { type: 'Feature', geometry: points[n]!, properties };
    }),
  };
}

export function highlightPoints(institutions: readonly (Institution | undefined)[]): FeatureCollection<Point, { id: string; country: string }> {
  return {
    type: 'FeatureCollection',
    features: institutions.flatMap((i) =>
      i ? [{ type: 'Feature' as const, geometry: point(i.lng, i.lat), properties: { id: i.id, country: i.country } }] : [],
    ),
  };
}

/** One point per home, labelled with its name (the first home's point leads: the opening camera centres on it). */
export function homePoints(homes: readonly Home[], lang: Lang): FeatureCollection<Point, { label: string }> {
  return {
    type: 'FeatureCollection',
    features: homes.map((home) => ({ type: 'Feature', geometry: point(home.lng, home.lat), properties: { label: home.name[lang] } })),
  };
}

/** world-atlas ids of the countries that have a marker, and of the selected ones. */
export function countryFillIds(index: AtlasIndex, counts: ReadonlyMap<string, CountryCount>, selected: readonly string[]) {
  const ids = (codes: Iterable<string>) => [...codes].flatMap((code) => index.countriesByCode.get(code)?.borderIds ?? []);
  return { partner: ids([...counts.keys()]), selected: ids(selected) };
}

/** The institutions a filter on countries, or else on regions, puts in focus: the camera frames them. */
export function focusedInstitutions(index: AtlasIndex, countries: readonly string[], regions: readonly string[]): Institution[] {
  if (countries.length > 0) return index.dataset.institutions.filter((i) => countries.includes(i.country));
  if (regions.length === 0) return [];
  const inRegions = new Set(index.dataset.countries.filter((c) => regions.includes(c.region)).map((c) => c.code));
  return index.dataset.institutions.filter((i) => inRegions.has(i.country));
}

export interface FlowLineProperties {
  /** `country|city` of the partner city the line goes to. */
  place: string;
  agreements: number;
}

/**
 * One great-circle line from home to each partner city of the passing institutions (the filters and, while playing,
 * the years up to the playback year decide which), with its filtered agreement count for the line's width.
 */
export function flowLines(
  index: AtlasIndex,
  passing: readonly number[],
  agreementCounts: Int32Array,
  cache = new GeometryCache(),
): FeatureCollection<LineString, FlowLineProperties> {
  // Lines from the one home; a network's arcs (a line per home and partner) are drawn elsewhere (issue 28).
  const home = soleHome(index.dataset);
  if (!home) return NO_FLOWS as FeatureCollection<LineString, FlowLineProperties>;
  const arcs = cache.arcsFrom(index);
  return {
    type: 'FeatureCollection',
    features: flowPlaces(index, passing, agreementCounts).map((place) => {
      let geometry = arcs.get(place.key);
      if (!geometry) arcs.set(place.key, (geometry = { type: 'LineString', coordinates: greatCircleArc([home.lng, home.lat], [place.lng, place.lat]) }));
      return { type: 'Feature', geometry, properties: { place: place.key, agreements: place.agreements } };
    }),
  };
}

export const NO_FLOWS: FeatureCollection = { type: 'FeatureCollection', features: [] };
