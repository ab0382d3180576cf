// Exports of the current view: CSV of the filtered agreements, PNG at 1× and 2×, and the playback as a video
// (MP4 or WebM, frame-exact; the encoder is loaded only when a video is asked for).
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { AtlasIndex, Link } from '../../domain/atlas-index';
import { agreementsToCsv, csvFileName } from '../../domain/export-csv';
import type { Lang, RegionId } from '../../domain/schema';
import { datasetTexts } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import { download } from '../../adapters/media/download';
import { exportBaseName, videoFileName } from '../../domain/export-name';
import { exportPng } from '../../adapters/media/png';
import type { VideoFormat } from '../../adapters/media/video-export';
import { HOLD_LAST_YEAR_S, VIDEO_FPS, VIDEO_SIZES, type VideoFps, type VideoSize } from '../../domain/video-timing';
import { playbackRange } from '../../domain/playback';
import { selectFilters } from '../../state/atlas-store';
import { useRuntime } from '../../state/runtime';
import { useDismiss } from '../use-dismiss';
import { stillPicture, videoFrames } from './video-frames';
import './export-menu.css';

// Checked here, not by importing the encoders: they load only when a video is asked for.
const videoAvailable = () =>
  typeof VideoEncoder !== 'undefined' || (typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function');
/** MP4 needs WebCodecs; the MediaRecorder fallback writes WebM only. */
const mp4Available = () => typeof VideoEncoder !== 'undefined';
// The build prerenders the menu without video (it knows no browser): hydration starts from that, then shows it.
const noChange = () => () => undefined;
const notAtBuild = () => false;

interface Props {
  lang: Lang;
  /** False without WebGL: pictures and video come from the map, so their buttons are off, with the reason. */
  mapAvailable: boolean;
  index: AtlasIndex;
  /**
   * The current view's links, asked for (and built) only when a CSV is: a getter, so that a filter change does not
   * render the header (issue 29).
   */
  links(): Link[];
  regionNames: Record<RegionId, string>;
}

export function ExportMenu({ lang, mapAvailable, index, links, regionNames }: Props) {
  const runtime = useRuntime();
  const video = useSyncExternalStore(noChange, videoAvailable, notAtBuild);
  const [busy, setBusy] = useState<string | null>(null);
  const [videoSize, setVideoSize] = useState<VideoSize>('1080p');
  const [fps, setFps] = useState<VideoFps>(30);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The menu closes on a press outside, on Escape, and once a file is downloaded; an error keeps it open to be read.
  // The <details> element owns its open state: a click on its summary toggles it, close() shuts it.
  const menu = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (menu.current) menu.current.open = false;
  }, []);
  // While a video is being made the menu stays as it is: its progress and Cancel are outside it.
  useDismiss(menu, () => menu.current?.open === true && cancel.current === null, close);
  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await job();
      close();
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      setProgress(null);
      cancel.current = null;
    }
  };
  const exportVideo = (format: VideoFormat) =>
    run('video', async () => {
      const controller = new AbortController();
      cancel.current = controller;
      setProgress({ done: 0, total: 0 });
      const state = runtime.store.getState();
      const filters = selectFilters(state);
      const extras = { flows: state.flows, selected: state.selected };
      const frames = videoFrames(lang, index, filters, state.playbackSettings, texts, regionNames, extras);
      // The encoder (mediabunny) is fetched here, on the first video export, never with the page.
      const { exportVideo } = await import('../../adapters/media/video-export');
      const blob = await exportVideo(runtime.map.current, {
        lang,
        format,
        size: videoSize,
        fps,
        range: playbackRange(filters.yearRange, index.yearExtent),
        speed: state.playbackSettings.speed,
        ...frames,
        signal: controller.signal,
        // The count moves once a year of the video, not every frame: the page stays still while the map works.
        onProgress: (done, total) => (done === total || done % fps === 0) && setProgress({ done, total }),
      });
      download(blob, videoFileName(base, videoSize, fps, format));
    });
  const base = exportBaseName(index.dataset, lang, new Date());
  const texts = datasetTexts(lang, index.dataset);
  return (
    <>
      <details className="export-menu" ref={menu}>
        <summary className="header-button" data-testid="export-menu">
          {t(lang, 'exportMenu')}
        </summary>
        <div className="export-items">
          <button
            type="button"
            data-testid="export-csv"
            onClick={() =>
              run('csv', async () =>
                download(new Blob([agreementsToCsv(index, links(), lang)], { type: 'text/csv;charset=utf-8' }), csvFileName(index.dataset, lang, new Date())),
              )
            }
          >
            {t(lang, 'exportCsv')}
          </button>
          {([1, 2] as const).map((scale) => (
            <button
              key={scale}
              type="button"
              disabled={busy !== null || !mapAvailable}
              aria-describedby={mapAvailable ? undefined : 'export-needs-map'}
              data-testid={`export-png-${scale}x`}
              onClick={() =>
                run('png', async () => {
                  const state = runtime.store.getState();
                  const still = stillPicture(lang, index, selectFilters(state), state.playYear, state.playbackSettings, texts, regionNames);
                  download(await exportPng(runtime.map.current, { lang, scale, ...still }), `${base}@${scale}x.png`);
                })
              }
            >
              {t(lang, 'exportPngScaled', { scale })}
            </button>
          ))}
          {video && (
            <fieldset className="video-settings" disabled={busy !== null}>
              <legend>{t(lang, 'videoSettings')}</legend>
              <label>
                {t(lang, 'videoSize')}{' '}
                <select value={videoSize} onChange={(e) => setVideoSize(e.target.value as VideoSize)} data-testid="export-video-size">
                  {(Object.keys(VIDEO_SIZES) as VideoSize[]).map((size) => (
                    <option key={size} value={size}>
                      {t(lang, 'videoSizeValue', { width: String(VIDEO_SIZES[size].width), height: String(VIDEO_SIZES[size].height) })}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {t(lang, 'videoFps')}{' '}
                <select value={fps} onChange={(e) => setFps(Number(e.target.value) as VideoFps)} data-testid="export-video-fps">
                  {VIDEO_FPS.map((value) => (
                    <option key={value} value={value}>
                      {t(lang, 'videoFpsValue', { fps: value })}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted video-hold" data-testid="export-video-hold">
                {t(lang, 'videoHoldLastYear', { seconds: HOLD_LAST_YEAR_S })}
              </p>
            </fieldset>
          )}
          {video &&
            (['mp4', 'webm'] as const).map((format) => (
              <button
                key={format}
                type="button"
                disabled={busy !== null || !mapAvailable || (format === 'mp4' && !mp4Available())}
                aria-describedby={mapAvailable ? undefined : 'export-needs-map'}
                data-testid={`export-video-${format}`}
                onClick={() => exportVideo(format)}
              >
                {t(lang, format === 'mp4' ? 'exportVideoMp4' : 'exportVideoWebm')}
              </button>
            ))}
          {!mapAvailable && (
            <p className="muted" id="export-needs-map" data-testid="export-needs-map">
              {t(lang, 'exportNeedsMap')}
            </p>
          )}
          {error && (
            <p className="panel-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </details>
      {progress && (
        <div className="export-progress" role="status" data-testid="export-progress">
          <p>{t(lang, 'videoProgress', { n: progress.done, total: progress.total })}</p>
          <progress max={Math.max(1, progress.total)} value={progress.done} />
          <button type="button" className="header-button" onClick={() => cancel.current?.abort()} data-testid="export-cancel">
            {t(lang, 'cancel')}
          </button>
        </div>
      )}
    </>
  );
}
