// Loads the dataset and the basemap from the page's own origin, validating the dataset before use.
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import builtInDatasetUrl from '../../data/agreements.json?url';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { buildIndex, type AtlasIndex } from '../domain/atlas-index';
import { validateDataset } from '../domain/validate-dataset';
import { basemapFromTopology } from '../domain/basemap';
import { loadMapModule } from '../ui/map/map-module';

/**
 * The dataset the page opens with: the built-in one, or, when the build sets `VITE_ATLAS_DATASET` (a file in
 * public/, e.g. written by `npm run import`), that one (README, "An atlas of your own list").
 */
const ownDataset: unknown = import.meta.env.VITE_ATLAS_DATASET;
const datasetUrl = typeof ownDataset === 'string' && ownDataset !== '' ? `${import.meta.env.BASE_URL}${ownDataset.replace(/^\/+/, '')}` : builtInDatasetUrl;

export interface LoadedAtlas {
  index: AtlasIndex;
  /** Planar basemap for MapLibre (rings unwrapped at the antimeridian). */
  basemap: FeatureCollection;
  /** The same countries as spherical GeoJSON, for the d3-geo fallback map. */
  world: FeatureCollection;
}

async function fetchJson(url: string, what: string): Promise<unknown> {
  // A filtered URL's early counts script (src/app/early-counts.ts) has fetched the dataset already: its JSON, once.
  const early = window.__partnerAtlasEarlyDataset;
  if (early && new URL(early.url, location.href).href === new URL(url, location.href).href) {
    early.taken = true;
    try {
      return await early.json;
    } catch {
      // Fetched again below, so the error the page shows is this loader's own.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} for ${url}`);
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${what}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

export async function loadAtlas(): Promise<LoadedAtlas> {
  // Marks for `npm run bench`, which reads them to say where load time goes.
  performance.mark('atlas:fetch-start');
  const [raw, world] = await Promise.all([fetchJson(datasetUrl, 'agreements.json'), fetchJson(worldUrl, 'world map')]);
  performance.mark('atlas:fetched');
  // MapLibre now: on a slow link, not before, so that it does not share the line with what the first view needs;
  // on any link, while the page checks the data and draws the first view.
  void loadMapModule().catch(() => {
    // The map view reports it when it waits for the module.
  });
  const dataset = validateDataset(raw);
  performance.mark('atlas:validated');
  const topology = world as Topology<{ countries: GeometryCollection }>;
  const basemap = basemapFromTopology(topology);
  const index = buildIndex(dataset);
  performance.mark('atlas:indexed');
  return { index, basemap, world: feature(topology, topology.objects.countries) as FeatureCollection };
}
