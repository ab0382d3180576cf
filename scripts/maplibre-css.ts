// PostCSS plugin (vite.config.ts, css.postcss): MapLibre's stylesheet without the rules of the controls this atlas
// never adds (issue 29, the first-load transfer). Most of its 10 KB gzipped are SVG icons inlined for the logo,
// geolocation, fullscreen, terrain and globe controls and the popup; this atlas adds the navigation and attribution
// controls and HTML markers (src/adapters/maplibre), whose rules stay. 9.8 → ~2 KB gzip. A rule goes only when every
// one of its selectors names an unused control; an at-rule left empty goes too.
const UNUSED = [
  'ctrl-logo',
  'ctrl-geolocate',
  'ctrl-fullscreen',
  'ctrl-shrink',
  'ctrl-terrain',
  'ctrl-globe',
  'user-location',
  'ctrl-scale',
  'popup',
  'cooperative-gesture',
];
const MAPLIBRE_CSS = /maplibre-gl[\\/]dist[\\/]maplibre-gl\.css$/;

interface CssNode {
  source?: { input?: { file?: string } };
  remove(): void;
}
interface CssRule extends CssNode {
  selectors: string[];
}
interface CssAtRule extends CssNode {
  nodes?: unknown[];
}

const fromMapLibre = (node: CssNode) => MAPLIBRE_CSS.test(node.source?.input?.file ?? '');
const unused = (selector: string) => UNUSED.some((name) => selector.includes(`.maplibregl-${name}`));

export function maplibreCssUsedOnly() {
  return {
    postcssPlugin: 'partner-atlas-maplibre-css-used-only',
    Rule(rule: CssRule) {
      if (fromMapLibre(rule) && rule.selectors.every(unused)) rule.remove();
    },
    AtRuleExit(atRule: CssAtRule) {
      if (fromMapLibre(atRule) && atRule.nodes?.length === 0) atRule.remove();
    },
  };
}
