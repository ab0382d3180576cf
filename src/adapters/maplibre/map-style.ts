// The map's style document: the basemap, one source per kind of data (the first model already in it, so the first
// load draws it) and the layers of layers.ts, with the hidden level's and the name labels' layers hidden.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  BASE_LAYERS,
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  COUNTRY_LEVEL_LAYERS,
  HOME_CLUSTER_RADIUS,
  INSTITUTION_LEVEL_LAYERS,
  LABEL_LAYERS,
  SOURCES,
} from './layers';
import { CLUSTER_PROPERTIES } from './circle-sizes';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface InitialMapData {
  /** GeoJSON for each data source, or none for a source that starts empty (a hidden level's, say). */
  data: Partial<Record<'countryMarkers' | 'institutions' | 'highlight' | 'home' | 'flows' | 'subject', GeoJSON.FeatureCollection>>;
  /** Start at institution level (points and clusters) instead of country markers. */
  institutionLevel: boolean;
}

const levelOf = (id: string): 'country' | 'institution' | null =>
  (COUNTRY_LEVEL_LAYERS as readonly string[]).includes(id) ? 'country' : (INSTITUTION_LEVEL_LAYERS as readonly string[]).includes(id) ? 'institution' : null;

export function createStyle(basemap: GeoJSON.FeatureCollection, initial: InitialMapData): StyleSpecification {
  const empty = EMPTY;
  const shownLevel = initial.institutionLevel ? 'institution' : 'country';
  return {
    version: 8,
    sources: {
      [SOURCES.basemap]: { type: 'geojson', data: basemap, tolerance: 0.6, promoteId: 'id' },
      // One tile (z0, overzoomed) per world copy: a setData then reloads one or two tiles, not ~6 at the opening zoom,
      // each of which finished at its own time and drew the map again (issue 28). Markers show below INSTITUTION_ZOOM
      // (3.2), where z0's 8192 units per tile are still finer than 0.6 px.
      [SOURCES.countryMarkers]: { type: 'geojson', data: initial.data.countryMarkers ?? empty, maxzoom: 0 },
      [SOURCES.institutions]: {
        type: 'geojson',
        data: initial.data.institutions ?? empty,
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterProperties: CLUSTER_PROPERTIES,
      },
      [SOURCES.highlight]: { type: 'geojson', data: initial.data.highlight ?? empty },
      // Clustered: a national list has ~770 homes, most of them within Japan; one home (Tohoku's atlas) never clusters.
      [SOURCES.home]: {
        type: 'geojson',
        data: initial.data.home ?? empty,
        cluster: true,
        clusterRadius: HOME_CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
      },
      [SOURCES.flows]: { type: 'geojson', data: initial.data.flows ?? empty },
      [SOURCES.subject]: { type: 'geojson', data: initial.data.subject ?? empty },
    },
    layers: BASE_LAYERS.map((layer) => {
      const level = levelOf(layer.id);
      if (!LABEL_LAYERS.includes(layer.id) && (!level || level === shownLevel)) return layer;
      return { ...layer, layout: { ...('layout' in layer ? layer.layout : {}), visibility: 'none' } } as LayerSpecification;
    }),
  };
}
