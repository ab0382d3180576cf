// Keyboard and focus rules shared by the page-wide key handlers and the panels that open and close.

/** Elements where Enter or Space already mean something (activate, type, toggle): page-wide keys leave them be. */
const OWNS_ENTER_AND_SPACE =
  'button, a[href], input, select, textarea, summary, [contenteditable], [role="button"], [role="tab"], [role="checkbox"], [role="link"]';

/** True when the key is Enter or Space and the focused element would act on it itself. */
export function keyBelongsToFocus(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' && e.key !== ' ') return false;
  return e.target instanceof Element && e.target.closest(OWNS_ENTER_AND_SPACE) !== null;
}

/**
 * Moves focus to the first candidate that is still in the page and shown (an element on a hidden phone tab or
 * in a removed row is skipped). Returns whether one took it.
 */
export function focusFirstShown(...candidates: readonly (Element | null | undefined)[]): boolean {
  for (const el of candidates) {
    if (!(el instanceof HTMLElement) || !el.isConnected || el.getClientRects().length === 0) continue;
    el.focus({ preventScroll: false });
    if (document.activeElement === el) return true;
  }
  return false;
}

/** True when nothing has focus (it fell to the body when the focused element went away). */
export function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** The page's landmarks that skip links and focus fallbacks lead to (each has tabindex=-1). */
export const LANDMARKS = { results: 'results', map: 'atlas-main', timeline: 'timeline', filters: 'filters' } as const;

export const landmark = (name: keyof typeof LANDMARKS) => document.getElementById(LANDMARKS[name]);

/** On a phone, a panel is a tab's panel: these attributes say so (none on a wide screen, where there are no tabs). */
export interface TabPanelAttributes {
  role?: 'tabpanel';
  'aria-labelledby'?: string;
}
