// Says a new version of the atlas is ready (the service worker has it waiting) and offers to reload into it. The
// worker is registered by vite-plugin-pwa's own hook when OfflineUpdates mounts (the CSP allows no inline
// registration script): the app mounts OfflineWhenQuiet once the atlas is ready, and it mounts OfflineUpdates only
// once nobody has used the page for a while, so the precache neither competes with the first load nor with a
// keystroke (its downloads took 120–250 ms of CPU inside the first keystroke's window: bench/typing-29.md §1).
import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';
import { useAtlas } from '../state/runtime';
import { whenQuiet } from './when-quiet';
import './update-prompt.css';

export function UpdatePrompt({ lang, onReload, onDismiss }: { lang: Lang; onReload(): void; onDismiss(): void }) {
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t(lang, 'updateReady')}</span>
      <button type="button" onClick={onReload} data-testid="update-reload">
        {t(lang, 'updateReload')}
      </button>
      <button type="button" className="link-button" onClick={onDismiss} data-testid="update-dismiss">
        {t(lang, 'updateLater')}
      </button>
    </div>
  );
}

/** Registers the offline worker (once per mount) and shows the prompt while a new version waits in it. */
export function OfflineUpdates() {
  const lang = useAtlas((s) => s.lang);
  const {
    needRefresh: [waiting, setWaiting],
    updateServiceWorker,
  } = useRegisterSW({
    // Not an error of the atlas: only offline use is lost (and test browsers block workers on purpose).
    onRegisterError: (error: unknown) => console.info('service worker not registered; the atlas will not work offline', error),
  });
  if (!waiting) return null;
  return <UpdatePrompt lang={lang} onReload={() => void updateServiceWorker()} onDismiss={() => setWaiting(false)} />;
}

/** OfflineUpdates, once the page has been quiet (no input, then idle): see when-quiet.ts. */
export function OfflineWhenQuiet() {
  const [quiet, setQuiet] = useState(false);
  useEffect(() => (quiet ? undefined : whenQuiet(() => setQuiet(true))), [quiet]);
  return quiet ? <OfflineUpdates /> : null;
}
