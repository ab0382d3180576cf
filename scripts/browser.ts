// Shared by the screenshot and benchmark scripts: serve the production build and launch Chromium.
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export async function serveBuild(port = Number(process.env.ATLAS_BENCH_PORT ?? 4174)) {
  // ATLAS_DIST: another build to serve (a "before" build beside the current one, for side-by-side CPU figures).
  const outDir = process.env.ATLAS_DIST;
  const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1' }, ...(outDir ? { build: { outDir } } : {}), logLevel: 'warn' });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** `extraArgs`: more switches for this browser only (the bench's CPU-rasterised fast link). */
export async function launch(extraArgs: string[] = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}
