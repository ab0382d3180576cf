// The fallback where WebCodecs is missing: a 720p WebM recorded in real time with MediaRecorder from the same
// frames as the frame-exact export (video-export.ts), playback stepped by the wall clock through the controller.
import { SECONDS_PER_YEAR_AT_1X } from '../../domain/playback';
import type { Lang } from '../../domain/schema';
import { videoTiming } from '../../domain/video-timing';
import { t } from '../../i18n/messages';
import { drawVideoFrame, DESIGN, MAP_AREA, type FrameTexts, type TimelineStrip, type VideoRuntime, type YearFrame } from './video-frame';

export function mediaRecorderAvailable(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export async function recordPlayback(
  runtime: VideoRuntime,
  options: { lang: Lang; texts: FrameTexts; strip: TimelineStrip; describe: (year: number) => YearFrame; signal: AbortSignal },
): Promise<Blob> {
  const { map, playback, store } = runtime;
  if (!map || !mediaRecorderAvailable()) throw new Error(t(options.lang, 'exportNoVideo'));
  const canvas = document.createElement('canvas');
  canvas.width = DESIGN.width;
  canvas.height = DESIGN.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t(options.lang, 'exportNoCanvas'));
  const speed = store.getState().playbackSettings.speed;
  const timing = videoTiming(playback.range(), speed, 30);
  const saved = playback.position();
  let stream: MediaStream | null = null;
  try {
    return await map.renderAt({ ...MAP_AREA, pixelRatio: 1 }, async () => {
      stream = canvas.captureStream(30);
      const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
      const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
      recorder.start(250);
      const start = await nextFrame();
      for (let now = start; now - start < timing.duration * 1000 && !options.signal.aborted; now = await nextFrame()) {
        const position = timing.positionAt(((now - start) / 1000) * timing.fps);
        const { year, progress } = playback.seek(position);
        const frame = options.describe(year);
        const rings = frame.points.map(([lng, lat]) => map.project(lng, lat));
        const ringPhase = (progress * SECONDS_PER_YEAR_AT_1X) / speed / 0.9;
        drawVideoFrame(ctx, 1, map.frame().canvas, options.texts, options.strip, { ...frame, rings, ringPhase, position });
      }
      recorder.stop();
      await stopped;
      if (options.signal.aborted) throw new DOMException('The video export was cancelled.', 'AbortError');
      return new Blob(chunks, { type: 'video/webm' });
    });
  } finally {
    for (const track of (stream as MediaStream | null)?.getTracks() ?? []) track.stop();
    playback.restore(saved);
  }
}
