// The video of the playback (MP4/H.264 or WebM/VP9), in one loop: frame i shows the playback i/fps seconds in. Each
// year's map model (src/domain/map-model.ts, computed by the caller from the same pure view the page draws) goes
// straight to the map through MapHandle.renderAt, off the page: no render of the page, no store change, no polling.
// The map is drawn again only when the year changes, and copied out of WebGL then, once (not read back every frame);
// every frame is one picture (picture.ts) over that copy, handed to a sink: the
// WebCodecs encoder (frame-exact, mediabunny) or, where WebCodecs is missing, MediaRecorder paced by the wall clock
// (recorder-sink.ts). Loaded on demand from the export menu: the encoder costs nothing on the page's first load.
import { BufferTarget, CanvasSource, canEncodeVideo, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat } from 'mediabunny';
import type { MapModel } from '../../domain/map-model';
import { SECONDS_PER_YEAR_AT_1X, type YearExtent } from '../../domain/playback';
import type { Lang } from '../../domain/schema';
import { VIDEO_SIZES, videoTiming, type VideoFps, type VideoSize, type VideoTiming } from '../../domain/video-timing';
import { t } from '../../i18n/messages';
import type { MapHandle } from '../../state/map-handle';
import type { FrameSink } from './frame-sink';
import { drawPicture, PICTURE, type PictureTexts, type PlaceLabel, type PlaceName, projectPlaces, type YearStrip } from './picture';

export type VideoFormat = 'mp4' | 'webm';

/** Frames are laid out on a 1280×720 grid and drawn scaled to the video's size (1.5× for 1080p). */
export const DESIGN = { width: 1280, height: 720 } as const;
/** The map's area in design pixels; at 1.5× it is exactly 1920×849 device pixels. */
export const MAP_AREA = { width: DESIGN.width, height: DESIGN.height - PICTURE.title - PICTURE.timeline - PICTURE.footer } as const;

/** H.264 High profile, level 4.0: 1080p30 and 720p60 (the baseline profile fails at 1080p here). Level 4.2 for 1080p60. */
const AVC = { 30: 'avc1.640028', 60: 'avc1.64002a' } as const;
/** A 2D canvas in memory (read by the encoder every frame), not a GPU texture. */
const IN_MEMORY: CanvasRenderingContext2DSettings = { willReadFrequently: true };
/** The CSS ring animation takes this long on the page; the video's rings follow it in playback time. */
const RING_SECONDS = 0.9;

/** What the video shows for one playback year, from the same view the page draws. */
export interface YearFrame {
  year: string;
  counts: string;
  fresh: string | null;
  /** The storyline's caption of the year's first milestone (the presentation's words), or null. */
  story: string | null;
  /** Partners new this year: [lng, lat]. */
  points: readonly (readonly [number, number])[];
  /** Places to name on the map, most important first. */
  places: readonly PlaceName[];
  /** What the map draws that year. */
  map: MapModel;
}

export interface VideoJob {
  lang: Lang;
  format: VideoFormat;
  size: VideoSize;
  fps: VideoFps;
  /** The years played (the brushed range, or every year) and the playback speed: the page's pace. */
  range: YearExtent;
  speed: number;
  texts: PictureTexts;
  strip: YearStrip;
  describe(year: number): YearFrame;
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
}

export const webCodecsAvailable = () => typeof VideoEncoder !== 'undefined';

function aborted(): DOMException {
  return new DOMException('The video export was cancelled.', 'AbortError');
}

export async function exportVideo(map: MapHandle | null, job: VideoJob): Promise<Blob> {
  if (!map) throw new Error(t(job.lang, 'exportNoMap'));
  const { width, height } = VIDEO_SIZES[job.size];
  const scale = width / DESIGN.width;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // Kept in memory, not on the GPU: the encoder then takes each frame as it is, where a GPU canvas is read back and
  // converted on the GPU first (with software GL that tripled the time per frame; scripts/video-encoder-configs.ts).
  const ctx = canvas.getContext('2d', IN_MEMORY);
  if (!ctx) throw new Error(t(job.lang, 'exportNoCanvas'));
  // The map as drawn for the year shown, copied once a year: every frame draws it from here, not from WebGL. An
  // OffscreenCanvas: a canvas element given the WebGL map became GPU-backed despite willReadFrequently (SwiftShader),
  // and every frame's drawImage of it went through the GPU process. CPU per 1080p frame, all processes: 424 → 132 ms,
  // the GPU process 374 → 44 ms (one run each under load ~30–60; scripts/video-export-time.ts measures the export).
  const mapHeight = Math.round(MAP_AREA.height * scale);
  const mapLayer =
    typeof OffscreenCanvas === 'undefined'
      ? Object.assign(document.createElement('canvas'), { width, height: mapHeight })
      : new OffscreenCanvas(width, mapHeight);
  const layer = mapLayer.getContext('2d', IN_MEMORY) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!layer) throw new Error(t(job.lang, 'exportNoCanvas'));
  const timing = videoTiming(job.range, job.speed, job.fps);
  let sink: FrameSink;
  if (webCodecsAvailable()) sink = await encoderSink(canvas, job);
  else if (job.format === 'webm') sink = await (await import('./recorder-sink')).recorderSink(canvas, job, timing);
  else throw new Error(t(job.lang, 'exportNoMp4'));
  job.onProgress(0, timing.frames);
  try {
    const blob = await map.renderAt({ ...MAP_AREA, pixelRatio: scale, picture: { width, height } }, (show) =>
      frames(map, show, { ctx, layer, scale }, sink, timing, job),
    );
    if (job.signal.aborted) throw aborted();
    return blob;
  } catch (e) {
    await sink.cancel().catch(() => undefined);
    throw e;
  }
}

/** The loop: each frame's year and progress from the timing, the map drawn for a new year, the picture, the sink. */
async function frames(
  map: MapHandle,
  show: (model: MapModel) => Promise<void>,
  { ctx, layer, scale }: { ctx: CanvasRenderingContext2D; layer: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D; scale: number },
  sink: FrameSink,
  timing: VideoTiming,
  job: VideoJob,
): Promise<Blob> {
  // Where the time goes (read by scripts/video-export-time.ts): drawing the map and copying it, the picture, waiting
  // for the encoder (it encodes while the next frames are drawn; mediabunny holds at 4 frames queued), and the file.
  const spent = { map: 0, draw: 0, encode: 0, mux: 0 };
  const started = performance.now();
  let shown = null as { year: number; frame: YearFrame; rings: { x: number; y: number }[]; places: PlaceLabel[] } | null;
  for (let i = 0; i < timing.frames; i += 1) {
    if (job.signal.aborted) throw aborted();
    if (!sink.wants(i)) continue;
    const { year, progress } = timing.yearAt(i);
    let at = performance.now();
    if (shown?.year !== year) {
      const frame = job.describe(year);
      await show(frame.map);
      await map.drawn((drawn) => layer.drawImage(drawn.canvas, 0, 0, layer.canvas.width, layer.canvas.height));
      shown = { year, frame, rings: frame.points.map(([lng, lat]) => map.project(lng, lat)), places: projectPlaces(map, frame.places) };
      spent.map += performance.now() - at;
      at = performance.now();
    }
    const { frame, rings, places } = shown;
    const ringPhase = (progress * SECONDS_PER_YEAR_AT_1X) / job.speed / RING_SECONDS;
    const position = timing.positionAt(i);
    const redraw = () =>
      drawPicture(ctx, { width: DESIGN.width, mapHeight: MAP_AREA.height, scale }, layer.canvas, job.texts, job.strip, {
        ...frame,
        rings,
        ringPhase,
        position,
        places,
      });
    redraw();
    spent.draw += performance.now() - at;
    at = performance.now();
    await sink.add(i, redraw);
    spent.encode += performance.now() - at;
    job.onProgress(i + 1, timing.frames);
  }
  if (job.signal.aborted) throw aborted();
  const finishing = performance.now();
  const blob = await sink.finish();
  spent.mux = performance.now() - finishing;
  performance.measure('atlas:video-export', { start: started, detail: { ...spent, frames: timing.frames, duration: timing.duration } });
  return blob;
}

/** Frame-exact: WebCodecs through mediabunny, each frame stamped i/fps. */
async function encoderSink(canvas: HTMLCanvasElement, job: VideoJob): Promise<FrameSink> {
  const { width, height } = VIDEO_SIZES[job.size];
  const codec = job.format === 'mp4' ? 'avc' : 'vp9';
  const fullCodecString = job.format === 'mp4' ? AVC[job.fps] : undefined;
  if (!(await canEncodeVideo(codec, { width, height, fullCodecString }))) throw new Error(t(job.lang, job.format === 'mp4' ? 'exportNoMp4' : 'exportNoVideo'));
  const output = new Output({
    format: job.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2, ...(fullCodecString ? { fullCodecString } : {}) });
  output.addVideoTrack(source, { frameRate: job.fps });
  await output.start();
  return {
    wants: () => true,
    add: (i) => source.add(i / job.fps, 1 / job.fps),
    async finish() {
      await output.finalize();
      const buffer = output.target.buffer;
      if (!buffer) throw new Error(t(job.lang, 'exportNoVideo'));
      return new Blob([buffer], { type: job.format === 'mp4' ? 'video/mp4' : 'video/webm' });
    },
    async cancel() {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    },
  };
}
