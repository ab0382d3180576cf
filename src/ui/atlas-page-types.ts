// What the composition root hands the page (src/app/atlas-tree.tsx): the loaded atlas, the list switch and the note it
// opens with.
import type { FeatureCollection } from 'geojson';
import type { AtlasIndex } from '../domain/atlas-index';
import type { Dataset } from '../domain/schema';
import type { ListNotice, StoredList } from '../state/dataset-source';

/** The loaded atlas: its index, the WebGL map's basemap and the world the SVG map draws (src/app/load-atlas.ts). */
export interface ShownAtlas {
  index: AtlasIndex;
  basemap: FeatureCollection;
  world: FeatureCollection;
}

/** How an imported list is shown and left: the app restarts the runtime on the new dataset (ImportPanel). */
export interface ListSwitch {
  builtIn: Dataset;
  importedFile: string | null;
  apply(dataset: Dataset, fileName: string, json: Blob): Promise<void>;
  reset(): void;
  /** A stored list that failed validation: shown with its bad rows dropped (and stored so), or deleted. */
  repair(list: StoredList, dataset: Dataset): Promise<void>;
  drop(list: StoredList): Promise<void>;
}

/** A note the page opens with: a `list=local` link whose list is not in this browser, or a stored list gone invalid. */
export type Notice = ListNotice;
