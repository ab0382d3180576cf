// Renders a view in jsdom inside a fresh runtime (store, playback controller on a fake clock, empty map slot).
import { createFilterMemo } from '../../src/domain/filters';
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createAtlasStore, type AtlasState } from '../../src/state/atlas-store';
import { MapSlot } from '../../src/state/map-handle';
import { PlaybackController } from '../../src/state/playback-controller';
import { Slideshow } from '../../src/state/slideshow';
import { FakeClock } from '../fixtures/fake-clock';
import { RuntimeContext, type Runtime } from '../../src/state/runtime';

export function createTestRuntime(extent: [number, number], initial: Partial<AtlasState> = {}) {
  const store = createAtlasStore(initial);
  const clock = new FakeClock();
  const runtime: Runtime = {
    store,
    playback: new PlaybackController(store, extent, clock),
    slideshow: new Slideshow(store),
    map: new MapSlot(),
    filterMemo: createFilterMemo(),
  };
  return { runtime, clock };
}

export async function render(element: ReactElement, runtime: Runtime) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<RuntimeContext.Provider value={runtime}>{element}</RuntimeContext.Provider>));
  return {
    host,
    /** Re-renders with a new element (e.g. a view derived from the changed store). */
    rerender: (next: ReactElement) => act(async () => root.render(<RuntimeContext.Provider value={runtime}>{next}</RuntimeContext.Provider>)),
    unmount: async () => {
      await act(async () => root.unmount());
      host.remove();
    },
  };
}

/** Types into a controlled input the way a browser does (React listens for the native input event). */
export function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(select: HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
  setter.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export const byTestId = <T extends Element = HTMLElement>(host: Element, id: string): T => {
  const found = host.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
};

/**
 * Opens a filter panel's facet group (`data-facet`: dept, region, country, home) as a person does: its rows render only
 * while it is open. jsdom does not toggle a details element on a summary click, so the test sets `open` and sends the
 * toggle event the browser sends.
 */
export async function openFacetGroup(host: Element, facet: string) {
  const group = byTestId<HTMLDetailsElement>(host, `facet-group"][data-facet="${facet}`);
  await act(async () => {
    group.open = true;
    group.dispatchEvent(new Event('toggle'));
  });
}
