// The composition root: loads the atlas, builds the runtime on it and provides it; src/ui/AtlasPage lays the page out.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserLang, t } from '../i18n/messages';
import { pageUrl } from '../state/url';
import { RuntimeContext } from '../state/runtime';
import { buildIndex } from '../domain/atlas-index';
import { validateDataset } from '../domain/validate-dataset';
import { forgetList, loadSavedList, saveList } from '../adapters/storage/imported-list';
import { AtlasPage, type ListSwitch, type Notice } from '../ui/AtlasPage';
import { createFirstView } from '../ui/first-view';
import { LoadError } from '../ui/page-notices';
import { OfflineUpdates } from '../ui/UpdatePrompt';
import { startRuntime, type StartedRuntime } from './start-runtime';
import { loadAtlas, type LoadedAtlas } from './load-atlas';

type LoadState =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** The atlas shown: the built-in one, or an imported list's (importedFile names it). */
      atlas: LoadedAtlas;
      builtIn: LoadedAtlas;
      importedFile: string | null;
      started: StartedRuntime;
      /** Counts the lists shown: each one is a new page (the AtlasPage below is keyed by it). */
      generation: number;
      notice: Notice;
    }
  | { status: 'error'; error: Error };

export function App() {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const fallbackLang = useMemo(() => browserLang(navigator.languages ?? [navigator.language]), []);
  // This page's own milestones (not module state): the first view once painted, and the map drawn (ready).
  const [firstView] = useState(createFirstView);
  const [ready, setReady] = useState(false);
  const markReady = useCallback(() => {
    performance.mark('atlas:ready');
    document.documentElement.setAttribute('data-ready', 'true');
    setReady(true);
  }, []);

  // The runtime now running: stopped on unmount, or when another list replaces it.
  const running = useRef<StartedRuntime | null>(null);
  useEffect(() => {
    loadAtlas().then(
      async (atlas) => {
        // A list opened on an earlier visit is shown again, if it is still a valid dataset: on a plain visit, or by a
        // link that says it is of that list (list=local). Any other link is of the built-in list, and shows it.
        const params = new URLSearchParams(location.search);
        const linkIsLocal = params.get('list') === 'local';
        const plainVisit = [...params.keys()].every((key) => key === 'lang');
        const saved = linkIsLocal || plainVisit ? await loadSavedList() : null;
        let shown = atlas;
        let importedFile: string | null = null;
        let search = location.search;
        let notice: Notice = null;
        if (saved) {
          try {
            shown = { ...atlas, index: buildIndex(validateDataset(saved.dataset)) };
            importedFile = saved.fileName;
          } catch {
            void forgetList();
          }
        }
        if (linkIsLocal && importedFile === null) {
          // The link's list stays in the browser it was opened in: its view would be wrong data here. The built-in
          // list is shown as it opens (in the link's language), and the page says why.
          notice = 'local-list-missing';
          const lang = params.get('lang');
          search = lang === null ? '' : `?${new URLSearchParams({ lang }).toString()}`;
          history.replaceState(history.state, '', pageUrl(location, search, location.hash));
        }
        const started = startRuntime(shown.index, fallbackLang, search, importedFile !== null);
        running.current = started;
        setLoad({ status: 'ready', atlas: shown, builtIn: atlas, importedFile, started, generation: 0, notice });
      },
      (error: unknown) => setLoad({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => running.current?.stop();
  }, [fallbackLang]);

  // Shows another dataset (an imported list, or the built-in one again): a new index and a new runtime, in the
  // language the page is in.
  const show = useCallback(
    (builtIn: LoadedAtlas, atlas: LoadedAtlas, importedFile: string | null) => {
      const lang = running.current?.runtime.store.getState().lang ?? fallbackLang;
      running.current?.stop();
      const started = startRuntime(atlas.index, fallbackLang, location.search, importedFile !== null);
      started.runtime.store.getState().setLang(lang);
      running.current = started;
      setLoad((previous) => ({
        status: 'ready',
        atlas,
        builtIn,
        importedFile,
        started,
        generation: previous.status === 'ready' ? previous.generation + 1 : 0,
        notice: null,
      }));
    },
    [fallbackLang],
  );
  const lists = useMemo<ListSwitch | null>(() => {
    if (load.status !== 'ready') return null;
    const { builtIn, importedFile } = load;
    return {
      builtIn: builtIn.index.dataset,
      importedFile,
      apply: (dataset, fileName, json) => {
        show(builtIn, { ...builtIn, index: buildIndex(dataset) }, fileName);
        void saveList(fileName, json);
      },
      reset: () => {
        show(builtIn, builtIn, null);
        void forgetList();
      },
    };
  }, [load, show]);

  if (load.status === 'loading') return <p className="splash">{t(fallbackLang, 'loading')}</p>;
  if (load.status === 'error') return <LoadError lang={fallbackLang} error={load.error} />;
  return (
    <RuntimeContext.Provider value={load.started.runtime}>
      {/* A new list is a new page: the map, the panels and their state start again from its dataset. */}
      <AtlasPage
        key={load.generation}
        atlas={load.atlas}
        options={load.started.options}
        lists={lists!}
        notice={load.notice}
        firstView={firstView}
        onReady={markReady}
      />
      {/* The offline worker registers once the page is ready, so its precache does not compete with the first load. */}
      {ready && <OfflineUpdates />}
    </RuntimeContext.Provider>
  );
}
