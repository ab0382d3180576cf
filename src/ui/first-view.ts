// The first view (counts, filters, list, timeline and the map's picture) on screen (issue 16). It is marked once per
// page, in the frame after the first commit, for `npm run bench` and the first-view browser test. The WebGL map waits
// for it to be painted: creating the map holds the main thread (the GL context, MapLibre's painter and shaders,
// ~0.5–1 s with software WebGL), and when MapLibre had arrived first it held the first view back by as much.
// One object per atlas (src/app creates it), not module state: two atlases on one page each have their own.
import { afterNextPaint } from './after-paint';

export interface FirstView {
  /** Settles after the frame that showed the first view. */
  painted: Promise<void>;
  /** Marks the first view (the first call only: a new list shown later is not a first view). */
  mark(): void;
  /**
   * Says that the first view is the build's prerendered one, hydrated: on screen since the HTML was parsed, so
   * `painted` settles at `mark()` without waiting for a frame (issue 29: the map is created a frame sooner).
   */
  hydrating(): void;
}

export function createFirstView(): FirstView {
  let resolvePainted: () => void = () => undefined;
  const painted = new Promise<void>((resolve) => {
    resolvePainted = resolve;
  });
  let marked = false;
  let inHtml = false;
  return {
    painted,
    hydrating() {
      inHtml = true;
    },
    mark() {
      if (marked) return;
      marked = true;
      // The page's own numbers are on screen: those of a prerendered view for another URL were hidden until now.
      document.documentElement.removeAttribute('data-prerender');
      requestAnimationFrame(() => {
        performance.mark('atlas:first-view');
        document.documentElement.setAttribute('data-first-view', 'true');
      });
      if (inHtml) resolvePainted();
      else afterNextPaint(resolvePainted);
    },
  };
}
