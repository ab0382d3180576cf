// Counts React's component renders per commit in the page, through the hook React DevTools uses
// (__REACT_DEVTOOLS_GLOBAL_HOOK__, read by react-dom when it loads; it must be installed before the page's scripts).
// A function or memo component rendered in a commit when its fiber is a new work-in-progress copy (not the object the
// previous commit held: a bailed-out subtree keeps its fibers) with React's PerformedWork flag set. Names are the
// functions' own: minified in a production build, readable in one built with `--minify=false`. Each rendered component
// is also placed in the part of the page its first element is in (its area: the map, the results, the header…), which a
// production build keeps, and each commit says whether it was made inside a keydown's dispatch (its synchronous render).
// Used by tests/e2e/filter-renders.spec.ts and scripts/change-renders.ts.

/**
 * Installed with page.addInitScript: `window.__renders` collects, per commit, the names of what rendered, their areas and
 * whether a keydown was being dispatched (`Commit`). A string, not a function: tsx (the scripts) wraps named functions
 * in a helper the page does not have.
 */
export const INSTALL_RENDER_COUNTER = `(() => {
  // FunctionComponent, ForwardRef, MemoComponent, SimpleMemoComponent (react-reconciler's WorkTags).
  const COMPONENT_TAGS = new Set([0, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  // Ordered: the first that holds a component's first element names its area.
  const AREAS = [['.chips', 'chips'], ['#results', 'results'], ['.map-wrap', 'map'], ['.summary', 'summary'], ['.filters', 'filters'],
    ['.app-header', 'header'], ['#timeline', 'timeline'], ['.mobile-tabs', 'tabs']];
  const areaOf = (fiber) => {
    // AtlasPage's SettledView wrappers (value, urgent, a function child) render on every change by design: their own area.
    const props = fiber.memoizedProps;
    if (props && 'urgent' in props && 'value' in props && typeof props.children === 'function') return 'settled';
    let at = fiber.child;
    while (at && at.tag !== 5) at = at.child;
    const el = at && at.stateNode;
    if (!el || !el.closest) return 'none';
    for (const [selector, name] of AREAS) if (el.closest(selector)) return name;
    return 'page';
  };
  let seen = new WeakSet();
  let keydown = false;
  window.addEventListener('keydown', () => { keydown = true; }, true);
  window.addEventListener('keydown', () => { keydown = false; });
  window.__renders = [];
  const nameOf = (t) => {
    if (!t) return '?';
    if (typeof t === 'function') return t.displayName || t.name || '(anonymous)';
    if (t.type) return nameOf(t.type);
    if (t.render) return nameOf(t.render);
    return '?';
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      const names = [];
      const areas = [];
      const now = new WeakSet();
      const stack = root.current.child ? [root.current.child] : [];
      while (stack.length) {
        const fiber = stack.pop();
        now.add(fiber);
        if (COMPONENT_TAGS.has(fiber.tag) && !seen.has(fiber) && fiber.flags & PERFORMED_WORK) {
          names.push(nameOf(fiber.type));
          areas.push(areaOf(fiber));
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      seen = now;
      window.__renders.push({ names, areas, keydown });
    },
  };
})()`;

/** One commit, as INSTALL_RENDER_COUNTER records it. */
export interface Commit {
  names: string[];
  areas: string[];
  /** Made inside a keydown's dispatch: the keydown's synchronous render. */
  keydown: boolean;
}
