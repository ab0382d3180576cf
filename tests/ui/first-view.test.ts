// @vitest-environment jsdom
// The first view's "painted" promise, which the WebGL map waits for (issue 29): a view the app rendered settles it
// after a frame; the build's prerendered view, hydrated, was on screen with the HTML, so it settles at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFirstView } from '../../src/ui/first-view';

/** Whether the promise has settled once pending microtasks and timers have run (no frame ever comes). */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('first view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('waits for a painted frame when the app rendered the view', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const view = createFirstView();
    view.mark();
    expect(await settled(view.painted)).toBe(false);
    for (const callback of frames.splice(0)) callback(0);
    expect(await settled(view.painted)).toBe(true);
  });

  it('settles at mark() for the hydrated prerendered view, without a frame', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const view = createFirstView();
    view.hydrating();
    view.mark();
    expect(await settled(view.painted)).toBe(true);
    expect(document.documentElement.hasAttribute('data-prerender')).toBe(false);
  });
});
