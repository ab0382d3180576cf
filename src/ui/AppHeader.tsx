// The page's header: the dataset's title and subtitle, the actions the caller puts in it, and the language switch.
import type { ReactNode } from 'react';
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';
import { useAtlasActions } from '../state/runtime';
import './app-header.css';

export function AppHeader({ lang, title, subtitle, children }: { lang: Lang; title: string; subtitle: string; children: ReactNode }) {
  return (
    <header className="app-header">
      <div>
        <h1>{title}</h1>
        <p className="subtitle">{subtitle}</p>
      </div>
      <div className="header-actions">
        {children}
        <LanguageSwitch lang={lang} />
      </div>
    </header>
  );
}

function LanguageSwitch({ lang }: { lang: Lang }) {
  const { setLang } = useAtlasActions();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of two toggle buttons in the header; a fieldset's legend and border would not fit it
    <div className="lang-switch" role="group" aria-label={t(lang, 'language')}>
      {(['ja', 'en'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} data-testid={`lang-${l}`} lang={l}>
          {l === 'ja' ? '日本語' : 'English'}
        </button>
      ))}
    </div>
  );
}
