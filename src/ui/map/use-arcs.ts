// Feeds the map the arcs of a many-homes atlas (src/adapters/maplibre/arcs-layer.ts): the geometry once per dataset,
// each arc's class per change of the view or the comparison. Nothing for a one-home dataset (its map is unchanged),
// and nothing while the "Lines from …" control (the store's `flows`, URL `flows=1`) is off: one control owns the lines.
// In the cumulative playback each arc's first year is computed once (domain/arcs.ts playbackArcs): a year step then
// hands the layer the same arrays and a new year, so it uploads nothing and the page computes no class per arc.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MapController } from '../../adapters/maplibre/map-controller';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { AtlasView } from '../../domain/view';
import { useAtlas } from '../../state/runtime';
import { selectFilters } from '../../state/atlas-store';
import { playbackArcs } from '../../domain/arcs';
import { COLOURS } from '../../style/palette';
import type { Comparison } from '../../domain/compare';
import { arcClasses, useArcGeometry } from '../use-homes';

const PLAIN = [COLOURS.flow, COLOURS.flow, COLOURS.flow, COLOURS.flow] as const;
const COMPARED = [COLOURS.flow, COLOURS.compareA, COLOURS.compareB, COLOURS.compareShared] as const;

/** Fainter the more arcs there are (0.6 for a hundred, 0.08 for the national list's 40,000), so overlaps read as density. */
const arcAlpha = (count: number) => Math.min(0.6, Math.max(0.08, 6 / Math.sqrt(Math.max(1, count))));

/** `comparison`: the map's comparison of two homes (AtlasMap computes it once for the points and the arcs). */
export function useArcs(
  controller: MapController | null,
  mapReady: boolean,
  index: AtlasIndex,
  view: Pick<AtlasView, 'evaluation'>,
  comparison: Comparison | null,
): void {
  const shown = useAtlas((s) => s.flows);
  // Nothing is built while the lines are off: a playback year costs the arcs nothing then.
  const geometry = useArcGeometry(index, shown);
  const playYear = useAtlas((s) => s.playYear);
  const settings = useAtlas((s) => s.playbackSettings);
  const inPlayback = playYear !== null && !comparison;
  // The filters only for a playback with lines: else a filter change rendered the map a render ahead of its view
  // (with the old one) in the change's own task (issue 29).
  const filters = useAtlas(useShallow((s) => (geometry && inPlayback ? selectFilters(s) : null)));
  // Once per playback and filter change, not per year (null for the playbacks that need a class per arc per year).
  const byYear = useMemo(() => (geometry && filters ? playbackArcs(index, geometry, filters, settings) : null), [geometry, index, filters, settings]);
  const classes = useMemo(
    () => (geometry && !byYear ? arcClasses(geometry, view.evaluation, comparison) : null),
    [geometry, byYear, view.evaluation, comparison],
  );
  useEffect(() => {
    if (!mapReady || !controller) return;
    if (!shown || !geometry || !(classes || byYear)) {
      controller.setArcs(null);
      return;
    }
    const colours = comparison ? COMPARED : PLAIN;
    if (byYear && playYear !== null) {
      const year = byYear.yearShown(playYear);
      controller.setArcs({ geometry, arcClass: byYear.classes, arcYear: byYear.years, year, colours, alpha: arcAlpha(byYear.countAt(playYear)) });
      return;
    }
    if (!classes) return;
    let count = 0;
    for (const c of classes) if (c) count += 1;
    controller.setArcs({ geometry, arcClass: classes, colours, alpha: arcAlpha(count) });
  }, [controller, mapReady, shown, geometry, classes, byYear, playYear, comparison]);
}
