// A filtered URL's counts before the app's code (issue 29). The build bundles this module on its own
// (scripts/prerender.ts, earlyCountsScript) from the app's own functions: the URL read and the runtime built as the page
// builds it (buildRuntime: parseUrl, sanitise, the store), the view at the playback year (viewAtYear: the filters and
// the one-pass view), the numbers formatted by src/i18n/intl. The head's script loads it only on a URL that is not a
// plain visit (the plain visit's counts are in the HTML). It reads the dataset the page preloads, and hands the parsed
// JSON to the app (window.__partnerAtlasEarlyDataset, read by load-atlas.ts), so the dataset is fetched once.
// No schema check here (zod was ~94 of this script's 131 KB, and the slow link's counts waited for it): the build
// validated the dataset file it serves and wrote its SHA-256 beside its address (scripts/prerender.ts, only when
// validateDataset accepts the file as it is). This script counts only bytes with that digest, so what it counts is
// what the app's own full validation (load-atlas.ts, unchanged) returns. Other bytes, or no WebCrypto (a page not
// served over https or from localhost), and the counts wait for the app.
// It writes the three counts into the prerendered frame and marks the page `data-early-counts`: prerender.css then
// shows them, while the rest of the sidebar and the timeline (the list, the facets' numbers, the bars) stay hidden
// until the app has drawn them. Anything it does not handle (a stored list, a comparison, presentation, embed, a
// many-homes list, an error) leaves the frame as it was: no numbers until the app's own.
import { buildIndex } from '../domain/atlas-index';
import { upgradeDataset } from '../domain/dataset-version';
import type { Dataset, Lang } from '../domain/schema';
import { viewAtYear } from '../domain/view';
import { formatNumber } from '../i18n/intl';
import { selectFilters } from '../state/atlas-store';
import { buildRuntime } from './start-runtime';

declare global {
  interface Window {
    /** The dataset's JSON as the early counts script fetched it (src/app/early-counts.ts), for load-atlas.ts. */
    __partnerAtlasEarlyDataset?: EarlyDataset;
  }
}

export interface EarlyDataset {
  url: string;
  json: Promise<unknown>;
  /** Set by load-atlas.ts when the app uses this JSON: its render then comes after this script's write. */
  taken?: boolean;
}

/** Parameters whose page the prerendered frame does not show (another layout, another list, two homes). */
const NOT_HANDLED = ['list', 'compare', 'present', 'embed', 'autoplay'];

function earlyCounts(): void {
  const html = document.documentElement;
  // The head's script loads this only for a URL that is not a plain visit, with no stored list (whose counts come from
  // IndexedDB); it marks the page so.
  if (html.getAttribute('data-prerender') !== 'other') return;
  const query = new URLSearchParams(location.search);
  if (NOT_HANDLED.some((key) => query.has(key))) return;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="atlas-dataset"]');
  const url = meta?.content;
  if (!url) return;
  // The same request as the preload (same URL, same credentials mode): it is answered by the preloaded response.
  // Not shown: on an error the app fetches again and reports its own.
  const bytes = fetch(url).then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error('dataset not loaded'))));
  // As response.json() reads it: UTF-8, a byte order mark dropped.
  const json = bytes.then((buffer) => JSON.parse(new TextDecoder().decode(buffer)) as unknown);
  const early: EarlyDataset = { url, json };
  window.__partnerAtlasEarlyDataset = early;
  const built = meta.getAttribute('data-sha256');
  const checked = bytes.then(async (buffer) => built !== null && (await sha256(buffer)) === built);
  Promise.all([json, checked]).then(
    ([raw, same]) => {
      if (!same) {
        // Not the bytes the build checked (or no WebCrypto): the counts wait for the app's validated data.
        performance.mark('atlas:early-counts-declined');
        return;
      }
      // validateDataset's result for these bytes (the build checked that it is the upgraded JSON itself).
      const dataset = upgradeDataset(raw) as Dataset;
      if (dataset.homes.length > 1) return;
      const index = buildIndex(dataset);
      const { runtime } = buildRuntime(index, html.lang === 'ja' ? 'ja' : 'en', location.search);
      const state = runtime.store.getState();
      // The summary the page shows (AtlasPage: useAtlasView's view at the playback year).
      const { summary } = viewAtYear(index, selectFilters(state), state.playYear, state.playbackSettings).view;
      runtime.playback.dispose();
      runtime.slideshow.dispose();
      const write = () => {
        // Only into the prerendered frame: not once the app has rendered on its own (with JSON it fetched itself).
        if (!html.hasAttribute('data-prerender') || !(early.taken || document.querySelector('[data-prerendered]'))) return;
        const lang: Lang = html.lang === 'ja' ? 'ja' : 'en';
        const counts = { 'count-agreements': summary.agreements, 'count-institutions': summary.institutions, 'count-countries': summary.countries };
        for (const [id, n] of Object.entries(counts))
          for (const el of document.querySelectorAll(`[data-testid="${id}"]`)) {
            // Each prerendered copy in its own language (main.tsx keeps the page's one, without the attribute).
            const copy = el.closest('[data-prerendered]')?.getAttribute('data-prerendered');
            el.textContent = formatNumber(copy === 'ja' || copy === 'en' ? copy : lang, n);
          }
        html.setAttribute('data-early-counts', '');
        performance.mark('atlas:early-counts');
      };
      // Not before the parser has read the whole body: the English copy comes after the Japanese one, and a copy parsed
      // after the write would show the plain visit's counts (seen once in the slow-link bench at load ~30). The end
      // of parsing ('interactive') comes before the app's deferred entry script runs, so this waits for no download.
      if (document.readyState === 'loading') document.addEventListener('readystatechange', write, { once: true });
      else write();
    },
    () => {
      // The app reports a dataset that does not load or is not valid.
    },
  );
}

/** Hex SHA-256 of the bytes; null without WebCrypto (only in secure contexts). */
async function sha256(buffer: ArrayBuffer): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

earlyCounts();
