// The composition root: loads the atlas, builds the runtime on it and provides it; src/ui/AtlasPage lays the page out.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserLang, t } from '../i18n/messages';
import { RuntimeContext } from '../state/runtime';
import { buildIndex } from '../domain/atlas-index';
import { indexedDbListStore } from '../adapters/storage/imported-list';
import { keepList, openInitialList, showListInUrl, type ShownList } from '../state/dataset-source';
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
      /** The stored list's id (`list=local:<id>`), or null. */
      listId: string | null;
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
  // Where applied lists are kept (IndexedDB), or null where there is none.
  const [listStore] = useState(indexedDbListStore);
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
        // The list to open with (src/state/dataset-source.ts): a stored list by its link or on a plain visit.
        const opening = await openInitialList(location.search, listStore);
        const shown = opening.dataset ? { ...atlas, index: buildIndex(opening.dataset) } : atlas;
        const started = startRuntime(shown.index, fallbackLang, opening.search, opening.list !== null, opening.list?.id ?? null);
        running.current = started;
        setLoad({
          status: 'ready',
          atlas: shown,
          builtIn: atlas,
          importedFile: opening.list?.fileName ?? null,
          listId: opening.list?.id ?? null,
          started,
          generation: 0,
          notice: opening.notice,
        });
      },
      (error: unknown) => setLoad({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => running.current?.stop();
  }, [fallbackLang, listStore]);

  // Shows another dataset (an imported list, or the built-in one again): a new index and a new runtime, in the
  // language the page is in.
  const show = useCallback(
    (builtIn: LoadedAtlas, atlas: LoadedAtlas, list: ShownList | null) => {
      const lang = running.current?.runtime.store.getState().lang ?? fallbackLang;
      running.current?.stop();
      showListInUrl(list?.id ?? null);
      const started = startRuntime(atlas.index, fallbackLang, location.search, list !== null, list?.id ?? null);
      started.runtime.store.getState().setLang(lang);
      running.current = started;
      setLoad((previous) => ({
        status: 'ready',
        atlas,
        builtIn,
        importedFile: list?.fileName ?? null,
        listId: list?.id ?? null,
        started,
        generation: previous.status === 'ready' ? previous.generation + 1 : 0,
        notice: null,
      }));
    },
    [fallbackLang],
  );
  const lists = useMemo<ListSwitch | null>(() => {
    if (load.status !== 'ready') return null;
    const { builtIn, importedFile, listId } = load;
    return {
      builtIn: builtIn.index.dataset,
      importedFile,
      // Complete once the list is stored: a reload right after never loses it.
      apply: async (dataset, fileName, json) => {
        const id = await keepList(listStore, fileName, json);
        show(builtIn, { ...builtIn, index: buildIndex(dataset) }, id ? { id, fileName } : null);
      },
      reset: () => {
        show(builtIn, builtIn, null);
        if (listId && listStore) void listStore.leave(listId).catch(() => undefined);
      },
      repair: async (list, dataset) => {
        const json = new Blob([JSON.stringify(dataset)], { type: 'application/json' });
        await listStore?.replace(list.id, json);
        show(builtIn, { ...builtIn, index: buildIndex(dataset) }, { id: list.id, fileName: list.fileName });
      },
      drop: async (list) => {
        await listStore?.drop(list.id);
        setLoad((previous) => (previous.status === 'ready' ? { ...previous, notice: null } : previous));
      },
    };
  }, [load, show, listStore]);

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
