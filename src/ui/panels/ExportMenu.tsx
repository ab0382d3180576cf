// Exports of the current view: CSV of the filtered agreements, PNG at 1× and 2×, WebM of the playback.
import { useCallback, useRef, useState } from 'react';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { AtlasView } from '../../domain/view';
import { agreementsToCsv, csvFileName } from '../../domain/export-csv';
import type { Lang, RegionId } from '../../domain/schema';
import { datasetTexts } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import { download } from '../../adapters/media/download';
import { exportBaseName } from '../../domain/export-name';
import { exportPng } from '../../adapters/media/png';
import { recordPlayback, videoSupported } from '../../adapters/media/video';
import { useRuntime } from '../../state/runtime';
import { useDismiss } from '../use-dismiss';

interface Props {
  lang: Lang;
  /** False without WebGL: pictures and video come from the map, so their buttons are off, with the reason. */
  mapAvailable: boolean;
  index: AtlasIndex;
  /** The current view; its link list is only built when a CSV is asked for. */
  view: Pick<AtlasView, 'links'>;
  regionNames: Record<RegionId, string>;
  overlay: { year: string; detail: string } | null;
  /** The playback overlay text for the current store state, read at each recorded frame. */
  describeFrame: () => { year: string; detail: string } | null;
}

export function ExportMenu({ lang, mapAvailable, index, view, regionNames, overlay, describeFrame }: Props) {
  const runtime = useRuntime();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The menu closes on a press outside, on Escape, and once a file is downloaded; an error keeps it open to be read.
  // The <details> element owns its open state: a click on its summary toggles it, close() shuts it.
  const menu = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (menu.current) menu.current.open = false;
  }, []);
  useDismiss(menu, () => menu.current?.open === true, close);
  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await job();
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const base = exportBaseName(index.dataset, lang, new Date());
  const texts = datasetTexts(lang, index.dataset);
  return (
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
              download(new Blob([agreementsToCsv(index, view.links, lang)], { type: 'text/csv;charset=utf-8' }), csvFileName(index.dataset, lang, new Date())),
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
              run('png', async () => download(await exportPng(runtime.map.current, { lang, texts, scale, regionNames, overlay }), `${base}@${scale}x.png`))
            }
          >
            {t(lang, 'exportPngScaled', { scale })}
          </button>
        ))}
        {videoSupported() && (
          <button
            type="button"
            disabled={busy !== null || !mapAvailable}
            aria-describedby={mapAvailable ? undefined : 'export-needs-map'}
            data-testid="export-video"
            onClick={() =>
              run('video', async () =>
                download(
                  await recordPlayback(
                    { map: runtime.map.current, playback: runtime.playback, store: runtime.store },
                    { lang, texts, regionNames, describe: describeFrame },
                  ),
                  `${base}-growth.webm`,
                ),
              )
            }
          >
            {busy === 'video' ? t(lang, 'recording') : t(lang, 'exportVideo')}
          </button>
        )}
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
  );
}
