// The basemap's countries drawn as partners or selected: MapLibre feature state, changed only where it changed.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Sets a basemap country feature state (`partner`, `selected`) on `ids` and clears it on the rest of `previousIds`. */
export function setCountryState(map: MapLibreMap, source: string, key: string, ids: readonly string[], previousIds: readonly string[]): void {
  const next = new Set(ids);
  const before = new Set(previousIds);
  for (const id of before) if (!next.has(id)) map.setFeatureState({ source, id }, { [key]: false });
  for (const id of next) if (!before.has(id)) map.setFeatureState({ source, id }, { [key]: true });
}
