// The fallback where WebCodecs is missing: a WebM recorded in real time with MediaRecorder, at the chosen size and
// frame rate, from the same frames as the frame-exact export (video-export.ts), playback stepped by the wall clock
// through the controller. Each frame is handed to the recorder as it is drawn (captureStream(0) + requestFrame: a
// canvas captured at a fixed rate gave no data at all in headless Chromium). The video opens on the first frame for
// as long as the recorder's encoder takes to start (a fraction of a second in a browser; seconds on a busy machine):
// pictures sent before it is ready are lost. The recording is then copied into a new WebM with mediabunny, which
// writes its duration and cues (MediaRecorder's own file has neither: players showed no length and could not seek).
// A recording without pictures, or shorter than the playback, is an error with a message, never a broken file.
import { BlobSource, BufferTarget, Conversion, Input, Output, WEBM, WebMOutputFormat } from 'mediabunny';
import { SECONDS_PER_YEAR_AT_1X } from '../../domain/playback';
import type { Lang } from '../../domain/schema';
import { VIDEO_SIZES, videoTiming, type VideoFps, type VideoSize } from '../../domain/video-timing';
import { t } from '../../i18n/messages';
import { drawVideoFrame, DESIGN, MAP_AREA, type FrameTexts, type TimelineStrip, type VideoRuntime, type YearFrame } from './video-frame';

export function mediaRecorderAvailable(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How long the recorder may take to give its first data before the export gives up with a message. */
const ENCODER_START_MS = 20_000;

/** The CSS ring animation takes this long on the page; the video's rings follow it in playback time. */
const RING_SECONDS = 0.9;

type CanvasTrack = MediaStreamTrack & { requestFrame?: () => void };

export async function recordPlayback(
  runtime: VideoRuntime,
  options: {
    lang: Lang;
    size: VideoSize;
    fps: VideoFps;
    texts: FrameTexts;
    strip: TimelineStrip;
    describe: (year: number) => YearFrame;
    signal: AbortSignal;
    onProgress(done: number, total: number): void;
  },
): Promise<Blob> {
  const { map, playback, store } = runtime;
  if (!map || !mediaRecorderAvailable()) throw new Error(t(options.lang, 'exportNoVideo'));
  const { width, height } = VIDEO_SIZES[options.size];
  const scale = width / DESIGN.width;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t(options.lang, 'exportNoCanvas'));
  const speed = store.getState().playbackSettings.speed;
  const timing = videoTiming(playback.range(), speed, options.fps);
  const saved = playback.position();
  let stream: MediaStream | null = null;
  options.onProgress(0, timing.frames);
  try {
    const recorded = await map.renderAt({ ...MAP_AREA, pixelRatio: scale }, async () => {
      stream = canvas.captureStream(0);
      const track = stream.getVideoTracks()[0] as CanvasTrack | undefined;
      const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
      const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: width >= 1920 ? 8_000_000 : 4_000_000 });
      const chunks: Blob[] = [];
      let receiving = false;
      recorder.ondataavailable = (e) => {
        // The first chunk is the file's header alone (a byte or so); encoded pictures follow.
        if (e.data.size > 1) receiving = true;
        if (e.data.size > 0) chunks.push(e.data);
      };
      const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
      const draw = (frameNo: number) => {
        const position = timing.positionAt(frameNo);
        const { year, progress } = playback.seek(position);
        const frame = options.describe(year);
        const rings = frame.points.map(([lng, lat]) => map.project(lng, lat));
        const ringPhase = (progress * SECONDS_PER_YEAR_AT_1X) / speed / RING_SECONDS;
        drawVideoFrame(ctx, scale, map.frame().canvas, options.texts, options.strip, { ...frame, rings, ringPhase, position });
        track?.requestFrame?.();
      };
      recorder.start(100);
      // The encoder starts on the first picture, and pictures sent before it is ready are dropped (Chromium took
      // seconds on a busy machine): the first frame is offered until the recorder gives data, then playback starts.
      // (Drawn again each time: a canvas that has not changed gives the recorder no new picture.)
      for (const begun = performance.now(); !receiving && !options.signal.aborted; await delay(100)) {
        if (performance.now() - begun > ENCODER_START_MS) break;
        draw(0);
      }
      if (receiving) {
        const start = await nextFrame();
        let drawn = 0;
        for (let now = start; now - start < timing.duration * 1000 && !options.signal.aborted; now = await nextFrame()) {
          // One video frame per 1/fps s of wall clock; the display's refresh may be faster.
          const frameNo = Math.min(timing.frames - 1, Math.floor(((now - start) / 1000) * timing.fps));
          if (frameNo === drawn) continue;
          drawn = frameNo;
          draw(frameNo);
          options.onProgress(frameNo + 1, timing.frames);
        }
        // The last picture once more at the end, so the file lasts the whole hold.
        draw(timing.frames - 1);
      }
      recorder.stop();
      await stopped;
      if (options.signal.aborted) throw new DOMException('The video export was cancelled.', 'AbortError');
      if (!receiving) return new Blob([]);
      return new Blob(chunks, { type: 'video/webm' });
    });
    if (recorded.size === 0) throw new Error(t(options.lang, 'exportVideoEmpty'));
    return await withDuration(recorded, options.lang, timing.duration);
  } finally {
    for (const track of (stream as MediaStream | null)?.getTracks() ?? []) track.stop();
    playback.restore(saved);
  }
}

/**
 * The recording copied, packet for packet, into a WebM that states its duration and has cues to seek by. A recording
 * shorter than the playback (pictures lost) is an error with a message, not a file.
 */
async function withDuration(recorded: Blob, lang: Lang, seconds: number): Promise<Blob> {
  const input = new Input({ source: new BlobSource(recorded), formats: [WEBM] });
  if ((await input.computeDuration()) < seconds * 0.9) throw new Error(t(lang, 'exportVideoEmpty'));
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const conversion = await Conversion.init({ input, output, video: { forceTranscode: false }, audio: { discard: true } });
  if (!conversion.isValid) throw new Error(t(lang, 'exportVideoEmpty'));
  await conversion.execute();
  const buffer = output.target.buffer;
  if (!buffer || buffer.byteLength === 0) throw new Error(t(lang, 'exportVideoEmpty'));
  return new Blob([buffer], { type: 'video/webm' });
}
