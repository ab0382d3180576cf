// The parts of the page hydrated after the map's component (issue 29, fast link). Each is a Suspense boundary that
// never suspends: rendered on the client it changes nothing, but hydrating the build's prerendered HTML, React
// commits the page's shell first (the map's component with it, whose effect creates the WebGL map) and hydrates a
// boundary's content afterwards, at low priority, in slices between the map's own tasks (its style, tiles, workers
// and first frames). Until then the HTML is on screen as the build wrote it; an event on a part not yet hydrated
// (a click, a keystroke) hydrates that part at once and is handled by it. The page is ready when the map has drawn
// and every part is hydrated (useReadyWhenAll).
import { Suspense, useCallback, useEffect, useRef, type ReactNode } from 'react';

/** What the page waits for before it is ready: the map (drawn, or unavailable) and the parts hydrated later. */
export type ReadyPart = 'map' | 'header' | 'sidebar' | 'timeline';
const PARTS: readonly ReadyPart[] = ['map', 'header', 'sidebar', 'timeline'];

/** Calls onReady once, when every part has said it is in (each may say so more than once). */
export function useReadyWhenAll(onReady: () => void): (part: ReadyPart) => void {
  const waiting = useRef(new Set(PARTS));
  const ready = useRef(onReady);
  ready.current = onReady;
  return useCallback((part: ReadyPart) => {
    const left = waiting.current;
    if (left.size === 0 || !left.delete(part)) return;
    if (left.size === 0) ready.current();
  }, []);
}

/** Content hydrated after the page's shell; says `onIn(part)` once it is in (hydrated, or rendered). */
export function Later({ part, onIn, children }: { part?: ReadyPart; onIn?: (part: ReadyPart) => void; children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      {part && onIn && <In part={part} onIn={onIn} />}
      {children}
    </Suspense>
  );
}

function In({ part, onIn }: { part: ReadyPart; onIn(part: ReadyPart): void }) {
  useEffect(() => onIn(part), [part, onIn]);
  return null;
}
