// Vite plugin: the opening view comes with the HTML (issue 29). At build time the page's own components render the
// plain visit (the built-in list, no filters) in Japanese and in English (src/app/prerender.tsx, React's static
// rendering through a Vite SSR module loader); index.html carries both, and a script in the head, before the body is
// parsed, shows the visitor's language (the `lang` parameter, else the browser's) so that the other one never
// flashes. src/app/main.tsx keeps that one and hydrates it. A URL other than the plain visit marks the page
// (`data-prerender="other"`): its numbers are hidden (src/app/prerender.css) until the page has drawn its own, but
// for the counts: the head's script loads src/app/early-counts.ts (bundled here on its own, earlyCountsScript), which
// writes them from the preloaded dataset before the app's code has arrived.
// With JavaScript off, the Japanese view shows (the page's `lang`), with its counts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build, createServer, type Plugin, type Rolldown } from 'vite';
import { paletteProperties, REGION_COLOURS } from '../src/style/palette.ts';
import { CURRENT_LIST_HINT } from '../src/adapters/storage/current-list-hint.ts';

/** Set by the list store while a list opened in this browser is the current one (a plain visit then shows it). */
const STORED_LIST_HINT = CURRENT_LIST_HINT;

/**
 * The head's script: the page's language as src/i18n's browserLang and the URL decide it, and whether the URL is a
 * plain visit. An inline script (the only one): the CSP allows it by its hash (OPENING_SCRIPT_HASH).
 */
export const OPENING_SCRIPT = `(() => {
  const html = document.documentElement;
  const query = new URLSearchParams(location.search);
  const asked = query.get('lang');
  let lang = asked === 'ja' || asked === 'en' ? asked : '';
  for (const l of navigator.languages || [navigator.language]) {
    const s = String(l).toLowerCase();
    if (lang) break;
    if (s.startsWith('ja')) lang = 'ja';
    else if (s.startsWith('en')) lang = 'en';
  }
  html.lang = lang || 'en';
  let stored = false;
  try {
    stored = localStorage.getItem('${STORED_LIST_HINT}') !== null;
  } catch {}
  const other = stored || [...query.keys()].some((key) => key !== 'lang');
  if (other) html.setAttribute('data-prerender', 'other');
  // A filtered URL of the built-in list: its counts come from a small script (src/app/early-counts.ts) as soon as the
  // dataset has arrived, before the app's code.
  const early = document.querySelector('meta[name="atlas-early-counts"]');
  if (early && other && !stored) {
    const script = document.createElement('script');
    script.type = 'module';
    // An inserted script is a low-priority request, which Chrome holds back while the head's files load.
    script.fetchPriority = 'high';
    script.src = early.content;
    document.head.append(script);
  }
  // MapLibre's code downloads with the page on a plain visit, whose first view is in the HTML; a filtered URL's first
  // view waits for the app's code and the dataset, which get the link to themselves (the app asks for MapLibre then).
  // With it the map's own module and MapLibre's stylesheet (main.tsx would ask for them only once it runs).
  const map = document.querySelector('meta[name="atlas-map-module"]');
  if (map && !other) {
    for (const href of map.content.split(' ')) {
      const link = document.createElement('link');
      const css = href.endsWith('.css');
      link.rel = css ? 'preload' : 'modulepreload';
      if (css) link.setAttribute('as', 'style');
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
  }
})();`;

/** For the CSP's script-src. */
export const OPENING_SCRIPT_HASH = `'sha256-${createHash('sha256').update(OPENING_SCRIPT).digest('base64')}'`;

/** src/app/early-counts.ts bundled on its own (one ES module, minified): the app's functions, not a copy of them. */
export async function earlyCountsScript(root: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      copyPublicDir: false,
      lib: { entry: 'src/app/early-counts.ts', formats: ['es'], fileName: 'early-counts' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`prerender: the early counts script is ${chunks.length} chunks, not one`);
  const code = chunks[0]!.code;
  // Issue 29: the slow link's filtered counts wait for this script. It was 41.4 KB gzip with zod (the URL's and the
  // dataset's schemas); without, ~11. A schema (or anything else large) pulled back in fails the build here.
  const gzip = gzipSync(code, { level: 9 }).length;
  if (gzip > EARLY_COUNTS_BUDGET)
    throw new Error(`prerender: the early counts script is ${gzip} bytes gzip, over its budget of ${EARLY_COUNTS_BUDGET} (is zod back in it?)`);
  return code;
}

/** Bytes gzip -9 of the early counts script at most. */
export const EARLY_COUNTS_BUDGET = 16_000;

/** Hex SHA-256, as src/app/early-counts.ts computes it with WebCrypto. */
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const BUILT_IN_DATASET = /^assets\/agreements-[\w-]+\.json$/;
const EARLY_COUNTS = /^assets\/early-counts-[\w-]+\.js$/;

export function prerender(): Plugin {
  let root = process.cwd();
  let publicDir = 'public';
  let ownDataset = '';
  let base = '/';
  return {
    name: 'partner-atlas-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      publicDir = config.publicDir;
      base = config.base;
      ownDataset = String(config.env.VITE_ATLAS_DATASET ?? '').replace(/^\/+/, '');
    },
    async buildStart() {
      this.emitFile({ type: 'asset', name: 'early-counts.js', source: await earlyCountsScript(root) });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const dataset = JSON.parse(readFileSync(ownDataset ? join(publicDir, ownDataset) : join(root, 'data/agreements.json'), 'utf8')) as unknown;
        const world = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8')) as unknown;
        // The project's own config (its virtual modules), as a module loader only: no server, no file watching.
        const server = await createServer({ root, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false, watch: null } });
        let views: Record<'ja' | 'en', string>;
        let key: string;
        // The dataset file as it is served (the built-in list's asset, or VITE_ATLAS_DATASET's file in public/): its
        // SHA-256 lets the early counts script count it unchecked, if the app's validation takes it as it is.
        const datasetFile = ownDataset || Object.keys(ctx.bundle ?? {}).find((f) => BUILT_IN_DATASET.test(f));
        const asset = datasetFile ? ctx.bundle?.[datasetFile] : undefined;
        const served = ownDataset ? readFileSync(join(publicDir, ownDataset)) : asset?.type === 'asset' ? asset.source : null;
        let digest: string | null = null;
        try {
          const module = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof import('../src/app/prerender');
          views = module.prerenderOpeningView(dataset, world, ['ja', 'en']);
          key = module.prerenderedDatasetKey(dataset);
          if (served !== null && module.validAsItIs(JSON.parse(new TextDecoder().decode(typeof served === 'string' ? Buffer.from(served) : served))))
            digest = sha256(served);
        } finally {
          await server.close();
        }
        if (!html.includes('<div id="root"></div>')) throw new Error('prerender: index.html has no empty <div id="root"></div>');
        // The dataset's key is slugs, digits and | , only: safe in an attribute.
        const body = `<div id="root" data-prerendered="ja" data-dataset="${key}">${views.ja}</div><div id="root-en" data-prerendered="en" data-dataset="${key}">${views.en}</div>`;
        // After the CSP's meta tag (it must come first to cover the script) and the charset's (within the first 1024
        // bytes), before the stylesheet (a script after it would wait for it).
        const charset = '<meta charset="UTF-8" />';
        const at = html.indexOf(charset) + charset.length;
        if (at < charset.length || html.indexOf('Content-Security-Policy') > at) throw new Error('prerender: index.html has no charset meta after the CSP');
        // The map sooner (issue 29): on a plain visit MapLibre's chunk downloads with the page, not once the dataset
        // has arrived; the head's script asks for it (OPENING_SCRIPT), so that a filtered URL's first view, which
        // needs the app's code and the dataset, does not share the link with it (the app asks for it after the data).
        // With it the map's module (src/adapters/maplibre/map-controller.ts) and MapLibre's stylesheet, which the app's
        // import of that module waits for: the head asks for all three (space-separated, the files' names have none).
        const files = Object.keys(ctx.bundle ?? {});
        const maplibre = files.find((f) => /^assets\/maplibre-[\w-]+\.js$/.test(f));
        const mapFiles = [maplibre, ...files.filter((f) => /^assets\/(map-controller-[\w-]+\.js|maplibre-[\w-]+\.css)$/.test(f))];
        const mapMeta = maplibre ? `\n    <meta name="atlas-map-module" content="${mapFiles.map((f) => base + f).join(' ')}" />` : '';
        // The early counts script and the dataset it reads (the preloaded one: the built-in list's, or VITE_ATLAS_DATASET's).
        const early = Object.keys(ctx.bundle ?? {}).find((f) => EARLY_COUNTS.test(f));
        const earlyMeta =
          early && datasetFile && digest
            ? `\n    <meta name="atlas-early-counts" content="${base}${early}" />\n    <meta name="atlas-dataset" content="${base}${datasetFile}" data-sha256="${digest}" />`
            : '';
        return `${html.slice(0, at)}${mapMeta}${earlyMeta}\n    <script>${OPENING_SCRIPT}</script>${html.slice(at).replace('<div id="root"></div>', () => body)}`;
      },
    },
  };
}

const PALETTE_CSS = 'virtual:palette.css';

/**
 * The palette (src/style/palette.ts) as a stylesheet: custom properties for the stylesheets (var(--map-…),
 * var(--region-…)) and the region swatches' colours, there before any script runs (the prerendered view uses them).
 */
export function paletteStylesheet(): Plugin {
  return {
    name: 'partner-atlas-palette-stylesheet',
    resolveId: (id) => (id === PALETTE_CSS ? `\0${PALETTE_CSS}` : null),
    load(id) {
      if (id !== `\0${PALETTE_CSS}`) return null;
      const properties = paletteProperties().map(([name, value]) => `  ${name}: ${value};`);
      const swatches = Object.keys(REGION_COLOURS).map((region) => `[data-region-swatch='${region}'] {\n  background: var(--region-${region});\n}`);
      return `:root {\n${properties.join('\n')}\n}\n${swatches.join('\n')}\n`;
    },
  };
}
