// The security headers, one source for all: the CSP meta tag of the built page, the `_headers` file the build
// writes for Netlify and Cloudflare Pages, and `vite preview`. README's "Deploying" shows nginx and Apache.
import type { Plugin } from 'vite';
import { OPENING_SCRIPT_HASH } from './prerender.ts';

/**
 * Content-Security-Policy for the production build (the dev server injects an inline React Refresh preamble).
 * One inline script is allowed, by its hash (scripts/prerender.ts).
 * Everything comes from the page's own origin; MapLibre's worker is a same-origin module file.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  // The one inline script, by its hash: the head's, which shows the prerendered view in the page's language.
  `script-src 'self' ${OPENING_SCRIPT_HASH}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The meta tag's policy. A meta CSP ignores frame-ancestors, so that directive lives only in the header. */
export const CSP = CSP_DIRECTIVES.join('; ');

/**
 * The response headers. Any site may frame the atlas: `?embed=1` exists to be put in an iframe (list your own
 * origins in frame-ancestors instead of * to restrict that).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [...CSP_DIRECTIVES, 'frame-ancestors *'].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The `_headers` file (Netlify, Cloudflare Pages): every path gets the headers. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by the build from scripts/security-headers.ts: edit that file, not this one.\n/*\n${lines.join('\n')}\n`;
}

/**
 * The meta CSP in the built page, `_headers` beside it, and the same headers on every `vite preview` response
 * (its own `preview.headers` reach only the files its static middleware serves, not the gzip copies).
 */
export function securityHeaders(): Plugin {
  return {
    name: 'partner-atlas-security-headers',
    // Not in the dev server: its page has an inline React Refresh preamble. `vite preview` counts as serve.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
  };
}
