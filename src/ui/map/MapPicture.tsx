// The map as a picture, drawn by the first render while MapLibre downloads and starts (issue 16): the same camera,
// Web Mercator projection, tinted partner countries, country markers laid out as the WebGL map lays them out
// (marker-layout.ts) and the home institution. When the WebGL map has drawn, it takes the picture's place without
// moving anything. Not interactive: it is there to be looked at for the few seconds before the map is.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Camera } from '../../adapters/maplibre/camera';
import { homeLongitude, INSTITUTION_ZOOM, openingCamera } from '../../adapters/maplibre/camera';
import type { MapModel } from '../../domain/map-model';
import { homeObstacles, layoutZoomOf, project, spreadMarkers, worldSize } from '../../adapters/maplibre/marker-layout';
import { COLOURS } from '../../style/palette';
import { Later } from '../hydrate-later';
import './map-picture.css';

interface Props {
  basemap: FeatureCollection;
  /** What the map draws (src/domain/map-model.ts): the picture draws its country level. */
  model: Pick<MapModel, 'countryMarkers' | 'home' | 'partnerFillIds' | 'selectedFillIds'>;
  /** The camera the WebGL map will open with (a shared link's), or null for the opening view. */
  camera: Camera | null;
}

/** SVG path data for a polygon geometry, in pixels (rounded to a tenth: ~30% shorter strings, invisible). */
function pathOf(geometry: Geometry, toPixel: (p: Position) => [number, number]): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let d = '';
  for (const polygon of polygons)
    for (const ring of polygon) {
      ring.forEach((p, i) => {
        const [x, y] = toPixel(p);
        d += `${i ? 'L' : 'M'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
      });
      d += 'Z';
    }
  return d;
}

/**
 * The picture, hydrated after the map's component (../hydrate-later.tsx): on a plain visit the WebGL map is created
 * first and the picture, gone then, is never drawn (the prerendered HTML's ocean fills the area until the map draws).
 */
export function LaterMapPicture(props: Props) {
  return (
    <Later>
      <MapPicture {...props} />
    </Later>
  );
}

export function MapPicture({ basemap, model, camera }: Props) {
  const { countryMarkers, home, partnerFillIds, selectedFillIds } = model;
  const svg = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Measured before the first paint, so the picture is there in the first frame, and again when the panels around
  // the map settle: the WebGL map follows its area's size the same way.
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      setSize((previous) => (previous && previous.width === box.width && previous.height === box.height ? previous : { width: box.width, height: box.height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The projection and the land's outlines change only with the map area's size (and the list's home): not with the filters or the year.
  const homeLng = homeLongitude(home);
  const projection = useMemo(() => {
    if (!size || size.width === 0 || size.height === 0) return null;
    const { center, zoom } = camera ?? openingCamera(size.width, size.height, homeLng);
    const world = worldSize(zoom);
    const [cx, cy] = project(center[0], center[1], world);
    const toPixel = (p: Position, shift = 0): [number, number] => {
      const [x, y] = project(p[0]! + shift, p[1]!, world);
      return [x - cx + size.width / 2, y - cy + size.height / 2];
    };
    // MapLibre draws world copies: so does the picture, where they show.
    const shifts = [-360, 0, 360].filter((shift) => {
      const [left] = toPixel([-180, 0], shift);
      const [right] = toPixel([540, 0], shift);
      return right > 0 && left < size.width;
    });
    const outlines = shifts.flatMap((shift) =>
      basemap.features.map((f, i) => ({ key: `${shift}:${i}`, id: String(f.id ?? f.properties?.id ?? ''), d: pathOf(f.geometry, (p) => toPixel(p, shift)) })),
    );
    return { zoom, toPixel, shifts, outlines, width: size.width, height: size.height };
  }, [size, camera, basemap, homeLng]);

  const picture = useMemo(() => {
    if (!projection) return null;
    const { zoom, toPixel, shifts, outlines, width, height } = projection;
    const partner = new Set(partnerFillIds);
    const selected = new Set(selectedFillIds);
    const land = outlines.map((o) => ({ ...o, fill: selected.has(o.id) ? COLOURS.landSelected : partner.has(o.id) ? COLOURS.landPartner : COLOURS.land }));
    // Country markers only at world zoom: the WebGL map shows institutions from INSTITUTION_ZOOM on.
    const layout = zoom < INSTITUTION_ZOOM ? spreadMarkers(countryMarkers, layoutZoomOf(zoom), homeObstacles(home, 12, layoutZoomOf(zoom))) : null;
    const onScreen = ([x, y]: [number, number], margin: number) => x > -margin && x < width + margin && y > -margin && y < height + margin;
    const markers = (layout?.markers.features ?? [])
      .filter((f) => f.properties.count > 0)
      .flatMap((f) => shifts.map((shift) => ({ key: `${shift}:${f.properties.code}`, at: toPixel(f.geometry.coordinates, shift), f })))
      .filter((m) => onScreen(m.at, m.f.properties.radius));
    const leaders = (layout?.leaders.features ?? []).flatMap((f) =>
      shifts.map((shift) => ({
        key: `${shift}:${f.properties.code}`,
        from: toPixel(f.geometry.coordinates[0]!, shift),
        to: toPixel(f.geometry.coordinates[1]!, shift),
      })),
    );
    const homes = home.features
      .flatMap((f) => shifts.map((shift) => ({ key: String(shift), at: toPixel(f.geometry.coordinates, shift), label: f.properties.label })))
      .filter((h) => onScreen(h.at, 200));
    return { land, markers, leaders, homes };
  }, [projection, countryMarkers, home, partnerFillIds, selectedFillIds]);

  return (
    <svg ref={svg} className="map-picture" width={size?.width} height={size?.height} aria-hidden="true" data-testid="map-picture">
      <rect width="100%" height="100%" fill={COLOURS.ocean} />
      {picture && (
        <>
          <g stroke={COLOURS.border} strokeWidth={0.5}>
            {picture.land.map((p) => (
              <path key={p.key} d={p.d} fill={p.fill} />
            ))}
          </g>
          <g stroke={COLOURS.marker} strokeOpacity={0.7}>
            {picture.leaders.map((l) => (
              <line key={l.key} x1={l.from[0]} y1={l.from[1]} x2={l.to[0]} y2={l.to[1]} />
            ))}
          </g>
          {picture.markers.map(({ key, at, f }) => (
            <g key={key} transform={`translate(${at[0]},${at[1]})`} data-testid={`picture-marker-${f.properties.code}`}>
              <circle
                r={f.properties.radius}
                fill={f.properties.selected ? COLOURS.markerSelected : COLOURS.marker}
                fillOpacity={f.properties.dimmed ? 0.35 : 0.85}
                stroke={COLOURS.markerStroke}
                strokeWidth={1.2}
              />
              <text textAnchor="middle" dy="0.35em" fontSize={11} fill="#fff">
                {/* As the WebGL map's labels write it (layers.ts: to-string). */}
                {String(f.properties.count)}
              </text>
            </g>
          ))}
          {picture.homes.map(({ key, at, label }) => (
            <g key={key} transform={`translate(${at[0]},${at[1]})`}>
              <circle r={7} fill={COLOURS.home} stroke="#fff" strokeWidth={2} />
              <text x={11} dy="0.35em" fontSize={12} fill={COLOURS.home} stroke={COLOURS.textHalo} strokeWidth={3} paintOrder="stroke">
                {label}
              </text>
            </g>
          ))}
        </>
      )}
    </svg>
  );
}
