// The current list's id, also in localStorage: the page's head script reads it before the body is parsed
// (scripts/prerender.ts) to hide the built-in list's prerendered numbers until the stored list's are drawn; IndexedDB
// cannot be read that early. imported-list.ts keeps it in step wherever it writes the current list. No imports: the
// build's config loads this file.
export const CURRENT_LIST_HINT = 'partner-atlas:current-list';
