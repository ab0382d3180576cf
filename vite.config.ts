/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressedAssets } from './scripts/precompressed-assets.ts';
import { securityHeaders } from './scripts/security-headers.ts';

export default defineConfig({
  // securityHeaders first: its preview middleware puts the headers on every response, the gzip copies' too.
  plugins: [react(), securityHeaders(), precompressedAssets()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // MapLibre in its own chunk: the browser fetches and compiles it alongside the app's code.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } } },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
