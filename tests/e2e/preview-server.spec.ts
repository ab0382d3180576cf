// What the preview server (vite preview, configured like the static hosts we document) answers.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SECURITY_HEADERS } from '../../scripts/security-headers';
import { AtlasPage } from './atlas-page';

/** The `_headers` file the build wrote, as the name → value pairs a Netlify or Cloudflare Pages host sends. */
function builtHeadersFile(): Record<string, string> {
  const text = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');
  return Object.fromEntries([...text.matchAll(/^ {2}([\w-]+): (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

test.describe('the preview server', () => {
  test('a malformed percent-encoding answers 400 with a short text and no internals', async ({ request }) => {
    const response = await request.get('/assets/%E0%A4%A.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body.length).toBeLessThan(100);
    expect(body).not.toMatch(/\/work\/|node_modules|at \w|Error/);
  });

  test('the page, its assets and the gzip copies carry the security headers of dist/_headers, and nothing violates the CSP', async ({ page, request }) => {
    const file = builtHeadersFile();
    expect(file).toEqual(SECURITY_HEADERS);
    expect(file['Content-Security-Policy']).toContain('frame-ancestors *');
    expect(file['X-Content-Type-Options']).toBe('nosniff');
    expect(file['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const responses: { url: string; headers: Record<string, string> }[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith('http://127.0.0.1:')) responses.push({ url: r.url(), headers: r.headers() });
    });
    const atlas = new AtlasPage(page);
    await atlas.open('lang=en');
    const served = responses;
    expect(
      served.some((r) => r.headers['content-type']?.startsWith('text/html')),
      'the page among them',
    ).toBe(true);
    expect(
      served.some((r) => r.headers['content-encoding'] === 'gzip'),
      'a precompressed asset among them',
    ).toBe(true);
    for (const r of served) for (const [name, value] of Object.entries(file)) expect(r.headers[name.toLowerCase()], `${name} on ${r.url}`).toBe(value);
    // A page that is not there gets them too.
    const missing = await request.get('/no-such-file.txt');
    expect(missing.headers()['x-content-type-options']).toBe('nosniff');
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    atlas.expectClean();
  });
});
