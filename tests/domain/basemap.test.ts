import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { basemapDetailZoom, basemapFromTopology, unwrapRing } from '../../src/domain/basemap';
import { openingCamera } from '../../src/adapters/maplibre/camera';

describe('basemap', () => {
  it('unwraps a ring that crosses the antimeridian so no edge spans the world', () => {
    const ring = [
      [179, 65],
      [-179, 65],
      [-179, 66],
      [179, 66],
      [179, 65],
    ];
    expect(unwrapRing(ring)).toEqual([
      [179, 65],
      [181, 65],
      [181, 66],
      [179, 66],
      [179, 65],
    ]);
  });

  it('leaves no world-spanning edge in any world-atlas polygon', () => {
    const require = createRequire(import.meta.url);
    const basemap = basemapFromTopology(require('world-atlas/countries-110m.json'));
    let worst = 0;
    for (const f of basemap.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i += 1) {
          const [a, b] = [ring[i - 1]!, ring[i]!];
          // The closing edges through the pole (Antarctica) run along latitude ±90, outside the Mercator world.
          if (Math.abs(a[1]!) === 90 || Math.abs(b[1]!) === 90) continue;
          worst = Math.max(worst, Math.abs(b[0]! - a[0]!));
        }
      }
    }
    expect(worst).toBeLessThan(90);
    const russia = basemap.features.find((f) => f.properties.id === '643')!;
    const edges = (russia.geometry.type === 'Polygon' ? [russia.geometry.coordinates] : russia.geometry.coordinates)
      .flat()
      .flatMap((ring) => ring.slice(1).map((p, i) => Math.abs(p[0]! - ring[i]![0]!)));
    expect(Math.max(...edges)).toBeLessThan(90);
  });
});

describe('opening camera', () => {
  it('is Pacific-centred and fits Europe to the Americas on a laptop', () => {
    const cam = openingCamera(1366, 700);
    expect(cam.center[0]).toBeGreaterThan(120);
    expect(cam.center[0]).toBeLessThan(160);
    // 312° of longitude in 1366 px: 512 × 2^zoom × 312/360 ≤ 1366
    expect(512 * 2 ** cam.zoom * (312 / 360)).toBeLessThanOrEqual(1367);
  });

  it('finds the deepest zoom its borders can be drawn at from the borders themselves (issue 26)', () => {
    const require = createRequire(import.meta.url);
    const coarse = basemapDetailZoom(basemapFromTopology(require('world-atlas/countries-110m.json')));
    const fine = basemapDetailZoom(basemapFromTopology(require('world-atlas/countries-50m.json')));
    // 1:110m: a median segment of ~0.57° is 20 px at zoom ~4.6; 1:50m's segments are ~8× shorter, 3 zooms deeper.
    expect(coarse).toBeGreaterThan(4.3);
    expect(coarse).toBeLessThan(5);
    expect(fine - coarse).toBeGreaterThan(2.5);
  });
});
