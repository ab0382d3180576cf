// The page's small notes and bars: the embed bar, the playback year over the map, a missing local list, a failed load.
import { useState } from 'react';
import { DatasetError, type Lang } from '../domain/schema';
import { t } from '../i18n/messages';
import { pageUrl } from '../state/url';
import './page-notices.css';
import './playback-story.css';

/** Embed mode (`?embed=1`): counts and a way to the full atlas, over a map without panels. */
export function EmbedBar({ lang, title, summary }: { lang: Lang; title: string; summary: { agreements: number; institutions: number; countries: number } }) {
  const full = new URLSearchParams(location.search);
  full.delete('embed');
  return (
    <div className="embed-bar" data-testid="embed-bar">
      <strong>{title}</strong>
      <span>{t(lang, 'summaryCounts', summary)}</span>
      <a href={pageUrl(location, `?${full.toString()}`)} target="_blank" rel="noopener">
        {t(lang, 'openFullAtlas')}
      </a>
    </div>
  );
}

/**
 * The playback year over the map, its counts, and the year's story line (the storyline's caption of its first
 * milestone, as the video's frame of that year and the PNG draw it), or none in a year without a milestone.
 */
export function PlaybackOverlay({ lang, year, total, fresh, story }: { lang: Lang; year: number; total: number; fresh: number; story: string | null }) {
  return (
    <div className="playback-overlay" aria-live="off" data-testid="playback-overlay">
      <span className="playback-year" data-testid="playback-year">
        {year}
      </span>
      <span className="playback-total">{t(lang, 'playbackDetail', { total, fresh })}</span>
      {story && (
        <span className="playback-story" data-testid="playback-story">
          {story}
        </span>
      )}
    </div>
  );
}

/** Opened by a `list=local` link in a browser that does not have that list: the built-in list is shown instead. */
export function LocalListMissing({ lang }: { lang: Lang }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="page-notice" role="status" data-testid="local-list-missing">
      <span>{t(lang, 'localListMissing')}</span>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {t(lang, 'close')}
      </button>
    </div>
  );
}

export function LoadError({ lang, error }: { lang: Lang; error: Error }) {
  return (
    <main className="splash error" role="alert" data-testid="load-error">
      <h1>{t(lang, 'datasetError')}</h1>
      <p>{error.message}</p>
      {error instanceof DatasetError && (
        <ul>
          {error.problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </main>
  );
}
