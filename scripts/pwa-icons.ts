// Vite plugin: the web app manifest's icons, drawn at build time (no binary files in the repository): the
// ocean's blue, a land-coloured globe, the home campus's purple point with arcs to two partners.
import { crc32, deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const ICON_SIZES = [192, 512] as const;
export const iconFile = (size: number, maskable = false) => `icons/atlas-${maskable ? 'maskable-' : ''}${size}.png`;

type Rgb = readonly [number, number, number];
const hex = (colour: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) as unknown as Rgb;
const OCEAN = hex('#dfe9f2');
const LAND = hex('#f7f5f0');
const BORDER = hex('#b9b3a6');
const HOME = hex('#6d28d9');
const ARC = hex('#334155');

/** A PNG file (8-bit RGBA, no interlace) from raw pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The icon: a square of ocean (the whole square, so a maskable icon's safe zone holds the globe), a globe of land,
 * two arcs from the home point. `inset` shrinks the drawing for the maskable variant (its safe zone is 80 %).
 */
export function drawIcon(size: number, inset = 0): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const c = size / 2;
  const globe = size * (0.4 - inset);
  const home = [c - globe * 0.35, c - globe * 0.1] as const;
  const partners = [
    [c + globe * 0.55, c - globe * 0.3],
    [c + globe * 0.3, c + globe * 0.5],
  ] as const;
  // Points of a quadratic arc bulging upwards, sampled densely.
  const arcs = partners.map(([x, y]) => {
    const cx = (home[0] + x) / 2;
    const cy = Math.min(home[1], y) - globe * 0.35;
    return Array.from({ length: 200 }, (_, i) => {
      const t = i / 199;
      return [(1 - t) ** 2 * home[0] + 2 * (1 - t) * t * cx + t * t * x, (1 - t) ** 2 * home[1] + 2 * (1 - t) * t * cy + t * t * y] as const;
    });
  });
  // The arcs as a mask: a disc stamped at each sampled point.
  const arcWidth = size * 0.018;
  const onArc = new Uint8Array(size * size);
  for (const [ax, ay] of arcs.flat()) {
    for (let y = Math.floor(ay - arcWidth); y <= Math.ceil(ay + arcWidth); y++)
      for (let x = Math.floor(ax - arcWidth); x <= Math.ceil(ax + arcWidth); x++)
        if (x >= 0 && y >= 0 && x < size && y < size && Math.hypot(x - ax, y - ay) < arcWidth) onArc[y * size + x] = 1;
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      let colour: Rgb = OCEAN;
      if (d < globe) colour = LAND;
      if (Math.abs(d - globe) < size * 0.008) colour = BORDER;
      if (onArc[y * size + x]) colour = ARC;
      for (const [px0, py0] of partners) if (Math.hypot(x - px0, y - py0) < size * 0.035) colour = ARC;
      if (Math.hypot(x - home[0], y - home[1]) < size * 0.06) colour = HOME;
      px.set([...colour, 255], (y * size + x) * 4);
    }
  }
  return px;
}

/** Emits the icons into the build, next to index.html (the manifest refers to them by these names). */
export function pwaIcons(): Plugin {
  return {
    name: 'partner-atlas-pwa-icons',
    apply: 'build',
    generateBundle() {
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: iconFile(size), source: encodePng(size, size, drawIcon(size)) });
        this.emitFile({ type: 'asset', fileName: iconFile(size, true), source: encodePng(size, size, drawIcon(size, 0.1)) });
      }
    },
  };
}
