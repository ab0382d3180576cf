// "Copy link": the full view (filters, selection, camera, playback year, presentation step) as a URL.
import { useCallback, useRef, useState } from 'react';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { toUrlState } from '../../state/url-sync';
import { pageUrl, serialiseUrl } from '../../state/url';
import { useRuntime, type Runtime } from '../../state/runtime';
import { useDismiss } from '../use-dismiss';
import './share-menu.css';

function shareUrl({ store, map }: Runtime, localList: boolean, localListId: string | null): string {
  const search = serialiseUrl(toUrlState(store.getState(), true, { camera: map.current?.camera() ?? null, localList, localListId }));
  return pageUrl(location, search);
}

/** `localList`: the page shows a list opened in this browser; the link says so (list=local), and the menu says it opens only here. */
export function ShareMenu({ lang, localList, localListId = null }: { lang: Lang; localList: boolean; localListId?: string | null }) {
  const runtime = useRuntime();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const share = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setLink(null), []);
  useDismiss(share, () => share.current?.querySelector('.share-popover') !== null, close, trigger);
  const copy = async () => {
    const url = shareUrl(runtime, localList, localListId);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or an insecure context): the link stays selectable in the field below.
      setCopied(false);
    }
  };
  return (
    <div className="share" ref={share}>
      <button type="button" className="header-button" onClick={copy} data-testid="copy-link" ref={trigger}>
        {t(lang, 'copyLink')}
      </button>
      {link && (
        <div className="share-popover" role="status">
          <label>
            <span>{t(lang, copied ? 'linkCopied' : 'linkReady')}</span>
            <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
          </label>
          {localList && (
            <p className="share-local" data-testid="share-local">
              {t(lang, 'shareLocalList')}
            </p>
          )}
          <button type="button" className="card-close" onClick={() => setLink(null)} aria-label={t(lang, 'close')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
