// Phones show one of three views at a time (the map, the filters, the list) behind WAI-ARIA tabs; wide screens have
// no tabs. The breakpoint is src/style/breakpoints.ts's, the one the stylesheets use.
import { memo, useMemo, useSyncExternalStore } from 'react';
import type { Lang } from '../domain/schema';
import { t } from '../i18n/messages';
import { PHONE_QUERY } from '../style/breakpoints';
import { LANDMARKS, type TabPanelAttributes } from './focus';
import './phone-tabs.css';

export const PHONE_TABS = ['map', 'filters', 'list'] as const;
export type PhoneTab = (typeof PHONE_TABS)[number];
const TAB_LABELS = { map: 'tabMap', filters: 'filters', list: 'results' } as const;
/** The element each phone tab shows. */
const TAB_PANELS = { map: LANDMARKS.map, filters: LANDMARKS.filters, list: LANDMARKS.results } as const;
const NO_TAB_PANEL = {};

/** Whether the window is laid out for a phone now. */
export const isPhoneLayout = () => matchMedia(PHONE_QUERY).matches;

const onLayoutChange = (notify: () => void) => {
  const query = matchMedia(PHONE_QUERY);
  query.addEventListener('change', notify);
  return () => query.removeEventListener('change', notify);
};
/** The build prerenders the wide layout (scripts/prerender.ts): hydration starts from it, then follows the window. */
const prerenderedLayout = () => false;

/** Whether the page is laid out for a phone (tabs), following the window's size. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(onLayoutChange, isPhoneLayout, prerenderedLayout);
}

/** The tab panels' attributes: on a phone the map, the filters and the list are the tabs' panels. */
export function useTabPanels(phone: boolean): Record<PhoneTab, TabPanelAttributes> {
  return useMemo(
    () =>
      Object.fromEntries(PHONE_TABS.map((name) => [name, phone ? { role: 'tabpanel' as const, 'aria-labelledby': `tab-${name}` } : NO_TAB_PANEL])) as Record<
        PhoneTab,
        TabPanelAttributes
      >,
    [phone],
  );
}

/** The WAI-ARIA tabs pattern's keys, with automatic activation: the next tab, or null for other keys. */
function tabForKey(key: string, current: PhoneTab): PhoneTab | null {
  const i = PHONE_TABS.indexOf(current);
  const n = PHONE_TABS.length;
  if (key === 'ArrowRight') return PHONE_TABS[(i + 1) % n]!;
  if (key === 'ArrowLeft') return PHONE_TABS[(i - 1 + n) % n]!;
  if (key === 'Home') return PHONE_TABS[0];
  if (key === 'End') return PHONE_TABS[n - 1]!;
  return null;
}

/** Memoised: its props stay through a filter change, which renders the page around it. */
export const PhoneTabs = memo(function PhoneTabs({ lang, tab, onTab }: { lang: Lang; tab: PhoneTab; onTab(tab: PhoneTab): void }) {
  const onTabKey = (e: React.KeyboardEvent<HTMLElement>) => {
    const next = tabForKey(e.key, tab);
    if (!next) return;
    e.preventDefault();
    onTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="mobile-tabs" role="tablist" aria-label={t(lang, 'views')} onKeyDown={onTabKey}>
      {PHONE_TABS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={tab === name}
          aria-controls={TAB_PANELS[name]}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onTab(name)}
          data-testid={`tab-${name}`}
        >
          {t(lang, TAB_LABELS[name])}
        </button>
      ))}
    </div>
  );
});
