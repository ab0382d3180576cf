import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The chart's width before it is measured: the build prerenders it so (scripts/prerender.ts), so that the opening
 * view has its chart before any script runs; the measure (before the first paint the page's script makes) follows.
 * timeline.css keeps it inside a narrower plot until then.
 */
const UNMEASURED_WIDTH = 960;

/** The element's width, measured before the first paint (the chart is in the first frame) and on every resize. */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(UNMEASURED_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
