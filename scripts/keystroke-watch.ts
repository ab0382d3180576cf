// The first keystroke's watcher, shared by scripts/bench.ts and scripts/bench-typing.ts (issue 29, typing): from the
// keydown to the results list's first mutation (`committed`), to the next frame's requestAnimationFrame (`frame`: the
// bench's "→ next frame") and to a task after that frame (`painted`: the window bench-typing reads CPU over). Install
// it (and await the evaluation) before the key is pressed, then read `window.__keystroke`: pressing while the
// evaluation that installs it is still on its way let the keydown slip past it, and the run hung.
export interface KeystrokeTimes {
  committed: number;
  frame: number;
  painted: number;
}

export const INSTALL_KEYSTROKE_WATCH = `(() => {
  const list = document.querySelector('[data-testid="results-list"]');
  let start = 0;
  window.__keystroke = new Promise((resolve) => {
    window.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (!start) return;
      observer.disconnect();
      const committed = performance.now() - start;
      requestAnimationFrame(() => {
        const frame = performance.now() - start;
        setTimeout(() => resolve({ committed, frame, painted: performance.now() - start }));
      });
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
})()`;
