// Work the person should never wait behind (the offline worker's precache: ~120–250 ms of CPU on a second thread of a
// two-core machine): it starts only once nobody has typed, clicked, scrolled or moved the pointer for a while, and
// then in an idle period; any input before that starts the wait again.

/** The events that count as the person using the page. */
const INPUT_EVENTS = ['keydown', 'input', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export interface QuietOptions {
  /** ms without input before the work may start. */
  quietMs: number;
  /** ms the idle callback may wait for an idle period once the page is quiet (a page that animates is never idle). */
  idleTimeoutMs: number;
}

// Five seconds: with two, the precache still ran inside 1 of 5 of the bench's first keystrokes at load ~20 (it types
// once the map is idle, seconds after ready on a loaded machine; bench/typing-37.md). A person who has not touched
// the page for five seconds is reading it.
export const QUIET: QuietOptions = { quietMs: 5000, idleTimeoutMs: 2000 };

/** Runs `work` once, after `quietMs` without input and then when the page is idle; the returned function cancels it. */
export function whenQuiet(work: () => void, { quietMs, idleTimeoutMs }: QuietOptions = QUIET): () => void {
  let lastInput = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const onInput = () => {
    lastInput = performance.now();
  };
  const stop = () => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    timer = idle = undefined;
  };
  // Input only records its time (a pointer move costs one clock read); the timer looks at it when it fires.
  const wait = () => {
    timer = setTimeout(check, Math.max(0, quietMs - (performance.now() - lastInput)));
  };
  const check = () => {
    timer = undefined;
    if (performance.now() - lastInput < quietMs) return wait();
    if (typeof requestIdleCallback !== 'function') return run();
    idle = requestIdleCallback(run, { timeout: idleTimeoutMs });
  };
  const run = () => {
    idle = undefined;
    // Input while the idle callback was pending: the person is back, wait again.
    if (performance.now() - lastInput < quietMs) return wait();
    stop();
    work();
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  wait();
  return stop;
}
