// `npx tsx scripts/video-export-time.ts [query] [mp4|webm] [1080p|720p] [30|60]`: times one video export of the
// production build (default: the full 1983–2012 playback at 1080p30, MP4) and compares it with the video's length.
import { launch, serveBuild } from './browser';

const [query = 'lang=en', format = 'mp4', size = '1080p', fps = '30'] = process.argv.slice(2);
const server = await serveBuild();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?${query}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-video-size').selectOption(size);
  await page.getByTestId('export-video-fps').selectOption(fps);
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 3_600_000 }), page.getByTestId(`export-video-${format}`).click()]);
  const seconds = (Date.now() - start) / 1000;
  const measure = await page.evaluate(() => ({
    detail: (performance.getEntriesByName('atlas:video-export').at(-1) as PerformanceMeasure | undefined)?.detail,
  }));
  const detail = measure?.detail as { map: number; draw: number; encode: number; frames: number; duration: number };
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
      breakdownSeconds: { map: +(detail.map / 1000).toFixed(1), draw: +(detail.draw / 1000).toFixed(1), encode: +(detail.encode / 1000).toFixed(1) },
      megabytes: +(bytes / 1e6).toFixed(2),
    }),
  );
} finally {
  await browser.close();
  server.close();
}
