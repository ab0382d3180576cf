// Creates the page's shared things once the dataset is loaded: the store, the playback controller, the slideshow and the map slot,
// restored from the URL and (once started) kept in step with it. Only src/app calls this; views receive the runtime by context.
import type { AtlasIndex } from '../domain/atlas-index';
import { createFilterMemo } from '../domain/filters';
import type { Lang } from '../domain/schema';
import { createAtlasStore } from '../state/atlas-store';
import { MapSlot } from '../state/map-handle';
import { kioskPlayer, startKiosk } from '../state/kiosk';
import { PlaybackController } from '../state/playback-controller';
import { Slideshow } from '../state/slideshow';
import type { Runtime } from '../state/runtime';
import { parseUrl } from '../state/url';
import { restoreFromUrl, startUrlSync, type PageOptions } from '../state/url-sync';

declare global {
  interface Window {
    /** Automation hook (documented in the README): in kiosk mode, resumes playback without the minute's wait. */
    __partnerAtlasKiosk?: { resumeNow(): void };
  }
}

export interface StartedRuntime {
  runtime: Runtime;
  options: PageOptions;
  /** Starts what the runtime runs (the URL kept in step, the kiosk); returns the function that stops it. */
  start(): () => void;
}

/** The runtime a URL describes, with nothing started: what the page renders first, and what the build prerenders. */
export function buildRuntime(
  index: AtlasIndex,
  fallbackLang: Lang,
  search: string,
  localList = false,
  localListId: string | null = null,
): { runtime: Runtime; options: PageOptions } {
  // The store starts in the URL's language: hydration reads zustand's initial state (its server snapshot), and the
  // prerendered copy the page hydrates is the one in that language (`?lang=en` on a Japanese browser was a mismatch).
  const store = createAtlasStore({ lang: parseUrl(search).lang ?? fallbackLang });
  const playback = new PlaybackController(store, index.yearExtent);
  const options = { ...restoreFromUrl(search, index, fallbackLang, store, playback), localList, localListId: localList ? localListId : null };
  return { runtime: { store, playback, slideshow: new Slideshow(store), map: new MapSlot(options.autoplay), filterMemo: createFilterMemo() }, options };
}

/**
 * `localList`: the index is a list opened in this browser (the URL then says `list=local:<localListId>`). The runtime
 * is built at once; `start()` (from an effect) keeps the URL in step and runs the kiosk, and returns the stop.
 */
export function startRuntime(index: AtlasIndex, fallbackLang: Lang, search: string, localList = false, localListId: string | null = null): StartedRuntime {
  const { runtime, options } = buildRuntime(index, fallbackLang, search, localList, localListId);
  const { store, playback, slideshow } = runtime;
  return {
    runtime,
    options,
    start() {
      const stopUrlSync = startUrlSync(store, fallbackLang, options);
      // With `present`, the kiosk advances the slides; else it plays the years.
      const kiosk = options.autoplay ? startKiosk(kioskPlayer(store, playback, slideshow), document) : null;
      if (kiosk) window.__partnerAtlasKiosk = kiosk;
      return () => {
        stopUrlSync();
        kiosk?.stop();
        delete window.__partnerAtlasKiosk;
        playback.dispose();
        slideshow.dispose();
      };
    },
  };
}
