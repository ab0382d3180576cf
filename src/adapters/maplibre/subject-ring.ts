// A presentation slide's subject on the map: a ring and its name. A country's ring goes round its marker where the
// layout put it (at institution level, round the country's place). An institution's goes round its point, or round
// the whole cluster circle that covers it, so the cluster's number stays readable inside.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MapSubject } from '../../state/map-handle';
import { COLOURS } from '../../style/palette';
import { LAYERS, clusterRadiusPx } from './layers';

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * How far from a place the cluster circles drawn over it reach (0 when none covers it), from the last frame drawn:
 * the ring is fitted again once the map is idle.
 */
export function clusterReach(map: MapLibreMap, lng: number, lat: number, scale: number): number {
  const p = map.project([lng, lat]);
  const near = 80 * scale;
  const clusters = map.queryRenderedFeatures(
    [
      [p.x - near, p.y - near],
      [p.x + near, p.y + near],
    ],
    { layers: [LAYERS.clusters] },
  );
  let reach = 0;
  for (const cluster of clusters) {
    if (cluster.geometry.type !== 'Point') continue;
    const c = map.project(cluster.geometry.coordinates as [number, number]);
    const count = Number(cluster.properties?.point_count ?? 0);
    const r = clusterRadiusPx(count, scale, Number(cluster.properties?.w ?? count));
    const d = Math.hypot(c.x - p.x, c.y - p.y);
    if (d < r) reach = Math.max(reach, d + r);
  }
  return reach;
}

/**
 * The ring's data, the same object while its place, size and name stay the same: the map's change check compares
 * identities, so an unchanged ring costs no setData.
 */
export class SubjectRing {
  private last: { key: string; data: FeatureCollection } = { key: '', data: NO_FEATURES };

  /** `marker`: the subject country's marker as laid out (none at institution level); `reach`: clusterReach's. */
  features(subject: MapSubject | null, scale: number, marker: Feature | undefined, reach: number): FeatureCollection {
    if (!subject) return NO_FEATURES;
    const grow = Math.sqrt(scale);
    let coordinates = [subject.lng, subject.lat];
    let radius = 14 * grow;
    if (subject.kind === 'country') {
      const markerRadius = (marker?.properties as { radius?: number } | undefined)?.radius ?? 0;
      if (marker && markerRadius > 0) {
        coordinates = (marker.geometry as Point).coordinates;
        radius = markerRadius + 5 * grow;
      }
    } else {
      radius = Math.max(radius, reach + 4 * grow);
    }
    const strokeWidth = 3.5 * grow;
    const key = [subject.id, subject.label, coordinates[0], coordinates[1], radius, strokeWidth].join('\u0000');
    if (key === this.last.key) return this.last.data;
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates },
          properties: { id: subject.id, label: subject.label, radius, fill: 'rgba(0,0,0,0)', fillOpacity: 1, stroke: COLOURS.subject, strokeWidth },
        },
      ],
    };
    this.last = { key, data };
    return data;
  }
}
