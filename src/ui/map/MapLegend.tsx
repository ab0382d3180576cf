// The map's legend: what is drawn, and nothing else (AtlasMap.tsx shows it over the map).
import { memo } from 'react';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import type { MapLevel } from '../../adapters/maplibre/map-controller';

interface LegendProps {
  lang: Lang;
  level: MapLevel;
  pulsing: boolean;
  home: string;
  flows: boolean;
  /** A many-homes atlas: its lines are the arcs (one pixel, one per home and partner), not widths by agreements. */
  arcs: boolean;
  /** In a comparison, the names of homes A and B: the three colours of the partners and arcs are keyed. */
  compared: readonly [string, string] | null;
}

/**
 * What is drawn, and nothing else: the symbols of the level on screen, the home institution, the rings of the year,
 * the lines, and in a comparison the three colours of its partners. Memoised: the map renders with each view (and each
 * playback year), the legend only when what it names changes.
 */
export const MapLegend = memo(function MapLegend({ lang, level, pulsing, home, flows, arcs, compared }: LegendProps) {
  return (
    <div className="map-legend" data-testid="map-legend" data-level={level} aria-hidden="true">
      {level === 'country' ? (
        <span>
          <span className="legend-dot country" /> {t(lang, 'legendMarker')}
        </span>
      ) : (
        <>
          <span>
            <span className="legend-dot institution" /> {t(lang, 'legendInstitution')}
          </span>
          <span>
            <span className="legend-dot cluster" /> {t(lang, 'legendCluster')}
          </span>
        </>
      )}
      {pulsing && (
        <span>
          <span className="legend-dot ring" /> {t(lang, 'legendNewThisYear')}
        </span>
      )}
      <span data-testid="legend-home">
        <span className="legend-dot home" /> {home}
      </span>
      {flows && (
        <span data-testid="legend-flows">
          <span className="legend-line flow" /> {t(lang, arcs ? 'legendArcs' : 'legendFlows')}
        </span>
      )}
      {compared && (
        <span className="compare-legend" data-testid="legend-compare">
          <span className="compare-a">{t(lang, 'compareOnly', { home: compared[0] })}</span>
          <span className="compare-shared">{t(lang, 'compareShared')}</span>
          <span className="compare-b">{t(lang, 'compareOnly', { home: compared[1] })}</span>
        </span>
      )}
      {compared && level === 'institution' && <span data-testid="legend-compare-clusters">{t(lang, 'legendCompareClusters')}</span>}
    </div>
  );
});
