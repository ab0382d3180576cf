// @vitest-environment jsdom
// The map started before hydration (issue 29, fast link): the map view takes it over instead of creating one, moves
// it into its map area, hears what it drew before, and its first model is the very object the map was created with
// (so nothing is sent to the map's workers again).
import { act } from 'react';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { parseDataset } from '../../src/domain/schema';
import type { MapModel } from '../../src/domain/map-model';
import type { MapCallbacks } from '../../src/adapters/maplibre/map-controller';
import { AtlasMap } from '../../src/ui/map/AtlasMap';
import { startEarlyMap } from '../../src/ui/map/early-map';
import type { MapModule } from '../../src/ui/map/map-module';
import type { EarlyMap } from '../../src/ui/map/early-map';
import { useAtlasView } from '../../src/ui/use-atlas-view';
import { MINI } from '../fixtures/mini-dataset';
import { createTestRuntime, render } from './render';

const index = buildIndex(parseDataset(MINI));
const basemap: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What the fake map was asked to do. */
interface Seen {
  created: { element: HTMLElement; model: MapModel; callbacks: MapCallbacks }[];
  updates: MapModel[];
  movedInto: HTMLElement[];
}

function fakeModule(seen: Seen): MapModule {
  class FakeController {
    constructor(element: HTMLElement, _basemap: FeatureCollection, model: MapModel, callbacks: MapCallbacks) {
      seen.created.push({ element, model, callbacks });
    }
    moveInto(area: HTMLElement) {
      seen.movedInto.push(area);
    }
    update(model: MapModel) {
      seen.updates.push(model);
    }
    level() {
      return 'country';
    }
    onMapError() {}
    pulse() {}
    setArcs() {}
    destroy() {}
    automationHook() {
      return {};
    }
  }
  return { MapController: FakeController, prewarm: () => undefined } as unknown as MapModule;
}

const never = new Promise<void>(() => undefined);
// jsdom has no matchMedia (the map view asks whether the page is in its phone layout) nor ResizeObserver (the map's
// picture, shown until the map is taken over, follows the map area's size).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof matchMedia;

/** The map view as the page renders it: its view from the runtime (useAtlasView). */
function PageMap({ early, loadMap, onRendered }: { early: EarlyMap; loadMap: () => Promise<MapModule>; onRendered(): void }) {
  const { view } = useAtlasView(index);
  return (
    <AtlasMap
      lang="en"
      index={index}
      basemap={basemap}
      view={view}
      countryCounts={view.countryCounts}
      newInstitutionIds={[]}
      camera={null}
      onRendered={onRendered}
      onError={(error) => {
        throw error;
      }}
      onMap={() => undefined}
      firstViewPainted={never}
      loadMap={loadMap}
      early={early}
    />
  );
}

describe('startEarlyMap', () => {
  it('makes the map before the view, which takes it over with the same first model and hears that it drew', async () => {
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en' });
    const seen: Seen = { created: [], updates: [], movedInto: [] };
    const module = fakeModule(seen);
    const loadMap = () => Promise.resolve(module);
    const area = document.createElement('section');
    document.body.append(area);
    const early = startEarlyMap(loadMap, area, index, basemap, runtime);
    await act(async () => undefined);
    expect(seen.created).toHaveLength(1);
    const made = seen.created[0]!;
    // Drawn outside the page's tree, hidden, until taken over.
    expect(area.contains(made.element)).toBe(false);
    expect(made.element.style.visibility).toBe('hidden');
    made.callbacks.onRendered();

    let rendered = 0;
    const page = await render(<PageMap early={early} loadMap={loadMap} onRendered={() => rendered++} />, runtime);
    await act(async () => undefined);
    // No second map: the view's (firstViewPainted never settles, so a map of its own could not be made either).
    expect(seen.created).toHaveLength(1);
    expect(seen.movedInto).toEqual([page.host.querySelector('[data-testid="map"]')]);
    // The page's first model is the object the map was made with: nothing sent again.
    expect(seen.updates[0]).toBe(made.model);
    // It drew before it was taken: the view hears it.
    expect(rendered).toBe(1);
    // Taken once.
    expect(early.take(area, made.callbacks)).toBeNull();
    await page.unmount();
  });
});
