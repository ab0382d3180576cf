// The opening camera: Pacific-centred, framing Europe (west) to the Americas (east), with Japan in the middle.
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

/** Zoom that fits the longitude span into the viewport width, clamped to a sensible range. */
export function openingCamera(width: number, height: number): Camera {
  const span = OPENING_EAST - OPENING_WEST;
  const fit = Math.log2((Math.max(width, 200) * 360) / (TILE_SIZE * span));
  const tall = height > width * 1.2; // phones: zoom out less; the user pans
  const zoom = Math.min(4, Math.max(tall ? 0.6 : 0.8, fit));
  const center: [number, number] = [(OPENING_WEST + OPENING_EAST) / 2 - 360 * Math.floor(((OPENING_WEST + OPENING_EAST) / 2 + 180) / 360), OPENING_LATITUDE];
  return { center, zoom };
}
