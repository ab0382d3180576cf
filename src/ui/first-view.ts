// The first view (counts, filters, list, timeline and the map's picture) on screen (issue 16). It is marked once, in
// the frame after the first commit, for `npm run bench` and the first-view browser test. The WebGL map waits for it
// to be painted: creating the map holds the main thread (the GL context, MapLibre's painter and shaders, ~0.5–1 s
// with software WebGL), and when MapLibre had arrived first it held the first view back by as much.
import { afterNextPaint } from './after-paint';

let resolvePainted: () => void = () => undefined;
/** Settles after the frame that showed the first view. */
export const firstViewPainted = new Promise<void>((resolve) => {
  resolvePainted = resolve;
});

let marked = false;
export function markFirstView(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => {
    performance.mark('atlas:first-view');
    document.documentElement.setAttribute('data-first-view', 'true');
  });
  afterNextPaint(resolvePainted);
}
