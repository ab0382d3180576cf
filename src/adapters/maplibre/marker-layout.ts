// Where the country markers are drawn: at their anchors, pushed apart just enough not to overlap (a Dorling-style
// layout, in screen pixels at the map's zoom), with a leader line back to the anchor of any marker that moved.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

/**
 * Marker radius in pixels: area ∝ count, so the radius grows with the square root, smaller at world zoom. The style's
 * expression (layers.ts) and the layout below both come from these stops.
 */
export const MARKER_RADIUS_STOPS = [
  { zoom: 1, base: 2.5, perSqrt: 1.8 },
  { zoom: 3, base: 3, perSqrt: 2.4 },
] as const;

/** The size (px) of the number in a country marker on an ordinary screen; presentation mode multiplies it by its scale. */
export const MARKER_TEXT_PX = 11;

/**
 * How much larger presentation mode draws the map's numbers, names and markers for a map of `width`×`height` CSS
 * pixels, so they read from the back of a room: 1 up to a 960×540 map (laptops, phones), 2 on a 1920×1080
 * projector (numbers at 22 px), at most 2.4.
 */
export function projectorScale(width: number, height: number): number {
  return Math.min(2.4, Math.max(1, Math.min(width / 960, height / 540)));
}

/**
 * The scale of the map's numbers, names and markers in a picture of `width`×`height` device pixels whose map is drawn
 * at `pixelRatio` (an exported video frame: 1920×1080 at 1.5): what projectorScale gives a screen of that size, in the
 * map's CSS pixels, so the numbers take the same share of a 1080p frame as of a 1080p projector (22 px), in steps of 0.05.
 */
export function pictureScale(width: number, height: number, pixelRatio: number): number {
  return Math.max(1, Math.round((projectorScale(width, height) / pixelRatio) * 20) / 20);
}

/** The smallest circle that holds `count` written at `textPx` (a digit ~0.56 em wide, figures 0.72 em tall), with a margin. */
export function radiusForNumber(count: number, textPx: number): number {
  const digits = String(Math.max(0, Math.round(count))).length;
  return 0.5 * Math.hypot(0.56 * digits * textPx, 0.72 * textPx) + 1.5;
}

/**
 * At `scale` > 1 (presentation mode) a marker's area grows by the scale, and never below the circle that holds its
 * number at the larger text size: a projector's "1" must fit in its marker too. `size` is what the area stands for
 * (map-data.ts: the count, scaled down for a national list), `count` the number written in it.
 */
export function markerRadius(size: number, zoom: number, scale = 1, count = size): number {
  const [lo, hi] = MARKER_RADIUS_STOPS;
  const t = Math.min(1, Math.max(0, (zoom - lo.zoom) / (hi.zoom - lo.zoom)));
  // A scaled-down marker (a national list's) holds its number, at each stop (layers.ts draws the same).
  const floor = size < count ? radiusForNumber(count, MARKER_TEXT_PX) : 0;
  const at = (s: (typeof MARKER_RADIUS_STOPS)[number]) => Math.max(s.base + s.perSqrt * Math.sqrt(size), floor);
  const radius = at(lo) + (at(hi) - at(lo)) * t;
  if (scale <= 1) return radius;
  return Math.max(radius * Math.sqrt(scale), radiusForNumber(count, MARKER_TEXT_PX * scale));
}

/** Something a marker must not cover: the home institution's point and its label, in pixels from the home point. */
export interface Obstacle {
  lng: number;
  lat: number;
  /** Circles (offset from the point, radius) that together cover it. */
  circles: readonly { dx: number; dy: number; r: number }[];
}

/** Pixels kept free between two markers, and between a marker and an obstacle. */
const GAP = 1.5;
/** A marker that moved less than this keeps no leader line: it still sits on its place. */
const LEADER_MIN = 3;
const ROUNDS = 60;
/** How far back toward its anchor a marker moves each round. */
const PULL = 0.1;

/** The marker layout is redone each quarter zoom level (and at the end of every zoom). */
export const layoutZoomOf = (zoom: number) => Math.round(zoom * 4) / 4;

// Web Mercator at zoom z, in MapLibre's 512-pixel tiles.
export const worldSize = (zoom: number) => 512 * 2 ** zoom;
export const project = (lng: number, lat: number, size: number): [number, number] => {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
};
const unproject = (x: number, y: number, size: number): [number, number] => {
  const lng = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return [lng, lat];
};

interface Node {
  x: number;
  y: number;
  r: number;
  anchorX: number;
  anchorY: number;
  /** Obstacles do not move. */
  fixed: boolean;
}

/**
 * The obstacles in square cells, so that a marker meets only those near it: a national list's 770 homes give ~10,700
 * label circles, and testing every marker against all of them every round took minutes a layout (issue 28).
 */
function obstacleGrid(fixed: readonly Node[]) {
  const reach = fixed.reduce((r, n) => Math.max(r, n.r), 0) + GAP;
  const cell = Math.max(16, 2 * reach);
  const cells = new Map<number, number[]>();
  // Cell coordinates of any zoom up to 22 fit below 2^22 cells a side: one number keys a cell.
  const key = (cx: number, cy: number) => cx * 4_194_304 + cy;
  const cellX = fixed.map((n) => Math.floor(n.x / cell));
  const cellY = fixed.map((n) => Math.floor(n.y / cell));
  // The cells that hold any obstacle: a query is clipped to them.
  const [minX, maxX] = [cellX.reduce((a, b) => Math.min(a, b), Infinity), cellX.reduce((a, b) => Math.max(a, b), -Infinity)];
  const [minY, maxY] = [cellY.reduce((a, b) => Math.min(a, b), Infinity), cellY.reduce((a, b) => Math.max(a, b), -Infinity)];
  fixed.forEach((_, k) => {
    const id = key(cellX[k]!, cellY[k]!);
    const list = cells.get(id);
    if (list) list.push(k);
    else cells.set(id, [k]);
  });
  const all = fixed.map((_, k) => k);
  const found: number[] = [];
  /** The obstacles that a circle at (x, y) of radius r can touch, in their order (the layout stays deterministic). */
  const near = (x: number, y: number, r: number): readonly number[] => {
    found.length = 0;
    if (fixed.length === 0) return found;
    const range = r + reach;
    const x0 = Math.max(minX, Math.floor((x - range) / cell));
    const x1 = Math.min(maxX, Math.floor((x + range) / cell));
    const y0 = Math.max(minY, Math.floor((y - range) / cell));
    const y1 = Math.min(maxY, Math.floor((y + range) / cell));
    if (x0 > x1 || y0 > y1) return found;
    // Fewer obstacles than cells to look in (one home's 11 circles): all of them.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > fixed.length) return all;
    for (let cx = x0; cx <= x1; cx += 1)
      for (let cy = y0; cy <= y1; cy += 1) {
        const list = cells.get(key(cx, cy));
        if (list) for (const k of list) found.push(k);
      }
    return found.sort((a, b) => a - b);
  };
  return { near };
}

/**
 * Pushes overlapping circles apart (the smaller one moves more: a big country's marker stays on its country)
 * while a spring pulls each back to its anchor; then collisions alone until none is left. Markers against markers
 * pairwise, O(n²) per round: a few dozen markers take well under a millisecond a round, where d3-force's simulation
 * took ~50 ms. Markers against obstacles (which never move) through a grid: only the obstacles near each marker.
 */
function relax(movable: readonly Node[], fixed: readonly Node[]): void {
  const grid = obstacleGrid(fixed);
  /** Parts a from b (i, j: their places among all nodes, markers first); returns how far they overlapped. */
  const part = (a: Node, b: Node, i: number, j: number) => {
    let dx = b.x - a.x;
    let dy = b.y - a.y;
    let d = Math.hypot(dx, dy);
    const min = a.r + b.r + GAP;
    if (d >= min) return 0;
    if (d < 1e-6) {
      // Same place: part them along a fixed direction, so the result never depends on chance.
      dx = Math.cos(i + j);
      dy = Math.sin(i + j);
      d = 1;
    }
    const push = min - d;
    // Each moves in inverse proportion to its area; an obstacle not at all.
    const wa = b.fixed ? 1 : (b.r * b.r) / (a.r * a.r + b.r * b.r);
    const wb = 1 - wa;
    a.x -= (dx / d) * push * wa;
    a.y -= (dy / d) * push * wa;
    b.x += (dx / d) * push * wb;
    b.y += (dy / d) * push * wb;
    return push;
  };
  const separate = () => {
    let worst = 0;
    for (let i = 0; i < movable.length; i += 1) {
      const a = movable[i]!;
      for (let j = i + 1; j < movable.length; j += 1) worst = Math.max(worst, part(a, movable[j]!, i, j));
      for (const k of grid.near(a.x, a.y, a.r)) worst = Math.max(worst, part(a, fixed[k]!, i, movable.length + k));
    }
    return worst;
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    separate();
    for (const n of movable) {
      n.x += (n.anchorX - n.x) * PULL;
      n.y += (n.anchorY - n.y) * PULL;
    }
  }
  for (let round = 0; round < ROUNDS && separate() > 0.01; round += 1);
}

export interface MarkerLayout<P> {
  /** The markers where they are drawn, each with its radius in pixels at the layout's zoom. */
  markers: FeatureCollection<Point, P & { radius: number }>;
  leaders: FeatureCollection<LineString, { code: string }>;
}

/**
 * The markers (those with a count) moved apart at `zoom`: each keeps as close to its anchor as the others allow.
 * Deterministic, so a link always draws the same picture. Markers without a count
 * are not drawn and take no room. `scale` is presentation mode's (markerRadius).
 */
export function spreadMarkers<P extends { code: string; count: number; size?: number }>(
  markers: FeatureCollection<Point, P>,
  zoom: number,
  obstacles: readonly Obstacle[] = [],
  scale = 1,
): MarkerLayout<P> {
  const size = worldSize(zoom);
  const drawn = markers.features.filter((f) => f.properties.count > 0);
  const nodes: Node[] = drawn.map((f) => {
    const [x, y] = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, size);
    return { x, y, r: markerRadius(f.properties.size ?? f.properties.count, zoom, scale, f.properties.count), anchorX: x, anchorY: y, fixed: false };
  });
  const fixed: Node[] = obstacles.flatMap((o) => {
    const [x, y] = project(o.lng, o.lat, size);
    return o.circles.map((c) => ({ x: x + c.dx, y: y + c.dy, r: c.r, anchorX: x + c.dx, anchorY: y + c.dy, fixed: true }));
  });
  relax(nodes, fixed);
  const features: Feature<Point, P & { radius: number }>[] = [];
  const leaders: Feature<LineString, { code: string }>[] = [];
  drawn.forEach((f, i) => {
    const n = nodes[i]!;
    const moved = Math.hypot(n.x - n.anchorX, n.y - n.anchorY);
    const coordinates = moved < 0.01 ? f.geometry.coordinates : unproject(n.x, n.y, size);
    features.push({ ...f, geometry: { type: 'Point', coordinates }, properties: { ...f.properties, radius: n.r } });
    if (moved >= LEADER_MIN) {
      leaders.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [f.geometry.coordinates, coordinates] },
        properties: { code: f.properties.code },
      });
    }
  });
  // Markers without a count stay in the collection (at their anchors): the layers filter them out.
  for (const f of markers.features) if (f.properties.count <= 0) features.push({ ...f, properties: { ...f.properties, radius: 0 } });
  return { markers: { type: 'FeatureCollection', features }, leaders: { type: 'FeatureCollection', features: leaders } };
}

/** Homes closer than this (px) are drawn as one disc with their count (a national list's ~770 homes; map-style.ts). */
export const HOME_CLUSTER_RADIUS = 24;
/** Above this zoom nothing clusters: institutions and homes are drawn one by one. */
export const CLUSTER_MAX_ZOOM = 9;
/** A cluster of homes: its disc (layers.ts, 12 px) and its white ring. */
const HOME_CLUSTER_DISC = 14;

/**
 * The home institutions' points and labels as room the country markers leave free (a label's width estimated from
 * its characters at `textPx`, the label's size: CJK full width), east of the point as the home label layer draws it.
 * At `zoom` below CLUSTER_MAX_ZOOM, homes within HOME_CLUSTER_RADIUS of each other are one disc without a label, as
 * the map draws them: a national list's 770 homes are a few dozen obstacles at world zoom, not 10,700 label circles.
 * One home is never clustered, as on the map.
 */
export function homeObstacles(home: FeatureCollection, textPx = 12, zoom?: number): Obstacle[] {
  const k = textPx / 12;
  const points = home.features.flatMap((f) =>
    f.geometry.type === 'Point' ? [{ at: f.geometry.coordinates as [number, number], label: String(f.properties?.label ?? '') }] : [],
  );
  const single = (at: [number, number], label: string): Obstacle => {
    const width = [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? textPx : 0.57 * textPx), 0);
    const circles = [{ dx: 0, dy: 0, r: 9 }];
    for (let dx = 9 + 9 * k; dx < 11 + width; dx += 12 * k) circles.push({ dx, dy: 0, r: 8 * k });
    return { lng: at[0], lat: at[1], circles };
  };
  if (zoom === undefined || zoom > CLUSTER_MAX_ZOOM || points.length < 2) return points.map((p) => single(p.at, p.label));
  // Greedy, in the list's order, each home joining the first cluster within the radius of its first home (as
  // MapLibre's clustering does, closely enough for room to leave free), found through a grid of radius-sized cells.
  const size = worldSize(zoom);
  const clusters: { x: number; y: number; members: typeof points }[] = [];
  const cells = new Map<string, number[]>();
  for (const p of points) {
    const [x, y] = project(p.at[0], p.at[1], size);
    const cx = Math.floor(x / HOME_CLUSTER_RADIUS);
    const cy = Math.floor(y / HOME_CLUSTER_RADIUS);
    let joined = false;
    for (let i = cx - 1; i <= cx + 1 && !joined; i += 1)
      for (let j = cy - 1; j <= cy + 1 && !joined; j += 1)
        for (const c of cells.get(`${i},${j}`) ?? []) {
          const cluster = clusters[c]!;
          if (Math.hypot(cluster.x - x, cluster.y - y) > HOME_CLUSTER_RADIUS) continue;
          cluster.members.push(p);
          joined = true;
          break;
        }
    if (joined) continue;
    const id = `${cx},${cy}`;
    cells.set(id, [...(cells.get(id) ?? []), clusters.length]);
    clusters.push({ x, y, members: [p] });
  }
  return clusters.map(({ members }) => {
    if (members.length === 1) return single(members[0]!.at, members[0]!.label);
    // Drawn at the members' centre.
    const lng = members.reduce((s, m) => s + m.at[0], 0) / members.length;
    const lat = members.reduce((s, m) => s + m.at[1], 0) / members.length;
    return { lng, lat, circles: [{ dx: 0, dy: 0, r: HOME_CLUSTER_DISC }] };
  });
}

/**
 * The country markers laid out for the model's markers, the zoom, the home label and the scale, computed again only
 * when one of them changes: the same layout object otherwise, so the source is not sent the same data again.
 */
export class MarkerPlacement {
  private last: { from: FeatureCollection; zoom: number; home: FeatureCollection; scale: number; layout: PlacedMarkers } | null = null;

  /** The last layout made, if any (the pulses and the subject's ring follow where it put the markers). */
  get current(): PlacedMarkers | null {
    return this.last?.layout ?? null;
  }

  layout(from: FeatureCollection, zoom: number, home: FeatureCollection, scale: number, homeTextPx: number): PlacedMarkers {
    const last = this.last;
    if (last && last.from === from && last.zoom === zoom && last.home === home && last.scale === scale) return last.layout;
    const layout = spreadMarkers(from as FeatureCollection<Point, { code: string; count: number }>, zoom, homeObstacles(home, homeTextPx, zoom), scale);
    this.last = { from, zoom, home, scale, layout: { ...(layout as unknown as MarkerLayout<never>), source: markerSource(layout) } };
    return this.last.layout;
  }
}

/** A layout with what the map's country-markers source is sent: the markers, then their leader lines (layers.ts). */
export type PlacedMarkers = MarkerLayout<never> & { source: FeatureCollection };

/** The markers and the leader lines as one collection, so that one setData (one map drawing) brings both. */
export function markerSource(layout: MarkerLayout<object>): FeatureCollection {
  return { type: 'FeatureCollection', features: [...layout.markers.features, ...layout.leaders.features] };
}
