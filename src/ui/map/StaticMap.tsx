// The fallback map when WebGL is unavailable: an SVG of the whole world (d3-geo, Natural Earth: no camera to follow)
// with the map model's country markers, sized by the WebGL map's radius formula.
import { geoNaturalEarth1, geoPath } from 'd3';
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CountryCount } from '../../domain/aggregate';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { Lang } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';
import { COLOURS } from '../../style/palette';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { MARKER_RADIUS_STOPS, markerRadius } from '../../adapters/maplibre/marker-layout';
import './static-map.css';
import { countryMarkers, markerSizeScale } from '../../domain/map-data';

const WIDTH = 960;
const HEIGHT = 480;
/** Pacific-centred, like the WebGL map. */
const ROTATION: [number, number] = [-150, 0];
/** The zoom the markers are sized for: the last of the radius stops, where they have their full size. */
const STATIC_ZOOM = MARKER_RADIUS_STOPS[MARKER_RADIUS_STOPS.length - 1]!.zoom;

interface Props {
  lang: Lang;
  index: AtlasIndex;
  world: FeatureCollection;
  countryCounts: ReadonlyMap<string, CountryCount>;
}

export function StaticMap({ lang, index, world, countryCounts }: Props) {
  const countries = useAtlas((s) => s.countries);
  const selectCountry = useAtlasActions().selectCountry;
  const projection = useMemo(() => geoNaturalEarth1().rotate(ROTATION).fitSize([WIDTH, HEIGHT], { type: 'Sphere' }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  // biome-ignore lint/suspicious/noArrayIndexKey: the basemap's features never change order, and some have no id
  const land = useMemo(() => world.features.map((f, i) => <path key={i} d={path(f) ?? ''} />), [world, path]);
  // The map model's country markers (src/domain/map-data.ts), as the WebGL map and its picture draw them.
  const sizeScale = useMemo(() => markerSizeScale(index), [index]);
  const markers = useMemo(
    () =>
      countryMarkers(index, countryCounts, countries, lang, sizeScale)
        .features.map((f) => ({ ...f.properties, at: projection(f.geometry.coordinates as [number, number]) }))
        .filter((m) => m.count > 0 && m.at)
        .sort((a, b) => b.count - a.count),
    [index, countryCounts, countries, lang, projection, sizeScale],
  );
  const homes = index.dataset.homes.flatMap((h) => {
    const at = projection([h.lng, h.lat]);
    return at ? [{ id: h.id, at, label: t(lang, 'homeLegend', { name: h.name[lang], city: h.city[lang] ?? h.city.en }) }] : [];
  });
  return (
    // A group, not an image: its markers are buttons (an img's children are hidden from screen readers, and a
    // button inside an img is "nested-interactive"). Each marker's name says the country and its count.
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group names the markers' map
    <svg className="static-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={t(lang, 'staticMapLabel')} data-testid="static-map">
      <path d={path({ type: 'Sphere' }) ?? ''} fill={COLOURS.ocean} />
      <g fill={COLOURS.land} stroke={COLOURS.border} strokeWidth={0.4}>
        {land}
      </g>
      {homes.map((home) => (
        <circle key={home.id} cx={home.at[0]} cy={home.at[1]} r={5} fill={COLOURS.home} stroke="#fff" strokeWidth={1.5}>
          <title>{home.label}</title>
        </circle>
      ))}
      {markers.map(({ code, name, count, size, at, selected, dimmed }) => {
        // The WebGL map's radius formula (marker-layout.ts), at the zoom its markers reach full size.
        const r = markerRadius(size, STATIC_ZOOM, 1, count);
        const label = t(lang, 'staticMarkerLabel', { country: name, n: count });
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>; role and keys make it one
          <g
            key={code}
            transform={`translate(${at![0]},${at![1]})`}
            className="static-marker"
            role="button"
            tabIndex={0}
            aria-label={label}
            aria-pressed={selected}
            onClick={() => selectCountry(code)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), selectCountry(code))}
            data-testid={`static-marker-${code}`}
          >
            <title>{label}</title>
            <circle r={r} fill={selected ? COLOURS.markerSelected : COLOURS.marker} fillOpacity={dimmed ? 0.35 : 0.85} stroke="#fff" />
            <text textAnchor="middle" dy="0.35em" fontSize={10} fill="#fff">
              {formatNumber(lang, count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
