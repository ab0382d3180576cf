// `npx tsx scripts/video-export-time.ts [query] [mp4|webm] [1080p|720p] [30|60]`: times one video export of the
// production build (default: the full 1983–2012 playback at 1080p30, MP4) and compares it with the video's length.
// Wall time per stage comes from the page (performance measure 'atlas:video-export'); CPU seconds per thread of the
// browser from /proc, which say where the work goes even on a busy machine (the encoder runs off the main thread).
// A shorter export for a quick comparison: `npx tsx scripts/video-export-time.ts 'lang=en&years=2008-2012'`.
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { preview } from 'vite';
import { launch, serveBuild } from './browser';
import { CHROMIUM_ARGS } from './chromium';
import { chromiumKind, cpuSnapshot, cpuSpent } from './proc-cpu';

const [query = 'lang=en', format = 'mp4', size = '1080p', fps = '30'] = process.argv.slice(2);
const port = Number(process.env.ATLAS_BENCH_PORT ?? 4313);
// VIDEO_DIST=<folder>: time another build (e.g. main's, copied aside) for a before/after on the same machine and load.
const server = process.env.VIDEO_DIST ? await serveDist(process.env.VIDEO_DIST, port) : await serveBuild(port);

async function serveDist(outDir: string, port: number) {
  const s = await preview({ build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  return { url: `http://127.0.0.1:${port}/`, close: () => s.close() };
}
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?${query}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-video-size').selectOption(size);
  await page.getByTestId('export-video-fps').selectOption(fps);
  const cpuBefore = cpuSnapshot();
  const load = loadavg()[0]!;
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 3_600_000 }), page.getByTestId(`export-video-${format}`).click()]);
  const seconds = (Date.now() - start) / 1000;
  const cpu = cpuSpent(cpuBefore, cpuSnapshot(), chromiumKind);
  const measure = await page.evaluate(() => ({
    detail: (performance.getEntriesByName('atlas:video-export').at(-1) as PerformanceMeasure | undefined)?.detail,
  }));
  const detail = measure?.detail as { map: number; draw: number; encode: number; mux: number; frames: number; duration: number };
  const bytes = (await import('node:fs')).statSync((await download.path())!).size;
  console.log(
    JSON.stringify({
      query,
      format,
      size,
      fps: Number(fps),
      frames: detail.frames,
      videoSeconds: detail.duration,
      exportSeconds: seconds,
      realTimeFactor: +(seconds / detail.duration).toFixed(2),
      msPerFrame: +((seconds * 1000) / detail.frames).toFixed(1),
      // Wall seconds on the page's main thread: map drawn and copied (once a year), picture composed (every frame),
      // waiting for the encoder, and finishing the file (the last frames encoded, then muxed).
      breakdownSeconds: {
        map: +(detail.map / 1000).toFixed(1),
        draw: +(detail.draw / 1000).toFixed(1),
        encode: +(detail.encode / 1000).toFixed(1),
        mux: +((detail.mux ?? 0) / 1000).toFixed(1),
      },
      cpuSeconds: cpu.total,
      cpuSecondsPerVideoSecond: +(cpu.total / detail.duration).toFixed(2),
      cpuByThread: cpu.threads,
      loadAverageAtStart: load,
      loadAverageAtEnd: loadavg()[0],
      cores: Number(execSync('nproc').toString()),
      chromiumArgs: CHROMIUM_ARGS.join(' '),
      megabytes: +(bytes / 1e6).toFixed(2),
    }),
  );
} finally {
  await browser.close();
  server.close();
}
