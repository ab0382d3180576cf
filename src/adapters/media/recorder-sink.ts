// The sink where WebCodecs is missing: a WebM recorded in real time with MediaRecorder, frames handed over by the
// one video loop (video-export.ts) at the pace of the wall clock. Each frame is given to the recorder as it is drawn
// (captureStream(0) + requestFrame: a canvas captured at a fixed rate gave no data at all in headless Chromium). The
// encoder starts on the first picture and drops pictures sent before it is ready (seconds on a busy machine), so the
// first frame is offered until the recorder gives data. A frame whose time has passed is skipped. The recording is
// then copied into a new WebM with mediabunny, which writes its duration and cues (MediaRecorder's own file has
// neither: players showed no length and could not seek). A recording without pictures, or shorter than the playback,
// is an error with a message, never a broken file.
import { BlobSource, BufferTarget, Conversion, Input, Output, WEBM, WebMOutputFormat } from 'mediabunny';
import type { Lang } from '../../domain/schema';
import type { VideoTiming } from '../../domain/video-timing';
import { t } from '../../i18n/messages';
import type { FrameSink } from './frame-sink';

export function mediaRecorderAvailable(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How long the recorder may take to give its first data before the export gives up with a message. */
const ENCODER_START_MS = 20_000;

type CanvasTrack = MediaStreamTrack & { requestFrame?: () => void };

export async function recorderSink(canvas: HTMLCanvasElement, job: { lang: Lang; signal: AbortSignal }, timing: VideoTiming): Promise<FrameSink> {
  if (!mediaRecorderAvailable()) throw new Error(t(job.lang, 'exportNoVideo'));
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasTrack | undefined;
  const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: canvas.width >= 1920 ? 8_000_000 : 4_000_000 });
  const chunks: Blob[] = [];
  let receiving = false;
  recorder.ondataavailable = (e) => {
    // The first chunk is the file's header alone (a byte or so); encoded pictures follow.
    if (e.data.size > 1) receiving = true;
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const stop = async () => {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    for (const tr of stream.getTracks()) tr.stop();
  };
  /** When frame 0 was taken: frame i is due i/fps seconds later. */
  let start: number | null = null;
  const due = (i: number) => (start ?? performance.now()) + (i * 1000) / timing.fps;
  return {
    wants: (i) => i === 0 || i === timing.frames - 1 || performance.now() < due(i + 1),
    async add(i, redraw) {
      if (i === 0) {
        recorder.start(100);
        // Drawn again each time: a canvas that has not changed gives the recorder no new picture.
        for (const begun = performance.now(); !receiving && !job.signal.aborted; await delay(100)) {
          if (performance.now() - begun > ENCODER_START_MS) break;
          redraw();
          track?.requestFrame?.();
        }
        start = await nextFrame();
        return;
      }
      while (performance.now() < due(i)) await nextFrame();
      track?.requestFrame?.();
    },
    async finish() {
      // The last picture once more at the end, so the file lasts the whole hold.
      while (performance.now() < due(timing.frames)) await nextFrame();
      track?.requestFrame?.();
      await stop();
      if (!receiving) throw new Error(t(job.lang, 'exportVideoEmpty'));
      return await withDuration(new Blob(chunks, { type: 'video/webm' }), job.lang, timing.duration);
    },
    cancel: stop,
  };
}

/**
 * The recording copied, packet for packet, into a WebM that states its duration and has cues to seek by. A recording
 * shorter than the playback (pictures lost) is an error with a message, not a file.
 */
async function withDuration(recorded: Blob, lang: Lang, seconds: number): Promise<Blob> {
  if (recorded.size === 0) throw new Error(t(lang, 'exportVideoEmpty'));
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
