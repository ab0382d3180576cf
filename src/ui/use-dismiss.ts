// Closes a menu or popover the way people expect: a press outside it, or Escape (focus goes back to its trigger).
// Whether it is open is asked at the moment of the event: a <details> opens natively before React hears of it.
import { useEffect, useRef, type RefObject } from 'react';

export function useDismiss(ref: RefObject<HTMLElement | null>, isOpen: () => boolean, close: () => void, trigger?: RefObject<HTMLElement | null>): void {
  const latest = useRef({ isOpen, close });
  latest.current = { isOpen, close };
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (!latest.current.isOpen()) return;
      if (e.target instanceof Node && ref.current && !ref.current.contains(e.target)) latest.current.close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !latest.current.isOpen()) return;
      // Handled: page-wide Escape (leaving playback) waits for the next press.
      e.preventDefault();
      latest.current.close();
      (trigger?.current ?? ref.current?.querySelector<HTMLElement>('summary, button'))?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, trigger]);
}
