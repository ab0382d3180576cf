// How this project runs Chromium: Debian's build, headless, software WebGL, and no calls home on a closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * More switches for an experiment, comma-separated (e.g. `CHROMIUM_EXTRA_ARGS=--disable-gpu-rasterization npm run
 * bench`): with SwiftShader, Chromium also rasterises the page's own pixels on the emulated GPU, on the thread that
 * runs WebGL, which a machine with a GPU does not do (see README, Performance).
 */
const EXTRA_ARGS = (process.env.CHROMIUM_EXTRA_ARGS ?? '').split(',').filter((arg) => arg !== '');

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...EXTRA_ARGS,
];
