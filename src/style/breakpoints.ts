// The one width below which the page is laid out for a phone (tabs, one view at a time). The stylesheets' media
// queries use the same number (tests/style/breakpoints.test.ts checks every `@media` width against it).

/** The widest viewport, in CSS pixels, laid out for a phone. */
export const PHONE_MAX_WIDTH = 760;

/** The media query of the phone layout. */
export const PHONE_QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`;
