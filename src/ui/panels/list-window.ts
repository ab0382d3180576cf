// The results list's window (issue 29): a long list renders only the rows in view and a margin around them, with
// spacers of the rows' estimated heights above and below, so a keystroke at 10k agreements builds a screenful of rows
// instead of hundreds. The list is a sequence of items, each group's heading then its rows; heights are estimates
// from the rows last rendered (rows differ: a match line, wrapped tags), so the spacers are close, not exact.
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../after-paint';

/**
 * Lists of up to this many rows are rendered whole (the real list, 376 institutions): the page's find (Ctrl+F) and
 * print see every row, and a screen reader reads them all. Longer lists (synthetic 10k/100k, large imports) are windowed.
 */
export const WINDOW_FROM_ROWS = 400;
/** Rendered before the list's geometry is known (the first render, the prerendered page): a screenful and more. */
const FIRST_ITEMS = 40;
/** Rendered beyond the visible part, above and below, in CSS pixels. */
const MARGIN_PX = 600;
/** A focused row this many items or fewer from the window is kept in it (further, the user has scrolled away). */
const PIN_REACH = 100;

export interface Heights {
  /** One row (an institution). */
  row: number;
  /** One heading (a country, or a comparison's part). */
  heading: number;
}
/** A row with its details line (the stylesheet's 3.1rem) and a heading, until rendered ones are measured. */
export const FIRST_HEIGHTS: Heights = { row: 50, heading: 26 };

export interface ListWindow {
  /** Items [start, end) are rendered. */
  start: number;
  end: number;
}

/** Each item's top from the list's top (estimates), and the whole height last: `headings[i]` headings for item i, or a row. */
export function itemOffsets(headings: readonly number[], heights: Heights): Float64Array {
  const offsets = new Float64Array(headings.length + 1);
  for (let i = 0; i < headings.length; i += 1) offsets[i + 1] = offsets[i]! + (headings[i]! > 0 ? headings[i]! * heights.heading : heights.row);
  return offsets;
}

/** The items overlapping [top - margin, bottom + margin] (pixels from the list's top). */
export function windowAt(offsets: Float64Array, top: number, bottom: number, margin = MARGIN_PX): ListWindow {
  const count = offsets.length - 1;
  const from = top - margin;
  const to = bottom + margin;
  let start = 0;
  while (start < count - 1 && offsets[start + 1]! <= from) start += 1;
  let end = start;
  while (end < count && offsets[end]! < to) end += 1;
  return { start, end: Math.max(end, Math.min(count, start + 1)) };
}

/** The part of the viewport where `element` can be seen: the window cut by every ancestor that clips (the sidebar). */
function visibleBand(element: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let e = element.parentElement; e; e = e.parentElement) {
    if (getComputedStyle(e).overflowY === 'visible') continue;
    const r = e.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  return { top, bottom };
}

/**
 * The window over `headings.length` items when `enabled` (else every item), following the scroll position: `anchor`
 * is the element where item 0 starts (the top spacer), `body` the list, whose rendered rows and headings are measured.
 * `reveal(i)` widens the window to hold item i (a row selected on the map), `reveal(i, true)` and keeps it there
 * while it has the focus (until `unpin()`). While `playing`, a new list each year (issue 29): only the rows in view are
 * rendered (no margin) and the heights measured once are kept, so a year changes a screenful of rows and lays out nothing
 * in a task of its own.
 */
export function useListWindow(
  body: RefObject<HTMLElement | null>,
  anchor: RefObject<HTMLElement | null>,
  headings: readonly number[],
  enabled: boolean,
  playing = false,
) {
  const count = headings.length;
  const [win, setWin] = useState<ListWindow>({ start: 0, end: FIRST_ITEMS });
  const [heights, setHeights] = useState<Heights>(FIRST_HEIGHTS);
  const [printing, setPrinting] = useState(false);
  const offsets = useRef<Float64Array>(new Float64Array(1));
  offsets.current = itemOffsets(headings, heights);

  const margin = useRef(MARGIN_PX);
  margin.current = playing ? 0 : MARGIN_PX;
  const pinned = useRef<number | null>(null);
  // The part of the list last seen (pixels from its top), read with the layout: a new list is first placed there.
  const seen = useRef<{ top: number; bottom: number } | null>(null);
  const place = useCallback((top: number, bottom: number) => {
    const next = windowAt(offsets.current, top, bottom, margin.current);
    // The focused row and its neighbours stay: focus moves (Tab) before the browser scrolls the row into view, and
    // a render between the two must not take away the row the next Tab goes to.
    const i = pinned.current;
    if (i !== null && i >= next.start - PIN_REACH && i < next.end + PIN_REACH) {
      next.start = Math.max(0, Math.min(next.start, i - 2));
      next.end = Math.min(offsets.current.length - 1, Math.max(next.end, i + 3));
    }
    setWin((w) => (w.start === next.start && w.end === next.end ? w : next));
  }, []);
  const update = useCallback(() => {
    const top = anchor.current;
    if (!top) return;
    const band = visibleBand(top);
    const origin = top.getBoundingClientRect().top;
    seen.current = { top: band.top - origin, bottom: band.bottom - origin };
    place(seen.current.top, seen.current.bottom);
  }, [anchor, place]);

  // For each list: place the window where the list is seen.
  // The rows and headings are measured once per list: measured again on every render, the mean would follow the
  // rows in the window, which follows the mean, and could swing between two windows for ever.
  // A new list (a keystroke's) is first placed where the last one was seen, with the last heights, and measured after
  // its frame: reading the layout here would lay out the page inside the keystroke's task (~half its time at 10k),
  // and the browser lays it out for the frame anyway. The first list is measured at once (nothing was seen yet).
  const measuredFor = useRef<readonly number[] | null>(null);
  useLayoutEffect(() => {
    const list = body.current;
    if (!enabled || !list) return;
    const measure = () => {
      measuredFor.current = headings;
      const rows = [...list.querySelectorAll<HTMLElement>('.result-group li')];
      const heads = [...list.querySelectorAll<HTMLElement>('.result-group h3')];
      const mean = (xs: HTMLElement[], fallback: number) => (xs.length ? xs.reduce((n, e) => n + e.getBoundingClientRect().height, 0) / xs.length : fallback);
      const measured = { row: mean(rows, heights.row), heading: mean(heads, heights.heading) };
      const changed = Math.abs(measured.row - heights.row) > 1 || Math.abs(measured.heading - heights.heading) > 1;
      if (changed) setHeights(measured);
      return changed;
    };
    if (measuredFor.current !== headings) {
      const last = seen.current;
      if (last && playing) {
        measuredFor.current = headings;
        place(last.top, last.bottom);
        return;
      }
      if (last) {
        place(last.top, last.bottom);
        return afterNextPaint(() => {
          if (!measure()) update();
        });
      }
      if (measure()) return;
    }
    update();
    // Only for a new list or new heights: after every render, a window that moves the page's scroll position (the
    // browser's scroll anchoring) could render again and again within one task (React's error 185 at the 49th Tab).
    // Scrolling moves the window once a frame (below).
  }, [enabled, headings, heights, body, update, place, playing]);

  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), update()));
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [enabled, update]);

  // Print shows every row: the window opens before the page is laid out for paper, and closes after.
  useEffect(() => {
    if (!enabled) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [enabled]);

  const reveal = useCallback((i: number, focused = false) => {
    if (focused) pinned.current = i;
    setWin((w) => (i - 2 >= w.start && i + 3 <= w.end ? w : { start: Math.max(0, Math.min(w.start, i - 2)), end: Math.max(w.end, i + 3) }));
  }, []);

  const all = !enabled || printing;
  const start = all ? 0 : Math.min(win.start, Math.max(0, count - 1));
  const end = all ? count : Math.min(count, Math.max(win.end, start + 1));
  const o = offsets.current;
  const unpin = useCallback(() => {
    pinned.current = null;
  }, []);
  return { start, end, above: all ? 0 : o[start]!, below: all ? 0 : o[count]! - o[end]!, heights, reveal, unpin };
}
