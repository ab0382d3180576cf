// Folds the search text in idle slices, so the first keystroke does not pay for it (~0.5 s at 100k agreements) and
// the page never blocks on it.
import type { AtlasIndex } from '../domain/atlas-index';

/** Starts the preparation; the returned function stops it (a new index, or the page going). */
export function prepareSearchWhenIdle(index: Pick<AtlasIndex, 'prepareSearch'>): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  let id = 0;
  const work = (deadline: IdleDeadline) => {
    if (!index.prepareSearch(() => deadline.timeRemaining() > 1)) id = requestIdleCallback(work);
  };
  id = requestIdleCallback(work);
  return () => cancelIdleCallback(id);
}
