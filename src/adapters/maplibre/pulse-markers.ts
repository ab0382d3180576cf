// Rings on the partners new in a playback year, as DOM markers over the map.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { pulseRing } from './pulse-ring';

export type PulsePoints = FeatureCollection<Point, { id: string; country: string }>;

/**
 * On the institutions' points at institution level, and on their countries' markers (where the layout draws them) at
 * country level, where a ring on an institution's own place would pulse beside the marker that counts it, sometimes
 * over the sea. They are DOM markers whose rings are animated on the compositor (scale and opacity, in steps:
 * pulse-ring.ts), so the WebGL map does not repaint during a pulse: paint transitions cost ~150 ms a frame with
 * software WebGL. With reduced motion the CSS shows a still ring.
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
   * animation goes on); `fresh` (new points) starts every ring again. The markers are kept and reused from year to
   * year (a MapLibre marker costs a DOM element and a dozen listeners; a national year pulses hundreds).
   */
  place(drawnMarkers: readonly Feature[] | null, fresh = false): void {
    const places = this.places(drawnMarkers);
    while (this.markers.length > places.length) this.markers.pop()!.remove();
    places.forEach((place, n) => {
      const marker = this.markers[n];
      if (!marker) {
        // MapLibre positions the marker element with a transform, so the animated ring is a child.
        const element = document.createElement('div');
        element.setAttribute('aria-hidden', 'true');
        element.className = 'pulse-marker';
        element.append(this.ring());
        this.markers.push(new Marker({ element }).setLngLat(place).addTo(this.map));
        return;
      }
      const at = marker.getLngLat();
      if (at.lng !== place[0] || at.lat !== place[1]) marker.setLngLat(place);
      // A new ring element starts its CSS animation from the beginning.
      if (fresh) marker.getElement().replaceChildren(this.ring());
    });
  }

  /** Where the rings go: on the points' own places, or on their countries' markers as laid out. */
  private places(drawnMarkers: readonly Feature[] | null): [number, number][] {
    if (!this.points) return [];
    const places = new Map<string, [number, number]>();
    // The markers by country, looked up once each: a national year has thousands of new partners in a few hundred countries.
    const markerAt = new Map<string, [number, number]>();
    for (const m of drawnMarkers ?? []) {
      const code = (m.properties as { code?: string }).code;
      if (code !== undefined && !markerAt.has(code)) markerAt.set(code, (m.geometry as Point).coordinates as [number, number]);
    }
    for (const feature of this.points.features) {
      const own = feature.geometry.coordinates as [number, number];
      if (!drawnMarkers) places.set(feature.properties.id, own);
      else places.set(feature.properties.country, markerAt.get(feature.properties.country) ?? own);
    }
    return [...places.values()];
  }

  /** A new ring, its pulse started (a new element starts from the beginning). */
  private ring(): HTMLElement {
    const ring = Object.assign(document.createElement('div'), { className: 'pulse-ring' });
    // Read when a ring starts: a change of the setting applies from the next year's rings.
    pulseRing(ring, matchMedia('(prefers-reduced-motion: reduce)').matches);
    return ring;
  }
}
