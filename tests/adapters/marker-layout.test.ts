import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countryMarkers } from '../../src/domain/map-data';
import {
  homeObstacles,
  MARKER_TEXT_PX,
  MarkerPlacement,
  markerRadius,
  projectorScale,
  radiusForNumber,
  spreadMarkers,
} from '../../src/adapters/maplibre/marker-layout';
import { DEFAULT_FILTERS } from '../../src/domain/filters';
import { evaluateFilters } from '../../src/domain/filters';
import { computeView } from '../../src/domain/view';
import { datasetIndex } from '../e2e/atlas-page';

const index = datasetIndex();
const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
const markers = countryMarkers(index, view.countryCounts, [], 'en');

// Web Mercator pixels at a zoom, as the layout computes them.
const pixels = (lng: number, lat: number, zoom: number) => {
  const size = 512 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size] as const;
};

function overlaps(collection: FeatureCollection<Point, { code: string; count: number }>, zoom: number): string[] {
  const drawn = collection.features.filter((f) => f.properties.count > 0);
  const found: string[] = [];
  drawn.forEach((a, i) => {
    for (const b of drawn.slice(i + 1)) {
      const [ax, ay] = pixels(a.geometry.coordinates[0]!, a.geometry.coordinates[1]!, zoom);
      const [bx, by] = pixels(b.geometry.coordinates[0]!, b.geometry.coordinates[1]!, zoom);
      const gap = Math.hypot(ax - bx, ay - by) - markerRadius(a.properties.count, zoom) - markerRadius(b.properties.count, zoom);
      if (gap < -0.25) found.push(`${a.properties.code}/${b.properties.code}`);
    }
  });
  return found;
}

describe('country marker layout', () => {
  it('the anchors alone overlap at world zoom (China and Korea): the reason for the layout', () => {
    expect(overlaps(markers, 1.2)).toContain('CN/KR');
  });

  for (const zoom of [0.6, 1, 1.2, 1.75, 2.5, 3]) {
    it(`no two markers overlap at zoom ${zoom}, and each stays near its anchor`, () => {
      const { markers: spread, leaders } = spreadMarkers(markers, zoom);
      expect(overlaps(spread, zoom)).toEqual([]);
      expect(spread.features).toHaveLength(markers.features.length);
      for (const f of spread.features) {
        const anchor = markers.features.find((m) => m.properties.code === f.properties.code)!;
        const [ax, ay] = pixels(anchor.geometry.coordinates[0]!, anchor.geometry.coordinates[1]!, zoom);
        const [x, y] = pixels(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, zoom);
        // Europe's crowd moves furthest; nothing goes further than a few marker widths.
        expect(Math.hypot(x - ax, y - ay), f.properties.code).toBeLessThan(60);
        expect(f.properties.radius).toBeCloseTo(f.properties.count > 0 ? markerRadius(f.properties.count, zoom) : 0);
      }
      // A leader line for every marker that moved more than 3 px, from its anchor.
      for (const line of leaders.features) {
        const anchor = markers.features.find((m) => m.properties.code === line.properties.code)!;
        expect(line.geometry.coordinates[0]).toEqual(anchor.geometry.coordinates);
      }
    });
  }

  it("sends the map's one source the markers and their leader lines, the same object while the layout holds", () => {
    const placement = new MarkerPlacement();
    const home: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const placed = placement.layout(markers, 1.2, home, 1, 12);
    expect(placed.leaders.features.length).toBeGreaterThan(0);
    expect(placed.source.features).toEqual([...placed.markers.features, ...placed.leaders.features]);
    expect(placement.layout(markers, 1.2, home, 1, 12).source).toBe(placed.source);
    expect(placement.layout(markers, 1.5, home, 1, 12).source).not.toBe(placed.source);
  });

  it('keeps markers off an obstacle (the home point) and is deterministic', () => {
    const home = { lng: 140.87, lat: 38.27, circles: [{ dx: 0, dy: 0, r: 9 }] };
    const a = spreadMarkers(markers, 1.2, [home]);
    const b = spreadMarkers(markers, 1.2, [home]);
    expect(a).toEqual(b);
    const [hx, hy] = pixels(home.lng, home.lat, 1.2);
    for (const f of a.markers.features.filter((m) => m.properties.count > 0)) {
      const [x, y] = pixels(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, 1.2);
      expect(Math.hypot(x - hx, y - hy) - f.properties.radius - 9, f.properties.code).toBeGreaterThan(-0.5);
    }
  });

  it('leaves a lone marker, and markers without agreements, where they are', () => {
    const one = { type: 'FeatureCollection' as const, features: markers.features.slice(0, 1) };
    expect(spreadMarkers(one, 1).markers.features[0]!.geometry.coordinates).toEqual(one.features[0]!.geometry.coordinates);
    const empty = { ...markers.features[0]!, properties: { ...markers.features[0]!.properties, count: 0 } };
    const laid = spreadMarkers({ type: 'FeatureCollection', features: [empty, ...markers.features.slice(1, 3)] }, 1);
    expect(laid.markers.features.find((f) => f.properties.code === empty.properties.code)!.geometry).toEqual(empty.geometry);
  });
});

describe('many homes (a national list, issue 28)', () => {
  // 770 homes across Japan, each with a label "National University n": ~10,700 label circles unclustered.
  const homes = {
    type: 'FeatureCollection' as const,
    features: Array.from({ length: 770 }, (_, n) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [130 + ((n * 7919) % 1200) / 100, 31.5 + ((n * 104729) % 1150) / 100] },
      properties: { label: `National University ${n}` },
    })),
  };

  it('are the discs the map draws below the clusters’ last zoom: a few obstacles at world zoom, every home with its label one by one above it', () => {
    const world = homeObstacles(homes, 12, 1.25);
    expect(world.length).toBeLessThan(10);
    expect(world.every((o) => o.circles.length === 1 && o.circles[0]!.r === 14)).toBe(true);
    expect(homeObstacles(homes, 12, 10)).toHaveLength(770);
    expect(homeObstacles(homes, 12, 10).reduce((n, o) => n + o.circles.length, 0)).toBeGreaterThan(10_000);
    // One home never clusters: its point and its label.
    const one = { ...homes, features: homes.features.slice(0, 1) };
    expect(homeObstacles(one, 12, 1.25)).toEqual(homeObstacles(one, 12));
    expect(homeObstacles(one, 12, 1.25)[0]!.circles.length).toBeGreaterThan(5);
  });

  it('lays the markers out around 10,700 obstacle circles within the test’s time (it took minutes when each marker met every circle)', () => {
    const obstacles = homeObstacles(homes, 12);
    const { markers: spread } = spreadMarkers(markers, 6, obstacles);
    const circles = obstacles.flatMap((o) => {
      const [x, y] = pixels(o.lng, o.lat, 6);
      return o.circles.map((c) => ({ x: x + c.dx, y: y + c.dy, r: c.r }));
    });
    for (const f of spread.features.filter((m) => m.properties.count > 0)) {
      const [x, y] = pixels(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, 6);
      const gap = Math.min(...circles.map((c) => Math.hypot(x - c.x, y - c.y) - c.r - f.properties.radius));
      expect(gap, f.properties.code).toBeGreaterThan(-0.5);
    }
  });
});

describe('a national list’s scaled-down markers (map-data.ts markerSizeScale)', () => {
  it('take the area of their size, never smaller than the circle that holds their number; unscaled markers are as before', () => {
    expect(markerRadius(100, 3, 1, 100)).toBe(markerRadius(100, 3));
    expect(markerRadius(1, 3)).toBeLessThan(radiusForNumber(1, MARKER_TEXT_PX) + 1);
    // 11,461 agreements at a scale of 0.035: ~40 px at zoom 3 instead of ~260.
    expect(markerRadius(11_461, 3)).toBeGreaterThan(250);
    expect(markerRadius(11_461 * 0.035, 3, 1, 11_461)).toBeLessThan(55);
    expect(markerRadius(13 * 0.035, 3, 1, 13)).toBe(radiusForNumber(13, MARKER_TEXT_PX));
  });
});

describe('presentation scale', () => {
  it('is 2 on a 1920×1080 projector (numbers at 22 px), 1 on a phone, and grows no further than 2.4', () => {
    expect(projectorScale(1920, 1080)).toBe(2);
    expect(MARKER_TEXT_PX * projectorScale(1920, 1080)).toBeGreaterThanOrEqual(20);
    expect(projectorScale(1366, 800)).toBeCloseTo(1.42, 2);
    expect(projectorScale(390, 844)).toBe(1);
    expect(projectorScale(3840, 2160)).toBe(2.4);
  });

  it('makes every marker hold its number at the larger size, and keeps the order of sizes', () => {
    const scale = 2;
    const textPx = MARKER_TEXT_PX * scale;
    for (const count of [1, 9, 10, 99, 100, 250]) {
      const radius = markerRadius(count, 1.9, scale);
      // The number's box (digits ~0.56 em wide, figures 0.72 em tall) fits inside the circle.
      expect(radius, String(count)).toBeGreaterThanOrEqual(Math.hypot((0.56 * String(count).length * textPx) / 2, (0.72 * textPx) / 2));
      expect(radius).toBeGreaterThanOrEqual(radiusForNumber(count, textPx));
      expect(radius).toBeGreaterThan(markerRadius(count, 1.9));
    }
    expect(markerRadius(92, 1.9, scale)).toBeGreaterThan(markerRadius(9, 1.9, scale));
    expect(markerRadius(40, 1.9, 1)).toBe(markerRadius(40, 1.9));
  });

  it('lays the larger markers out without overlaps at a projector’s world zoom', () => {
    const zoom = Math.log2(1920 / 512);
    const { markers: spread } = spreadMarkers(markers, zoom, [], 2);
    for (const f of spread.features.filter((m) => m.properties.count > 0)) expect(f.properties.radius).toBeCloseTo(markerRadius(f.properties.count, zoom, 2));
    const drawn = spread.features.filter((f) => f.properties.count > 0);
    drawn.forEach((a, i) => {
      for (const b of drawn.slice(i + 1)) {
        const [ax, ay] = pixels(a.geometry.coordinates[0]!, a.geometry.coordinates[1]!, zoom);
        const [bx, by] = pixels(b.geometry.coordinates[0]!, b.geometry.coordinates[1]!, zoom);
        expect(Math.hypot(ax - bx, ay - by) - a.properties.radius - b.properties.radius, `${a.properties.code}/${b.properties.code}`).toBeGreaterThan(-0.25);
      }
    });
  });
});
