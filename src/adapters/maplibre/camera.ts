// The opening camera: the world's width of partners (Europe to the Americas for a list from Japan) around the home
// institution's longitude, so that another university's list opens centred on its own home.
import type { FeatureCollection } from 'geojson';

export const OPENING_WEST = -12;
export const OPENING_EAST = 300;
export const OPENING_LATITUDE = 28;
const TILE_SIZE = 512;

/** Above this zoom the map shows institutions instead of per-country markers. */
export const INSTITUTION_ZOOM = 3.2;

export interface Camera {
  center: [number, number];
  zoom: number;
}

/** The home point's longitude (map-data.ts homePoints: the first home's), or undefined when there is none. */
export function homeLongitude(home: FeatureCollection | undefined): number | undefined {
  const geometry = home?.features[0]?.geometry;
  return geometry?.type === 'Point' ? geometry.coordinates[0] : undefined;
}

/** Zoom that fits the longitude span into the viewport width, clamped to a sensible range; centred on the home's longitude. */
export function openingCamera(width: number, height: number, homeLng?: number): Camera {
  const span = OPENING_EAST - OPENING_WEST;
  const fit = Math.log2((Math.max(width, 200) * 360) / (TILE_SIZE * span));
  const tall = height > width * 1.2; // phones: zoom out less; the user pans
  const zoom = Math.min(4, Math.max(tall ? 0.6 : 0.8, fit));
  const middle = homeLng ?? (OPENING_WEST + OPENING_EAST) / 2;
  const center: [number, number] = [middle - 360 * Math.floor((middle + 180) / 360), OPENING_LATITUDE];
  return { center, zoom };
}
