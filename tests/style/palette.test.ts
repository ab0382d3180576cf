// Map colours are written once, in src/style/palette.ts; the stylesheets read them as custom properties.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, REGION_COLOURS, paletteProperties } from '../../src/style/palette';

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}
const css = cssFiles('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('the palette as custom properties', () => {
  const properties = new Map(paletteProperties());

  it('has every map and region colour', () => {
    expect(properties.get('--map-ocean')).toBe(COLOURS.ocean);
    expect(properties.get('--map-marker-selected')).toBe(COLOURS.markerSelected);
    expect(properties.get('--region-north-america')).toBe(REGION_COLOURS['north-america']);
    expect(properties.size).toBe(Object.keys(COLOURS).length + Object.keys(REGION_COLOURS).length);
  });

  it('defines every palette property a stylesheet uses', () => {
    const used = css.flatMap(({ file, text }) => [...text.matchAll(/var\((--(?:map|region)-[a-z-]+)\)/g)].map((m) => ({ file, name: m[1]! })));
    expect(used.length).toBeGreaterThan(5);
    for (const { file, name } of used) expect({ file, name, defined: properties.has(name) }).toEqual({ file, name, defined: true });
  });

  it('leaves no map colour written out in the map legend, the pulses or the map area', () => {
    for (const { file, text } of css)
      for (const rule of text.matchAll(/([^{}]*(?:legend-dot|pulse-ring|map-wrap)[^{}]*)\{([^}]*)\}/g))
        expect({ file, selector: rule[1]!.trim(), hex: rule[2]!.match(/#[0-9a-f]{3,8}\b/gi) }).toEqual({ file, selector: rule[1]!.trim(), hex: null });
  });
});
