// Colours shared by the map, the timeline and the legend. Regions use the Okabe–Ito palette (safe for the
// common forms of colour blindness); text colours meet 4.5:1 on their backgrounds.
import type { RegionId } from '../domain/schema';

export const REGION_COLOURS: Record<RegionId, string> = {
  asia: '#E69F00',
  europe: '#0072B2',
  'north-america': '#009E73',
  'latin-america': '#CC79A7',
  oceania: '#56B4E9',
  'middle-east': '#D55E00',
  africa: '#8C6D00',
};

export const COLOURS = {
  ocean: '#dfe9f2',
  land: '#f7f5f0',
  landPartner: '#ebe4d3',
  landSelected: '#d9c9a3',
  border: '#b9b3a6',
  // Country markers in slate, a colour no region has, so a marker never reads as a region's swatch.
  marker: '#334155',
  markerSelected: '#0f172a',
  markerStroke: '#ffffff',
  institution: '#1d4ed8',
  highlight: '#facc15',
  // The presentation slide's subject: a ring in a colour nothing else on the map uses.
  subject: '#e11d48',
  home: '#6d28d9',
  // Flow lines from home: the home point's purple, muted, so the markers over them stay the figure.
  flow: '#8b7bc4',
  // A comparison of two homes (compare=A,B): partners and arcs only A's, only B's, or both (Okabe–Ito blue,
  // vermillion and bluish green, told apart under the common colour-vision deficiencies).
  compareA: '#0072B2',
  compareB: '#D55E00',
  compareShared: '#009E73',
  text: '#1f2937',
  textHalo: '#ffffff',
  muted: '#9ca3af',
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The palette as CSS custom properties (`--map-ocean`, `--map-marker`, `--region-asia` …): src/app sets them on the
 * page's root before the first render, and the stylesheets use var(--…), so a colour is written here only.
 */
export function paletteProperties(): [name: string, value: string][] {
  return [
    ...Object.entries(COLOURS).map(([name, value]): [string, string] => [`--map-${kebab(name)}`, value]),
    ...Object.entries(REGION_COLOURS).map(([region, value]): [string, string] => [`--region-${region}`, value]),
  ];
}
