// Frame-exact video of the playback (MP4/H.264 or WebM/VP9) with WebCodecs through mediabunny. Loaded on demand
// (dynamic import from the export menu): the encoder costs nothing on the page's first load.
// Playback is stepped frame by frame through the playback controller (its one writer), never by the wall clock:
// frame i shows the playback i/fps seconds in, whatever the machine's speed. The map renders at the frame's exact
// size through MapHandle.renderAt and is redrawn only when the year changes; each frame waits for it to be drawn.
import { BufferTarget, CanvasSource, canEncodeVideo, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat } from 'mediabunny';
import { SECONDS_PER_YEAR_AT_1X } from '../../domain/playback';
import type { Lang } from '../../domain/schema';
import { VIDEO_SIZES, videoTiming, type VideoFps, type VideoSize } from '../../domain/video-timing';
import { t } from '../../i18n/messages';
import { DESIGN, drawVideoFrame, MAP_AREA, type FrameTexts, type TimelineStrip, type VideoRuntime, type YearFrame } from './video-frame';

export type { VideoRuntime, YearFrame } from './video-frame';

export type VideoFormat = 'mp4' | 'webm';

/** H.264 High profile, level 4.0: 1080p30 and 720p60 (the baseline profile fails at 1080p here). Level 4.2 for 1080p60. */
const AVC = { 30: 'avc1.640028', 60: 'avc1.64002a' } as const;
/** The CSS ring animation takes this long on the page; the video's rings follow it in playback time. */
const RING_SECONDS = 0.9;

export interface VideoJob {
  lang: Lang;
  format: VideoFormat;
  size: VideoSize;
  fps: VideoFps;
  texts: FrameTexts;
  strip: TimelineStrip;
  describe(year: number): YearFrame;
  /** The year the page has last rendered (so the map has been given that year's data). */
  pageYear(): number | null;
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
}

export const webCodecsAvailable = () => typeof VideoEncoder !== 'undefined';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Until the page has rendered `year`: React commits a store change within a task or two. */
async function pageShows(job: VideoJob, year: number): Promise<void> {
  for (let i = 0; i < 200 && job.pageYear() !== year; i += 1) await macrotask();
}

function aborted(): DOMException {
  return new DOMException('The video export was cancelled.', 'AbortError');
}

export async function exportVideo(runtime: VideoRuntime, job: VideoJob): Promise<Blob> {
  const { map, playback, store } = runtime;
  if (!map) throw new Error(t(job.lang, 'exportNoMap'));
  if (!webCodecsAvailable()) {
    if (job.format !== 'webm') throw new Error(t(job.lang, 'exportNoMp4'));
    const { recordPlayback } = await import('./video');
    return await recordPlayback(runtime, job);
  }
  const { width, height } = VIDEO_SIZES[job.size];
  const codec = job.format === 'mp4' ? 'avc' : 'vp9';
  const fullCodecString = job.format === 'mp4' ? AVC[job.fps] : undefined;
  if (!(await canEncodeVideo(codec, { width, height, fullCodecString }))) throw new Error(t(job.lang, job.format === 'mp4' ? 'exportNoMp4' : 'exportNoVideo'));

  const speed = store.getState().playbackSettings.speed;
  const timing = videoTiming(playback.range(), speed, job.fps);
  const scale = width / DESIGN.width;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t(job.lang, 'exportNoCanvas'));

  job.onProgress(0, timing.frames);
  const saved = playback.position();
  const output = new Output({
    format: job.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  try {
    return await map.renderAt({ ...MAP_AREA, pixelRatio: scale }, async () => {
      const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2, ...(fullCodecString ? { fullCodecString } : {}) });
      output.addVideoTrack(source, { frameRate: job.fps });
      await output.start();
      // Where the time goes (read by scripts/video-export-time.ts): waiting for the map, drawing, encoding.
      const spent = { map: 0, draw: 0, encode: 0 };
      const started = performance.now();
      let shown = null as { year: number; frame: YearFrame; rings: { x: number; y: number }[] } | null;
      for (let i = 0; i < timing.frames; i += 1) {
        if (job.signal.aborted) throw aborted();
        const position = timing.positionAt(i);
        const { year, progress } = playback.seek(position);
        let at = performance.now();
        if (shown?.year !== year) {
          await pageShows(job, year);
          await map.idle();
          spent.map += performance.now() - at;
          at = performance.now();
          const frame = job.describe(year);
          shown = { year, frame, rings: frame.points.map(([lng, lat]) => map.project(lng, lat)) };
        }
        const secondsIntoYear = (progress * SECONDS_PER_YEAR_AT_1X) / speed;
        drawVideoFrame(ctx, scale, map.frame().canvas, job.texts, job.strip, {
          ...shown.frame,
          rings: shown.rings,
          ringPhase: secondsIntoYear / RING_SECONDS,
          position,
        });
        spent.draw += performance.now() - at;
        at = performance.now();
        await source.add(i / job.fps, 1 / job.fps);
        spent.encode += performance.now() - at;
        job.onProgress(i + 1, timing.frames);
      }
      if (job.signal.aborted) throw aborted();
      await output.finalize();
      performance.measure('atlas:video-export', { start: started, detail: { ...spent, frames: timing.frames, duration: timing.duration } });
      const buffer = output.target.buffer;
      if (!buffer) throw new Error(t(job.lang, 'exportNoVideo'));
      return new Blob([buffer], { type: job.format === 'mp4' ? 'video/mp4' : 'video/webm' });
    });
  } catch (e) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw e;
  } finally {
    playback.restore(saved);
  }
}
