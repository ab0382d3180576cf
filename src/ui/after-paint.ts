// Work that should wait until the browser has painted what the current render shows: a task queued from the next
// frame's callbacks runs once that frame has been handed to the compositor.

/** Runs `work` after the next frame has been painted; the returned function cancels it if it has not run yet. */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Runs `work` once the frame that answers a change has been painted, and then when the page is idle; the returned
 * function cancels it. With `timeout` (ms), the work runs by then even if the page is never idle. Not idle alone: an idle period can go on after a keydown's render, before its frame, and the
 * national list's story (~200 ms at 42,000 agreements) then delayed that frame (profiled: scripts/profile-change.ts).
 */
export function whenIdle(work: () => void, timeout?: number): () => void {
  let cancelIdle = () => {};
  const cancelPaint = afterNextPaint(() => {
    if (typeof requestIdleCallback !== 'function') return work();
    const id = requestIdleCallback(work, timeout === undefined ? undefined : { timeout });
    cancelIdle = () => cancelIdleCallback(id);
  });
  return () => {
    cancelPaint();
    cancelIdle();
  };
}
