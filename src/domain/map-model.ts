// What the map draws, as one pure model: (index, view, chosen countries, selection, lines, language) → the features
// of each of the map's sources, with their labels and the counts that size the markers. The page's WebGL map, the
// picture shown before it (MapPicture) and every exported video frame draw this same model: a frame of the video is
// the model at that year, handed to the map without a render of the page.
// Open to more layers: a new layer is one more field here, built from the same input, and one more source in the
// adapter (src/adapters/maplibre/map-controller.ts).
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { CountryCount } from './aggregate';
import type { AtlasIndex } from './atlas-index';
import type { Lang } from './schema';
import type { AtlasView } from './view';
import {
  type CountryMarkerProperties,
  countryFillIds,
  countryMarkers,
  type FlowLineProperties,
  flowLines,
  GeometryCache,
  highlightPoints,
  homePoints,
  type InstitutionPointProperties,
  institutionPoints,
  markerSizeScale,
  NO_FLOWS,
} from './map-data';

export { NO_FLOWS };

/** A source's data, or a function that builds it, called only when the source is shown. */
export type SourceData<F extends FeatureCollection = FeatureCollection> = F | (() => F);

export interface MapModel {
  /** One marker per country, its number the country's agreements (laid out by the adapter at its zoom). */
  countryMarkers: FeatureCollection<Point, CountryMarkerProperties>;
  /** Built on demand: tens of thousands of features at 100k agreements, hidden at world zoom. */
  institutions: SourceData<FeatureCollection<Point, InstitutionPointProperties>>;
  highlight: FeatureCollection;
  home: FeatureCollection<Point, { label: string }>;
  /** Lines from home to the partner cities; built only when shown (flows=1), else empty. */
  flows: SourceData<FeatureCollection<LineString, FlowLineProperties>> | FeatureCollection;
  partnerFillIds: string[];
  selectedFillIds: string[];
  /** Countries the user chose: institution points are shown for them at any zoom. */
  focusCountries: readonly string[];
}

export interface MapModelInput {
  index: AtlasIndex;
  lang: Lang;
  /** Institutions passing the filters (at the playback year, if any), and their agreement counts. */
  view: Pick<AtlasView, 'passing' | 'tally'>;
  countryCounts: ReadonlyMap<string, CountryCount>;
  /** The countries chosen in the filters. */
  countries: readonly string[];
  selected?: string | null;
  hovered?: string | null;
  /** Lines from home to the partner cities (`flows=1`). */
  flows?: boolean;
  /** In a comparison, each institution's class (Comparison.institutionClass): the points take three colours. */
  compareClass?: Uint8Array | null;
}

/** The last value computed for a list of inputs, kept while the inputs are the same objects (as React's useMemo). */
function memo<T>() {
  let inputs: readonly unknown[] | null = null;
  let value: T;
  return (next: readonly unknown[], compute: () => T): T => {
    if (!inputs || inputs.length !== next.length || inputs.some((x, i) => x !== next[i])) {
      value = compute();
      inputs = next;
    }
    return value;
  };
}

/**
 * A map model builder. Each part of the model keeps its identity while its own inputs do, so the adapter (which
 * sends a source again only when its data is another object) redraws only what changed: hovering a row rebuilds the
 * highlight, not the markers. One builder per map; it holds the dataset's geometries (GeometryCache).
 */
export function createMapModelBuilder(): (input: MapModelInput) => MapModel {
  const geometry = new GeometryCache();
  const sizeScale = memo<number>();
  const markers = memo<MapModel['countryMarkers']>();
  const points = memo<MapModel['institutions']>();
  const fills = memo<ReturnType<typeof countryFillIds>>();
  const highlight = memo<MapModel['highlight']>();
  const home = memo<MapModel['home']>();
  const flows = memo<MapModel['flows']>();
  const model = memo<MapModel>();
  return ({ index, lang, view, countryCounts, countries, selected = null, hovered = null, flows: showFlows = false, compareClass = null }) => {
    const parts = {
      countryMarkers: markers([index, countryCounts, countries, lang], () =>
        countryMarkers(
          index,
          countryCounts,
          countries,
          lang,
          sizeScale([index], () => markerSizeScale(index)),
        ),
      ),
      // A function: the adapter builds the points only when the institution level is shown.
      institutions: points(
        [index, view.passing, view.tally, lang, compareClass],
        () => () => institutionPoints(index, view.passing, view.tally.agreements, lang, geometry, compareClass),
      ),
      highlight: highlight([index, hovered, selected], () =>
        highlightPoints([hovered ? index.institutionsById.get(hovered) : undefined, selected ? index.institutionsById.get(selected) : undefined]),
      ),
      home: home([index, lang], () => homePoints(index.dataset.homes, lang)),
      // Follows the filters and, while playing, the years up to the playback year (the view is computed for them).
      flows: flows([showFlows, index, view.passing, view.tally], () =>
        showFlows ? () => flowLines(index, view.passing, view.tally.agreements, geometry) : NO_FLOWS,
      ),
      fills: fills([index, countryCounts, countries], () => countryFillIds(index, countryCounts, countries)),
    };
    return model([...Object.values(parts), countries], () => ({
      countryMarkers: parts.countryMarkers,
      institutions: parts.institutions,
      highlight: parts.highlight,
      home: parts.home,
      flows: parts.flows,
      partnerFillIds: parts.fills.partner,
      selectedFillIds: parts.fills.selected,
      focusCountries: countries,
    }));
  };
}
