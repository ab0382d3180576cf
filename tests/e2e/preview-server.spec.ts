// What the preview server (vite preview, configured like the static hosts we document) answers.
import { expect, test } from '@playwright/test';

test.describe('the preview server', () => {
  test('a malformed percent-encoding answers 400 with a short text and no internals', async ({ request }) => {
    const response = await request.get('/assets/%E0%A4%A.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body.length).toBeLessThan(100);
    expect(body).not.toMatch(/\/work\/|node_modules|at \w|Error/);
  });
});
