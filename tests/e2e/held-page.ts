// One page without the WebGL map for a describe block's tests, each test taking it to its own URL (issue 25). A new
// context's first load costs the browser ~5.5 s of CPU on this machine class (load ~30), a navigation of a page that
// already has the app in its HTTP cache ~2.4 s (bench/suite-times-a.md), and the map is held as openWithoutMap holds
// it. Between tests the origin's storage (the opened list in IndexedDB, local storage) is cleared, so a test starts as
// on a new context; only the HTTP cache stays. After a failure Playwright starts a new worker, and so a new page.
import { test, type CDPSession, type Page } from '@playwright/test';
import { type AtlasPage, pauseClock, reusedPage } from './atlas-page';

const STORAGE = 'cookies,indexeddb,local_storage,service_workers,cache_storage';

/**
 * Returns `at(query)`: the shared page (reusedPage) at `/?query` with the origin's storage cleared, its first view
 * shown, its console and request logs emptied. `clock`: with Playwright's fake clock, for tests that run time
 * themselves (openWithClock's checks without a new context each: issue 25). It is installed once, before the first
 * page; each `at(query)` lets it follow real time again (a new document replays the clock's calls, the resume last),
 * and pauses it once the first view is shown (pauseClock): from there time moves only when the test runs it.
 */
export function sharedHeldPage({ clock = false }: { clock?: boolean } = {}): (query: string) => Promise<AtlasPage> {
  const shared = reusedPage();
  let cdp: CDPSession | null = null;
  return async (query) => {
    const atlas = shared();
    const { page } = atlas;
    if (clock && cdp === null) await page.clock.install();
    else if (clock) await page.clock.resume();
    cdp ??= await page.context().newCDPSession(page);
    const origin = new URL(test.info().project.use.baseURL!).origin;
    // Off the app first, so that no connection of the old document holds the storage being cleared.
    await page.goto('about:blank');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: STORAGE });
    atlas.consoleErrors.length = 0;
    atlas.foreignRequests.length = 0;
    await page.goto(query ? `/?${query}` : '/');
    await atlas.waitFirstView();
    if (clock) await pausedClock(page);
    return atlas;
  };
}

/**
 * pauseClock, then checked: the page's time stands still over 200 ms of real time. Once in a full run (2 workers, load
 * ~25) a shared page's first test found its clock still running after the pause (Playwright evaluates the pause in the
 * frames it can reach without waiting, and skips one it cannot); the pause is then made again.
 */
async function pausedClock(page: Page) {
  for (let attempt = 1; ; attempt += 1) {
    await pauseClock(page);
    const paused = await page.evaluate(() => Date.now());
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await page.evaluate(() => Date.now())) === paused) return;
    if (attempt >= 3) throw new Error('the page clock does not stay paused');
  }
}
