// Browser tests: Debian's Chromium, headless with software WebGL. Everything runs against the production build
// (vite build + vite preview), and one smoke test against the dev server (`npm run dev`), which users run too: that
// spec starts the dev server itself (tests/e2e/dev-server.spec.ts), so `--project=build` starts only the preview.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// ATLAS_TEST_PORT lets two checkouts run their browser tests side by side; the dev server takes the next port.
const PORT = Number(process.env.ATLAS_TEST_PORT ?? 4173);
const DEV_PORT = PORT + 1000;
const DEV_SMOKE = /dev-server\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two workers, one spec file each at a time (a file's tests share pages: atlas-page.ts, sharedPage). On this
  // machine class (2 cores) a worker waits for its page much of the time (loads, real-time playback and recording,
  // polling), and the other fills it: bench/suite-times.md. `npx tsx scripts/suite-time.ts` measures the suite.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 800 },
    locale: 'ja-JP',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // The page's own pixels rasterised and composited on the CPU, as on a machine whose GPU Chromium does not use;
      // WebGL stays on SwiftShader. By default SwiftShader also rasterises and composites the page, on the thread that
      // runs WebGL (README, Performance): the GPU process was a third of the suite's CPU (bench/suite-times.md,
      // suite-times-37.md). ATLAS_GPU_RASTER=1 runs it with Chromium's defaults, as `npm run bench` does.
      args: [...CHROMIUM_ARGS, ...(process.env.ATLAS_GPU_RASTER ? [] : ['--disable-gpu-rasterization', '--disable-gpu-compositing'])],
    },
    trace: 'off',
    // Camera flights and pulse rings are not under test: the map jumps (map-controller.ts reads the media query).
    reducedMotion: 'reduce',
    // The production build installs a service worker after the first load; page.route() cannot see what it
    // answers, so specs run without it. offline.spec.ts allows it: it is what that spec tests.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'build', testIgnore: DEV_SMOKE, use: { baseURL: `http://127.0.0.1:${PORT}/` } },
    { name: 'dev', testMatch: DEV_SMOKE, use: { baseURL: `http://127.0.0.1:${DEV_PORT}/` } },
  ],
  webServer: {
    // Vite's own script (not npx: one process less, and stopping it stops the server).
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
