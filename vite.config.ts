/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressedAssets } from './scripts/precompressed-assets.ts';
import { ICON_SIZES, iconFile, pwaIcons } from './scripts/pwa-icons.ts';
import { securityHeaders } from './scripts/security-headers.ts';
import { preloadData } from './scripts/preload-data.ts';
import { minifiedDataset } from './scripts/dataset-asset.ts';
import { cityGazetteer } from './scripts/city-gazetteer.ts';
import { institutionGazetteer } from './scripts/institution-gazetteer-asset.ts';
import { paletteStylesheet, prerender } from './scripts/prerender.ts';
import { maplibreCssUsedOnly } from './scripts/maplibre-css.ts';

const THEME = '#334155';

/**
 * Installable and usable offline after one visit (issue 15): the service worker precaches everything the page
 * fetches from its own origin: the app's code and styles, MapLibre's worker, the dataset, the basemap, the icons.
 * It is registered by the app once the atlas is ready and then quiet (src/ui/UpdatePrompt.tsx, useRegisterSW;
 * src/ui/when-quiet.ts), never by an inline script (the CSP has script-src 'self'), and not in `npm run dev`
 * (devOptions disabled).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeManifestIcons: false,
  manifest: {
    name: '国際交流協定アトラス — Partner Atlas',
    short_name: 'Partner Atlas',
    description: '国際学術交流協定の地図と年表 / An atlas of a university’s international exchange agreements',
    lang: 'ja',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    theme_color: THEME,
    background_color: '#dfe9f2',
    icons: ICON_SIZES.flatMap((size) => [
      { src: iconFile(size), sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' },
      { src: iconFile(size, true), sizes: `${size}x${size}`, type: 'image/png', purpose: 'maskable' },
    ]),
  },
  workbox: {
    // `.mjs` and `.json` are not in the plugin's default globs: MapLibre's worker may be built as `.mjs`, and the
    // dataset and the basemap are `.json`. The brotli and gzip copies are the server's business, not the cache's.
    globPatterns: ['**/*.{js,mjs,css,html,json,png,svg,woff,woff2}'],
    // The importer's city gazetteer (~270 KB gzipped) is fetched only when an import needs it: not precached with the
    // page, but kept once fetched, so that a list opened offline later is placed by its cities too.
    // So is the institution gazetteer (~1.2 MB gzipped).
    globIgnores: ['**/*.gz', '**/*.br', '_headers', 'assets/cities-*.json', 'assets/institutions-*.json'],
    runtimeCaching: [
      { urlPattern: /\/assets\/cities-[\w-]+\.json$/, handler: 'CacheFirst', options: { cacheName: 'city-gazetteer' } },
      { urlPattern: /\/assets\/institutions-[\w-]+\.json$/, handler: 'CacheFirst', options: { cacheName: 'institution-gazetteer' } },
    ],
    // The largest file is MapLibre's chunk (~1.1 MB); the dataset is ~0.6 MB. Room for a dataset ten times larger.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
  devOptions: { enabled: false },
});

export default defineConfig({
  // securityHeaders first: its preview middleware puts the headers on every response, the gzip copies' too.
  plugins: [
    react(),
    securityHeaders(),
    minifiedDataset(),
    precompressedAssets(),
    preloadData(),
    pwaIcons(),
    cityGazetteer(),
    institutionGazetteer(),
    paletteStylesheet(),
    prerender(),
    pwa,
  ],
  // MapLibre's stylesheet without the controls the atlas never adds (scripts/maplibre-css.ts).
  css: { postcss: { plugins: [maplibreCssUsedOnly()] } },
  // The import worker loads its XLSX reader lazily: that needs an ES module worker (the default, iife, cannot split).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // MapLibre in its own chunk, loaded on demand once the dataset has arrived (src/ui/map/map-module.ts).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } } },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // Worker threads, not child processes: the files' own work is ~48 s, the rest per-file set-up; on 2 cores the unit
    // run took 144 s with forks and 117 s with threads (quiet machine, one run each, 1,341 tests passing in both).
    pool: 'threads',
  },
});
