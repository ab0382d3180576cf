// Entry point: loads the atlas, then hydrates the opening view the build prerendered (scripts/prerender.ts) when the
// page opens in that state, or renders in its place.
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import './app.css';
import './prerender.css';
// The map's colours for the stylesheets (var(--map-…)), from src/style/palette.ts (scripts/prerender.ts).
import 'virtual:palette.css';
import { buildIndex } from '../domain/atlas-index';
import { browserLang, t } from '../i18n/messages';
import { indexedDbListStore } from '../adapters/storage/imported-list';
import { openInitialList } from '../state/dataset-source';
import { parseUrl } from '../state/url';
import { createFirstView } from '../ui/first-view';
import { LoadError } from '../ui/page-notices';
import { App } from './App';
import { loadAtlas } from './load-atlas';
import { mapModuleLoader } from '../ui/map/map-module';
import { type EarlyMap, startEarlyMap } from '../ui/map/early-map';
import { startRuntime } from './start-runtime';
import { datasetKey } from '../domain/dataset-key';

const fallbackLang = browserLang(navigator.languages ?? [navigator.language]);
const lang = parseUrl(location.search).lang ?? fallbackLang;
// The build prerendered the opening view in each language (the head's script shows the page's one): the other goes.
const root = document.querySelector<HTMLElement>(`[data-prerendered="${lang}"]`) ?? document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
for (const other of document.querySelectorAll('[data-prerendered]')) if (other !== root) other.remove();
root.id = 'root';
const prerendered = root.hasAttribute('data-prerendered');
// What the prerendered view was made from: it is hydrated only by the same data (src/domain/dataset-key.ts).
const prerenderedKey = root.getAttribute('data-dataset');
root.removeAttribute('data-prerendered');

// Without a prerendered view (the dev server), a line says the atlas is loading.
const loadMap = mapModuleLoader();
const clientRoot = prerendered ? null : createRoot(root);
clientRoot?.render(<p className="splash">{t(lang, 'loading')}</p>);

// A plain visit (the head's script marked no other URL): its first view is in the HTML, and the head's script has
// asked for MapLibre's chunk already. MapLibre starts now (its code run, its workers started), not once the dataset
// has arrived: on the fast link the map is what the page waits for (issue 29).
if (prerendered && !document.documentElement.hasAttribute('data-prerender'))
  void loadMap().catch(() => {
    // The map view reports it when it waits for the module.
  });

const listStore = indexedDbListStore();
const firstView = createFirstView();

loadAtlas().then(
  async (builtIn) => {
    // The list to open with (src/state/dataset-source.ts): a stored list by its link or on a plain visit.
    const opening = await openInitialList(location.search, listStore);
    const atlas = opening.dataset ? { ...builtIn, index: buildIndex(opening.dataset) } : builtIn;
    const started = startRuntime(atlas.index, fallbackLang, opening.search, opening.list !== null, opening.list?.id ?? null);
    const app = (earlyMap?: EarlyMap) => (
      <StrictMode>
        <App opened={{ atlas, builtIn, opening, started, fallbackLang }} listStore={listStore} firstView={firstView} loadMap={loadMap} earlyMap={earlyMap} />
      </StrictMode>
    );
    // The prerendered HTML is a plain visit to the built-in list: hydrated when that is what opens, else replaced.
    const plainVisit = [...new URLSearchParams(opening.search).keys()].every((key) => key === 'lang');
    const sameData = prerenderedKey === datasetKey(atlas.index.dataset);
    if (prerendered && sameData && plainVisit && opening.dataset === null && opening.notice === null) {
      firstView.hydrating();
      // The WebGL map starts now, and loads while React hydrates the page; the map view takes it over
      // (src/ui/map/early-map.ts).
      const mapArea = root.querySelector<HTMLElement>('[data-testid="map"]');
      const earlyMap = mapArea ? startEarlyMap(loadMap, mapArea, atlas.index, atlas.basemap, started.runtime) : undefined;
      hydrateRoot(root, app(earlyMap), { onRecoverableError: (error) => console.error('hydration:', error) });
    } else (clientRoot ?? createRoot(root)).render(app());
  },
  (error: unknown) =>
    (clientRoot ?? createRoot(root)).render(
      <StrictMode>
        <LoadError lang={lang} error={error instanceof Error ? error : new Error(String(error))} />
      </StrictMode>,
    ),
);
