// Counts React's component renders per commit in the page, through the hook React DevTools uses
// (__REACT_DEVTOOLS_GLOBAL_HOOK__, read by react-dom when it loads; it must be installed before the page's scripts).
// A function or memo component rendered in a commit when its fiber is a new work-in-progress copy (not the object the
// previous commit held: a bailed-out subtree keeps its fibers) with React's PerformedWork flag set. Names are the
// functions' own: minified in a production build, readable in one built with `--minify=false`.
// Used by tests/e2e/filter-renders.spec.ts and scripts/change-renders.ts.

/**
 * Installed with page.addInitScript: `window.__renders` collects, per commit, the names of what rendered. A string, not a
 * function: tsx (the scripts) wraps named functions in a helper the page does not have.
 */
export const INSTALL_RENDER_COUNTER = `(() => {
  // FunctionComponent, ForwardRef, MemoComponent, SimpleMemoComponent (react-reconciler's WorkTags).
  const COMPONENT_TAGS = new Set([0, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  let seen = new WeakSet();
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
      const rendered = [];
      const now = new WeakSet();
      const stack = root.current.child ? [root.current.child] : [];
      while (stack.length) {
        const fiber = stack.pop();
        now.add(fiber);
        if (COMPONENT_TAGS.has(fiber.tag) && !seen.has(fiber) && fiber.flags & PERFORMED_WORK) rendered.push(nameOf(fiber.type));
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      seen = now;
      window.__renders.push(rendered);
    },
  };
})()`;
