// The opening view at build time (issue 29): the page's own components, rendered to HTML by React for the default
// URL in each language, with the runtime a plain visit starts from. The build (scripts/prerender.ts) puts the HTML in
// index.html, and src/app/main.tsx hydrates it. Not part of the page's code: only the build imports this module.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import { buildIndex } from '../domain/atlas-index';
import { basemapFromTopology } from '../domain/basemap';
import type { Lang } from '../domain/schema';
import { isDataset, validateDataset } from '../domain/validate-dataset';
import { upgradeDataset } from '../domain/dataset-version';
import { datasetKey } from '../domain/dataset-key';
import { createFirstView } from '../ui/first-view';
import { AtlasTree } from './atlas-tree';
import { buildRuntime } from './start-runtime';

/** The HTML inside the page's root element for a plain visit in each language. */
/** The fingerprint of the dataset the opening view is rendered from (src/domain/dataset-key.ts). */
export function prerenderedDatasetKey(dataset: unknown): string {
  return datasetKey(validateDataset(dataset));
}

/**
 * True when the app's validation (validateDataset) returns the file's JSON itself, upgraded: the early counts script
 * (src/app/early-counts.ts) may then count these bytes without a schema check of its own.
 */
export function validAsItIs(dataset: unknown): boolean {
  return isDataset(upgradeDataset(dataset));
}

export function prerenderOpeningView(dataset: unknown, world: unknown, langs: readonly Lang[]): Record<Lang, string> {
  const index = buildIndex(validateDataset(dataset));
  const topology = world as Topology<{ countries: GeometryCollection }>;
  const atlas = { index, basemap: basemapFromTopology(topology), world: feature(topology, topology.objects.countries) as FeatureCollection };
  // Nothing is imported or stored at build time.
  const none = async () => undefined;
  const lists = { builtIn: index.dataset, importedFile: null, apply: none, reset: () => undefined, repair: none, drop: none };
  const html: Partial<Record<Lang, string>> = {};
  for (const lang of langs) {
    const { runtime, options } = buildRuntime(index, lang, '');
    html[lang] = renderToString(
      <StrictMode>
        <AtlasTree runtime={runtime} atlas={atlas} options={options} lists={lists} notice={null} firstView={createFirstView()} onReady={() => undefined} />
      </StrictMode>,
    );
  }
  return html as Record<Lang, string>;
}
