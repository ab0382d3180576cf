// One page without the WebGL map for a describe block's tests, each test taking it to its own URL (issue 25). A new
// context's first load costs the browser ~5.5 s of CPU on this machine class (load ~30), a navigation of a page that
// already has the app in its HTTP cache ~2.4 s (bench/suite-times-a.md), and the map is held as openWithoutMap holds
// it. Between tests the origin's storage (the opened list in IndexedDB, local storage) is cleared, so a test starts as
// on a new context; only the HTTP cache stays. After a failure Playwright starts a new worker, and so a new page.
import { test, type CDPSession } from '@playwright/test';
import { type AtlasPage, reusedPage } from './atlas-page';

const STORAGE = 'cookies,indexeddb,local_storage,service_workers,cache_storage';

/** Returns `at(query)`: the shared page (reusedPage) at `/?query` with the origin's storage cleared, its first view shown, its console and request logs emptied. */
export function sharedHeldPage(): (query: string) => Promise<AtlasPage> {
  const shared = reusedPage();
  let cdp: CDPSession | null = null;
  return async (query) => {
    const atlas = shared();
    const { page } = atlas;
    cdp ??= await page.context().newCDPSession(page);
    const origin = new URL(test.info().project.use.baseURL!).origin;
    // Off the app first, so that no connection of the old document holds the storage being cleared.
    await page.goto('about:blank');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: STORAGE });
    atlas.consoleErrors.length = 0;
    atlas.foreignRequests.length = 0;
    await page.goto(query ? `/?${query}` : '/');
    await atlas.waitFirstView();
    return atlas;
  };
}
