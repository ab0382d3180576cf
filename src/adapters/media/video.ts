// WebM of the playback for slides: the map canvas composited with the title, year and total, via MediaRecorder.
// Playback is driven through the playback controller, its one owner; this file only watches and records.
import type { Lang, RegionId } from '../../domain/schema';
import type { DatasetTexts } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import type { AtlasStoreApi } from '../../state/atlas-store';
import type { MapHandle } from '../../state/map-handle';
import type { PlaybackController } from '../../state/playback-controller';
import { compose, mapComposition } from './compose';

const FPS = 30;
/** The final year stays on screen this long before the recording stops. */
const HOLD_LAST_FRAME_MS = 600;

export function videoSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const nextFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * Plays the network's growth over the playback range (current filters, speed and mode; no loop) and records it.
 * `describe` gives the overlay text for the current year, read at each frame. Settings are restored afterwards.
 */
export async function recordPlayback(
  runtime: { map: MapHandle | null; playback: PlaybackController; store: AtlasStoreApi },
  options: { lang: Lang; texts: DatasetTexts; regionNames: Record<RegionId, string>; describe: () => { year: string; detail: string } | null },
): Promise<Blob> {
  const { map, playback, store } = runtime;
  if (!map || !videoSupported()) throw new Error(t(options.lang, 'exportNoVideo'));
  const canvas = document.createElement('canvas');
  const draw = () =>
    compose(canvas, { ...mapComposition(options.lang, options.texts, options.regionNames, map.frame()), timeline: null, timelineHeight: 0, scale: 1, overlay: options.describe() });
  const loop = store.getState().playbackSettings.loop;
  let stream: MediaStream | null = null;
  try {
    playback.setLoop(false);
    playback.jump('start');
    await nextFrames();
    draw();
    stream = canvas.captureStream(FPS);
    const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
    const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
    recorder.start(250);
    playback.play();
    await new Promise<void>((resolve) => {
      const frame = () => {
        draw();
        if (store.getState().playing) requestAnimationFrame(frame);
        else setTimeout(resolve, HOLD_LAST_FRAME_MS);
      };
      requestAnimationFrame(frame);
    });
    draw();
    recorder.stop();
    await stopped;
    return new Blob(chunks, { type: 'video/webm' });
  } finally {
    stream?.getTracks().forEach((track) => track.stop());
    playback.setLoop(loop);
  }
}
