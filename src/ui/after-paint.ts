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
