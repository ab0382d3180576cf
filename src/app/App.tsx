// The composition root: runs the runtime of the atlas shown and switches lists; src/ui/AtlasPage lays the page out.
// src/app/main.tsx loads the atlas and renders this (hydrating the build's prerendered opening view when it fits).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildIndex } from '../domain/atlas-index';
import type { Lang } from '../domain/schema';
import { keepList, showListInUrl, type ListStore, type Opening, type ShownList } from '../state/dataset-source';
import { pageUrl } from '../state/url';
import type { ListSwitch, Notice } from '../ui/atlas-page-types';
import type { FirstView } from '../ui/first-view';
import type { MapModule } from '../ui/map/map-module';
import type { EarlyMap } from '../ui/map/early-map';
import { OfflineWhenQuiet } from '../ui/UpdatePrompt';
import { AtlasTree } from './atlas-tree';
import { startRuntime, type StartedRuntime } from './start-runtime';
import type { LoadedAtlas } from './load-atlas';

function showLangInUrl(lang: Lang): void {
  const params = new URLSearchParams(location.search);
  params.set('lang', lang);
  history.replaceState(history.state, '', pageUrl(location, `?${params.toString()}`, location.hash));
}

/** What the page opens with (src/app/main.tsx loads it before the first render, which may hydrate the prerendered HTML). */
export interface Opened {
  /** The atlas shown: the built-in one, or a stored list's. */
  atlas: LoadedAtlas;
  builtIn: LoadedAtlas;
  opening: Opening;
  started: StartedRuntime;
  fallbackLang: Lang;
}

interface Shown {
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

export function App({
  opened,
  listStore,
  firstView,
  loadMap,
  earlyMap,
}: {
  opened: Opened;
  listStore: ListStore | null;
  firstView: FirstView;
  loadMap?: () => Promise<MapModule>;
  /** The map started before hydration (src/ui/map/early-map.ts), on a plain visit. */
  earlyMap?: EarlyMap;
}) {
  const { fallbackLang } = opened;
  const [load, setLoad] = useState<Shown>(() => ({
    atlas: opened.atlas,
    builtIn: opened.builtIn,
    importedFile: opened.opening.list?.fileName ?? null,
    listId: opened.opening.list?.id ?? null,
    started: opened.started,
    generation: 0,
    notice: opened.opening.notice,
  }));
  const [ready, setReady] = useState(false);
  const markReady = useCallback(() => {
    performance.mark('atlas:ready');
    document.documentElement.setAttribute('data-ready', 'true');
    setReady(true);
  }, []);

  // The runtime shown runs while it is shown: stopped when another list replaces it, or on unmount.
  useEffect(() => load.started.start(), [load.started]);
  const running = useRef(load.started);
  running.current = load.started;

  // Shows another dataset (an imported list, or the built-in one again): a new index and a new runtime, in the
  // language the page is in.
  const show = useCallback(
    (builtIn: LoadedAtlas, atlas: LoadedAtlas, list: ShownList | null) => {
      const lang = running.current.runtime.store.getState().lang;
      showListInUrl(list?.id ?? null);
      // The new runtime starts from the URL: the language the page is in goes into it (as its URL sync would write it).
      if (lang !== fallbackLang) showLangInUrl(lang);
      const started = startRuntime(atlas.index, fallbackLang, location.search, list !== null, list?.id ?? null);
      running.current = started;
      setLoad((previous) => ({
        atlas,
        builtIn,
        importedFile: list?.fileName ?? null,
        listId: list?.id ?? null,
        started,
        generation: previous.generation + 1,
        notice: null,
      }));
    },
    [fallbackLang],
  );
  const lists = useMemo<ListSwitch>(() => {
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
        setLoad((previous) => ({ ...previous, notice: null }));
      },
    };
  }, [load, show, listStore]);

  return (
    <AtlasTree
      runtime={load.started.runtime}
      generation={load.generation}
      atlas={load.atlas}
      options={load.started.options}
      lists={lists}
      notice={load.notice}
      firstView={firstView}
      loadMap={loadMap}
      earlyMap={earlyMap}
      onReady={markReady}
    >
      {/* The offline worker registers once the page is ready and then quiet, so its precache competes neither with the
          first load nor with the person's first keystrokes. */}
      {ready && <OfflineWhenQuiet />}
    </AtlasTree>
  );
}
