// The map's input: clicks on markers, points and clusters, and hover, handed to the app's callbacks as targets.
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { LAYERS, SOURCES } from './layers';

export type HoverTarget = { kind: 'country'; code: string } | { kind: 'institution'; id: string } | { kind: 'cluster'; count: number };

export interface MapInputCallbacks {
  onCountryClick(code: string, additive: boolean): void;
  onInstitutionClick(id: string): void;
  onHover(target: HoverTarget | null, x: number, y: number): void;
}

export function bindInput(map: MapLibreMap, callbacks: MapInputCallbacks): void {
  const pointer = (on: boolean) => (map.getCanvas().style.cursor = on ? 'pointer' : '');

  map.on('click', LAYERS.countryMarkers, (e: MapLayerMouseEvent) => {
    const code = e.features?.[0]?.properties?.code;
    if (typeof code === 'string') callbacks.onCountryClick(code, e.originalEvent.shiftKey || e.originalEvent.metaKey);
  });
  map.on('click', LAYERS.institutions, (e: MapLayerMouseEvent) => {
    const id = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') callbacks.onInstitutionClick(id);
  });
  map.on('click', LAYERS.clusters, async (e: MapLayerMouseEvent) => {
    const feature = e.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
    const source = map.getSource(SOURCES.institutions) as GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    map.easeTo({ center: [lng, lat], zoom: Math.min(zoom + 0.5, 12) });
  });

  const hover = (kind: 'country' | 'institution' | 'cluster') => (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    pointer(true);
    if (!p) return;
    const target: HoverTarget =
      kind === 'country' ? { kind, code: String(p.code) } : kind === 'institution' ? { kind, id: String(p.id) } : { kind, count: Number(p.point_count) };
    callbacks.onHover(target, e.point.x, e.point.y);
  };
  const leave = () => {
    pointer(false);
    callbacks.onHover(null, 0, 0);
  };
  map.on('mousemove', LAYERS.countryMarkers, hover('country'));
  map.on('mousemove', LAYERS.institutions, hover('institution'));
  map.on('mousemove', LAYERS.clusters, hover('cluster'));
  map.on('mouseleave', LAYERS.countryMarkers, leave);
  map.on('mouseleave', LAYERS.institutions, leave);
  map.on('mouseleave', LAYERS.clusters, leave);
}
