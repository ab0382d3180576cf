// Says a new version of the atlas is ready (the service worker has it waiting) and offers to reload into it.
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';

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
