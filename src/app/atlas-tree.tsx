// What the app renders once an atlas is loaded: the runtime provided by context and the page. One component for the
// page and for the build's prerendering (prerender.tsx), so that the HTML the build writes is what hydration expects.
import type { ReactNode } from 'react';
import { RuntimeContext, type Runtime } from '../state/runtime';
import type { PageOptions } from '../state/url-sync';
import { AtlasPage } from '../ui/AtlasPage';
import type { ListSwitch, Notice, ShownAtlas } from '../ui/atlas-page-types';
import type { FirstView } from '../ui/first-view';
import type { MapModule } from '../ui/map/map-module';
import type { EarlyMap } from '../ui/map/early-map';

interface Props {
  runtime: Runtime;
  atlas: ShownAtlas;
  options: PageOptions;
  lists: ListSwitch;
  notice: Notice;
  firstView: FirstView;
  onReady(): void;
  /** MapLibre's module, asked for once per page (src/ui/map/map-module.ts); loaded on demand when absent. */
  loadMap?: () => Promise<MapModule>;
  /** The map started before hydration (src/ui/map/early-map.ts): the first page's only. */
  earlyMap?: EarlyMap;
  /** Counts the lists shown: each one is a new page. */
  generation?: number;
  children?: ReactNode;
}

export function AtlasTree({ runtime, atlas, options, lists, notice, firstView, onReady, loadMap, earlyMap, generation = 0, children }: Props) {
  return (
    <RuntimeContext.Provider value={runtime}>
      {/* A new list is a new page: the map, the panels and their state start again from its dataset. */}
      <AtlasPage
        key={generation}
        atlas={atlas}
        options={options}
        lists={lists}
        notice={notice}
        firstView={firstView}
        onReady={onReady}
        loadMap={loadMap}
        earlyMap={generation === 0 ? earlyMap : undefined}
      />
      {children}
    </RuntimeContext.Provider>
  );
}
