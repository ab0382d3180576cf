// Drives playback: a requestAnimationFrame loop that advances the headless model and reports year changes.
import { useEffect } from 'react';
import { advance } from '../domain/playback';
import { useAtlasStore } from './atlas-store';

export function usePlaybackLoop(extent: [number, number]): void {
  const playing = useAtlasStore((s) => s.playing);
  const settings = useAtlasStore((s) => s.playbackSettings);
  useEffect(() => {
    if (!playing) return;
    let state = { playing: true, year: useAtlasStore.getState().playYear ?? extent[0], progress: 0 };
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      state = advance(state, now - last, settings, extent);
      last = now;
      const store = useAtlasStore.getState();
      // The store (and so React and the map) hears only of whole years: progress stays here.
      if (state.year !== store.playYear || !state.playing) store.setPlayback(state.year, state.playing);
      if (state.playing) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, settings, extent]);
}
