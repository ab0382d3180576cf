// Rings on the partners new in a playback year, as DOM markers over the map.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';

export type PulsePoints = FeatureCollection<Point, { id: string; country: string }>;

/**
 * On the institutions' points at institution level, and on their countries' markers (where the layout draws them) at
 * country level, where a ring on an institution's own place would pulse beside the marker that counts it, sometimes
 * over the sea. They are DOM markers animated by CSS (scale and opacity run on the compositor), so the WebGL map does
 * not repaint during a pulse: paint transitions cost ~150 ms a frame with software WebGL. With reduced motion the CSS
 * shows a still ring.
 */
export class PulseMarkers {
  private markers: Marker[] = [];
  private points: PulsePoints | null = null;

  constructor(private readonly map: MapLibreMap) {}

  get shown(): boolean {
    return this.markers.length > 0;
  }

  /** New points to pulse; `drawnMarkers` are the country markers as laid out, or null at institution level. */
  show(points: PulsePoints, drawnMarkers: readonly Feature[] | null): void {
    this.points = points;
    this.place(drawnMarkers, true);
  }

  /**
   * The same points again, for markers laid out anew or the other level: rings already shown are moved (their
   * animation goes on, and no element is made again); `fresh` (new points) starts new rings.
   */
  place(drawnMarkers: readonly Feature[] | null, fresh = false): void {
    const places = this.places(drawnMarkers);
    if (!fresh && places.length === this.markers.length) {
      places.forEach((place, n) => {
        const marker = this.markers[n]!;
        const at = marker.getLngLat();
        if (at.lng !== place[0] || at.lat !== place[1]) marker.setLngLat(place);
      });
      return;
    }
    for (const marker of this.markers) marker.remove();
    this.markers = [];
    for (const [lng, lat] of places) {
      // MapLibre positions the marker element with a transform, so the animated ring is a child.
      const element = document.createElement('div');
      element.setAttribute('aria-hidden', 'true');
      element.className = 'pulse-marker';
      element.append(Object.assign(document.createElement('div'), { className: 'pulse-ring' }));
      this.markers.push(new Marker({ element }).setLngLat([lng, lat]).addTo(this.map));
    }
  }

  /** Where the rings go: on the points' own places, or on their countries' markers as laid out. */
  private places(drawnMarkers: readonly Feature[] | null): [number, number][] {
    if (!this.points) return [];
    const places = new Map<string, [number, number]>();
    for (const feature of this.points.features) {
      const own = feature.geometry.coordinates as [number, number];
      if (!drawnMarkers) {
        places.set(feature.properties.id, own);
        continue;
      }
      const marker = drawnMarkers.find((m) => (m.properties as { code?: string }).code === feature.properties.country);
      places.set(feature.properties.country, ((marker?.geometry as Point | undefined)?.coordinates as [number, number] | undefined) ?? own);
    }
    return [...places.values()];
  }
}
