// WebM of the playback for slides: the map canvas composited with the title, year and total, via MediaRecorder.
import type { Lang, RegionId } from '../../domain/schema';
import { activeMap } from '../maplibre/map-registry';
import { useAtlasStore } from '../../state/atlas-store';
import { compose, mapComposition } from './compose';

const FPS = 30;

export function videoSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

/**
 * Plays the network's growth from the first year to the last (current filters, speed and mode; no loop) and
 * records it. `describe` gives the overlay text for a year, read from the app at each frame.
 */
export async function recordPlayback(options: {
  lang: Lang;
  regionNames: Record<RegionId, string>;
  extent: [number, number];
  describe: () => { year: string; detail: string } | null;
}): Promise<Blob> {
  const controller = activeMap();
  if (!controller || !videoSupported()) throw new Error('Video export needs WebGL and MediaRecorder.');
  const map = controller.map;
  const canvas = document.createElement('canvas');
  const draw = () =>
    compose(canvas, {
      ...mapComposition(options.lang, options.regionNames, map),
      timeline: null,
      timelineHeight: 0,
      scale: 1,
      overlay: options.describe(),
    });
  const store = useAtlasStore.getState();
  const loop = store.playbackSettings.loop;
  store.setPlaybackSettings({ loop: false });
  store.setPlayback(options.extent[0], false);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  draw();
  const stream = canvas.captureStream(FPS);
  const mimeType = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  recorder.start(250);
  useAtlasStore.getState().setPlayback(options.extent[0], true);
  await new Promise<void>((resolve) => {
    const frame = () => {
      draw();
      if (useAtlasStore.getState().playing) requestAnimationFrame(frame);
      else setTimeout(resolve, 600); // hold the final year briefly
    };
    requestAnimationFrame(frame);
  });
  draw();
  recorder.stop();
  await stopped;
  stream.getTracks().forEach((track) => track.stop());
  useAtlasStore.getState().setPlaybackSettings({ loop });
  return new Blob(chunks, { type: 'video/webm' });
}
