// Registers the offline service worker (vite-plugin-pwa, Workbox) from the app's own bundle: the CSP allows no
// inline script. In `npm run dev` the plugin's virtual module is a no-op, so the dev server has no worker.
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the worker now (call it once the atlas is ready, so its precache downloads do not compete with the
 * first load). `onNeedRefresh` runs when a new version is installed and waiting; the returned function activates
 * it and reloads the page.
 */
export function registerServiceWorker(onNeedRefresh: () => void): () => Promise<void> {
  // No service workers here (an old browser, a private mode that forbids them, a test browser that blocks them):
  // the atlas works as before, only not offline.
  if (!('serviceWorker' in navigator)) return async () => {};
  return registerSW({
    immediate: true,
    onNeedRefresh,
    // Not an error of the atlas: only offline use is lost (and test browsers block workers on purpose).
    onRegisterError: (error: unknown) => console.info('service worker not registered; the atlas will not work offline', error),
  });
}
