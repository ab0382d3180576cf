// The runtime the views share: the store, the playback controller, the slideshow and the map slot. src/app creates one per page
// and provides it by context (react-map-gl's MapProvider pattern); a test creates a fresh one per case.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FilterMemo } from '../domain/filters';
import type { AtlasActions, AtlasStore, AtlasStoreApi } from './atlas-store';
import type { MapSlot } from './map-handle';
import type { PlaybackController } from './playback-controller';
import type { Slideshow } from './slideshow';

export interface Runtime {
  store: AtlasStoreApi;
  playback: PlaybackController;
  /** Slides that advance by themselves (kiosk mode while presenting). */
  slideshow: Slideshow;
  map: MapSlot;
  /** The last filter evaluation, reused while only the language, sort or list length changes. */
  filterMemo: FilterMemo;
}

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime: no RuntimeContext above this component (src/app provides it)');
  return runtime;
}

/** One value from the store; wrap a selector that builds an object or array in useShallow. */
export function useAtlas<T>(selector: (state: AtlasStore) => T): T {
  return useStore(useRuntime().store, selector);
}

/** The store's actions, one object per store: its functions never change, so reading them never re-renders. */
const actionsByStore = new WeakMap<AtlasStoreApi, AtlasActions>();

function actionsOf(store: AtlasStoreApi): AtlasActions {
  let actions = actionsByStore.get(store);
  if (!actions) {
    // Not getState() itself: that object is replaced on every change, and an effect or memo keyed on it would
    // run on every change (it once re-created the map on each filter change).
    const state = store.getState();
    actions = Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value === 'function')) as unknown as AtlasActions;
    actionsByStore.set(store, actions);
  }
  return actions;
}

export function useAtlasActions(): AtlasActions {
  return actionsOf(useRuntime().store);
}
