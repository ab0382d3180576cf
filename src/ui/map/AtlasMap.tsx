// The map view: creates the MapLibre map once, feeds it the current model, shows a text-only tooltip.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CountryCount } from '../../domain/aggregate';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { AtlasView } from '../../domain/view';
import { basemapDetailZoom } from '../../domain/basemap';
import { framedPlace, resultBounds, type FramedPlace } from '../../domain/result-bounds';
import type { Lang } from '../../domain/schema';
import { keptHomesName } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import type { HoverTarget, MapController, MapLevel } from '../../adapters/maplibre/map-controller';
import type { Camera } from '../../adapters/maplibre/camera';
import { PHONE_QUERY } from '../../style/breakpoints';
import { afterNextPaint } from '../after-paint';
import type { MapModule } from './map-module';
import type { EarlyMap } from './early-map';
import { LaterMapPicture } from './MapPicture';
import { MapLegend } from './MapLegend';
import { focusedInstitutions, highlightPoints } from '../../domain/map-data';
import { createMapModelBuilder } from '../../domain/map-model';
import { useArcs } from './use-arcs';
import { useComparison } from '../use-homes';
import './atlas-map.css';

/** The share of the map's height a card may take on a phone (panels/card.css, .overlays: 0.45 of the map's 46vh). */
const PHONE_CARD_SHARE = 0.45;
/** The map's share of the window's height on a phone (atlas-map.css, .map-wrap: 46vh). */
const PHONE_MAP_SHARE = 0.46;

interface Props {
  lang: Lang;
  index: AtlasIndex;
  basemap: FeatureCollection;
  /** Institutions passing the filters, and their agreement counts. */
  view: Pick<AtlasView, 'passing' | 'tally' | 'evaluation'>;
  countryCounts: ReadonlyMap<string, CountryCount>;
  /** Partners new in the playback year: pulsed on the map. */
  newInstitutionIds: readonly string[];
  /** Camera from a shared link, used once when the map is created. */
  camera: { lng: number; lat: number; zoom: number } | null;
  onRendered(): void;
  onError(error: Error): void;
  /** The map once created, and null when it goes away: src/app hands it to the runtime's map slot. */
  onMap(controller: MapController | null): void;
  /** Settles once the first view is on screen: the map is created after it (see first-view.ts). */
  firstViewPainted: Promise<void>;
  /** MapLibre's module (map-module.ts): the page's loader, whose promise has often settled already. */
  loadMap(): Promise<MapModule>;
  /** The map started before hydration (early-map.ts), on a plain visit: taken over instead of creating one. */
  early?: EarlyMap;
}

export function AtlasMap(props: Props) {
  const { lang, index, basemap, view, countryCounts, newInstitutionIds, camera, onRendered, onError, onMap, firstViewPainted, loadMap, early } = props;
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [tooltip, setTooltip] = useState<{ target: HoverTarget; x: number; y: number } | null>(null);
  const [level, setLevel] = useState<MapLevel>('country');
  // The countries chosen (highlighted, framed) as the view the map draws was filtered with, as its search (below): read
  // from the store, a country click rendered the map with the old view and a model of two results (issue 29).
  const { countries, regions } = view.evaluation;
  const selected = useAtlas((s) => s.selected);
  const hovered = useAtlas((s) => s.hovered);
  const actions = useAtlasActions();
  const callbacks = useRef({ onRendered, onError, onMap });
  callbacks.current = { onRendered, onError, onMap };

  const showFlows = useAtlas((s) => s.flows);
  // A comparison of two homes (compare=A,B): its partner points and arcs in three colours, with their key in the legend.
  const compare = useAtlas((s) => s.compare);
  // The legend and the lines toggle name the homes on the map: a comparison's two, `home=`'s, or the whole network.
  const homeText = keptHomesName(lang, index.dataset, { homes: useAtlas((s) => s.homes), compare });
  const comparison = useComparison(index, compare, view.evaluation);
  const compareClass = comparison?.institutionClass ?? null;
  // What the map draws (src/domain/map-model.ts): the same model the video export hands the map for each year.
  // The early map's builder when there is one: the first model is then the one that map was created with.
  const [buildModel] = useState(() => early?.buildModel ?? createMapModelBuilder());
  const model = useMemo(
    () => buildModel({ index, lang, view, countryCounts, countries, selected, hovered, flows: showFlows, compareClass }),
    [buildModel, index, lang, view, countryCounts, countries, selected, hovered, showFlows, compareClass],
  );
  // The map is created with the current model in its style; later models go through update().
  const latestModel = useRef(model);
  latestModel.current = model;
  // The camera of a shared link, used once: the map is created once.
  const [startCamera] = useState<Camera | null>(() => (camera ? { center: [camera.lng, camera.lat], zoom: camera.zoom } : null));

  // Until the WebGL map has drawn, a picture of it stands in its place (MapPicture).
  const [drawn, setDrawn] = useState(false);
  // The picture follows the view until the WebGL map exists, and goes then: an SVG over a loading map kept software
  // compositing so busy (kiosk playback at 4×) that the map never finished loading. The map area's ocean colour
  // fills the moment between.
  const pictureProps = useRef({ basemap, model, camera: null as Camera | null });
  // The effects below act on the map: they run again once it exists (it is created after MapLibre has loaded).
  const [mapReady, setMapReady] = useState(false);
  useArcs(controller.current, mapReady, index, view, comparison);
  if (!mapReady) pictureProps.current = { basemap, model, camera: startCamera };

  // Created once, when MapLibre has loaded (it is not in the first view's code) and the first view is on screen;
  // destroyed on unmount. Everything later goes through controller.update().
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let created: MapController | null = null;
    let cancelled = false;
    const mapCallbacks = {
      // A click acts on what the tooltip described, and the tooltip goes: the view under it changes.
      onCountryClick: (code: string, additive: boolean) => {
        setTooltip(null);
        if (additive) actions.toggleCountry(code);
        else actions.selectCountry(code);
      },
      onInstitutionClick: (id: string) => {
        setTooltip(null);
        actions.select(id);
      },
      onHover: (target: HoverTarget | null, x: number, y: number) => setTooltip(target ? { target, x, y } : null),
      onRendered: () => {
        setDrawn(true);
        callbacks.current.onRendered();
      },
      onLevelChange: setLevel,
    };
    // The map started before hydration, else one made now, after the first view has been painted: creating the map
    // holds the main thread (see first-view.ts).
    const making =
      early?.take(element, mapCallbacks) ??
      Promise.all([loadMap(), firstViewPainted]).then(([{ MapController }]) =>
        cancelled ? null : new MapController(element, basemap, latestModel.current, mapCallbacks, startCamera ?? undefined),
      );
    making.then(
      (map) => {
        if (!map) return;
        if (cancelled) {
          map.destroy();
          return;
        }
        created = map;
        created.onMapError((message) => console.warn('map error', message));
        controller.current = created;
        // The early map's first model was the page's at hydration; anything since is drawn now.
        created.update(latestModel.current);
        setLevel(created.level());
        setMapReady(true);
        callbacks.current.onMap(created);
      },
      (error: unknown) => {
        if (!cancelled) callbacks.current.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      cancelled = true;
      if (!created) return;
      controller.current = null;
      callbacks.current.onMap(null);
      created.destroy();
    };
  }, [basemap, actions, startCamera, firstViewPainted, loadMap, early]);

  // While playing, the map moves with the counts, frame by frame. Otherwise the words answer first: a search or a
  // filter paints the counts and the list in this frame, and the map (its data, and a frame of software GL that can
  // take 0.2 s) follows in the next. A newer model before then replaces the pending one (typing).
  const playing = useAtlas((s) => s.playYear !== null);
  useEffect(() => {
    const c = controller.current;
    if (!c) return;
    if (playing) {
      c.update(model);
      return;
    }
    return afterNextPaint(() => c.update(model));
  }, [model, playing]);

  const pulse = useMemo(() => highlightPoints(newInstitutionIds.map((id) => index.institutionsById.get(id))), [index, newInstitutionIds]);
  useEffect(() => {
    if (mapReady) controller.current?.pulse(pulse);
  }, [pulse, mapReady]);

  // Selecting countries (or else regions) frames their institutions; clearing returns to the opening view.
  // Else a search frames its results: the search the view was filtered with, not the store's query (a keystroke's own
  // render, before the settled view follows, framed the old results: ~17 ms of a profiled keystroke). Keyed by the
  // box itself, so a keystroke that keeps the box keeps the camera.
  const focus = useMemo(() => focusedInstitutions(index, countries, regions), [index, countries, regions]);
  const searchFramed = focus.length === 0 && view.evaluation.query !== null;
  const frame = useMemo(() => {
    if (focus.length)
      return resultBounds(
        focus,
        focus.map((_, i) => i),
      );
    return searchFramed ? resultBounds(index.dataset.institutions, view.passing) : null;
  }, [index, focus, searchFramed, view.passing]);
  // What a search frames, named on the map: the basemap draws no city names, and a single place is one cluster.
  const framed = useMemo(() => (searchFramed ? framedPlace(index.dataset.institutions, view.passing) : null), [index, searchFramed, view.passing]);
  // No closer than the basemap's borders can be drawn (issue 26: "Paris" filled the map with one jagged polygon).
  const detailZoom = useMemo(() => basemapDetailZoom(basemap), [basemap]);
  const frameKey = frame ? frame.map((x) => x.toFixed(3)).join(',') : '';
  const frameRef = useRef(frame);
  frameRef.current = frame;
  const firstFocus = useRef(true);
  useEffect(() => {
    const c = controller.current;
    if (!c || !mapReady) return;
    if (firstFocus.current) {
      firstFocus.current = false;
      if (!frameKey) return;
    }
    const box = frameRef.current;
    // After the frame that shows the counts and the list, as the map's data (above).
    return afterNextPaint(() => {
      if (!box) c.resetCamera();
      else
        c.fitCountries(
          [
            [box[0], box[1]],
            [box[2], box[3]],
          ],
          detailZoom,
        );
    });
  }, [frameKey, mapReady, detailZoom]);

  // A tooltip follows the mouse; a touch anywhere, a press outside the map or Escape dismisses it (a phone has no
  // mouse to move away, and a tooltip left behind covers the map). Listening from the layout phase: an Escape
  // pressed as soon as the tooltip shows (a busy machine runs passive effects late) still finds the listener.
  const showingTooltip = tooltip !== null;
  useLayoutEffect(() => {
    if (!showingTooltip) return;
    const onPointer = (e: PointerEvent) => {
      const onMap = e.target instanceof Node && !!container.current?.contains(e.target);
      if (e.pointerType !== 'mouse' || !onMap) setTooltip(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setTooltip(null);
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [showingTooltip]);

  // Selecting an institution (from the list or a link) brings it into view. On a phone its card covers the top of
  // the map (panels/card.css, .overlays), so the place goes below the middle, where the student sees where the city is.
  useEffect(() => {
    const inst = selected ? index.institutionsById.get(selected) : undefined;
    // Chosen from the list, the map is on a hidden tab (no height yet): it will have the phone layout's 46vh.
    const mapHeight = container.current?.clientHeight || innerHeight * PHONE_MAP_SHARE;
    const below = matchMedia(PHONE_QUERY).matches ? mapHeight * PHONE_CARD_SHARE * 0.55 : 0;
    if (inst && mapReady) controller.current?.flyToPoint(inst.lng, inst.lat, below);
  }, [selected, index, mapReady]);

  return (
    <div className="map-wrap">
      <section ref={container} className="map" data-testid="map" aria-label={t(lang, 'mapLabel')} />
      {!drawn && !mapReady && <LaterMapPicture {...pictureProps.current} />}
      {tooltip && <MapTooltip lang={lang} index={index} counts={countryCounts} agreementCounts={view.tally.agreements} {...tooltip} />}
      {framed && mapReady && <FramedCaption lang={lang} index={index} place={framed} />}
      {/* The legend and the lines switch share the map's foot: a long legend wraps beside the switch, never under it. */}
      <div className="map-foot">
        <MapLegend
          lang={lang}
          level={level}
          pulsing={newInstitutionIds.length > 0}
          home={homeText}
          flows={showFlows}
          arcs={index.homes.length > 1}
          compared={comparison ? [index.homes[comparison.a]?.name[lang] ?? '', index.homes[comparison.b]?.name[lang] ?? ''] : null}
        />
        <FlowToggle lang={lang} on={showFlows} home={homeText} arcs={index.homes.length > 1} onChange={actions.setFlows} />
      </div>
    </div>
  );
}

/** Names the one city or country a search framed. */
function FramedCaption({ lang, index, place }: { lang: Lang; index: AtlasIndex; place: NonNullable<FramedPlace> }) {
  const country = index.countriesByCode.get(place.country)?.name[lang] ?? place.country;
  return (
    <p className="map-framed" data-testid="map-framed">
      {place.kind === 'city'
        ? t(lang, 'mapFramedCity', { city: (lang === 'ja' && place.city.ja) || place.city.en, country })
        : t(lang, 'mapFramedCountry', { country })}
    </p>
  );
}

/**
 * Shows or hides the lines from home to the partner cities (`flows=1`). Memoised: React 19 rewrites an input's
 * attributes whenever it renders it, and the map renders once per playback year.
 */
const FlowToggle = memo(function FlowToggle({
  lang,
  on,
  home,
  arcs,
  onChange,
}: {
  lang: Lang;
  on: boolean;
  home: string;
  arcs: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label className="flow-toggle" title={arcs ? t(lang, 'arcsHint') : t(lang, 'flowLinesHint', { home })}>
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="flows-toggle" />
      {t(lang, 'flowLines', { home })}
    </label>
  );
});

function MapTooltip({
  lang,
  index,
  counts,
  agreementCounts,
  target,
  x,
  y,
}: {
  lang: Lang;
  index: AtlasIndex;
  counts: ReadonlyMap<string, CountryCount>;
  agreementCounts: Int32Array;
  target: HoverTarget;
  x: number;
  y: number;
}) {
  let title = '';
  let detail = '';
  if (target.kind === 'country') {
    const c = counts.get(target.code);
    title = index.countriesByCode.get(target.code)?.name[lang] ?? target.code;
    detail = t(lang, 'countryTooltip', { agreements: c?.agreements ?? 0, institutions: c?.institutions ?? 0 });
  } else if (target.kind === 'institution') {
    const inst = index.institutionsById.get(target.id);
    title = inst?.name[lang] ?? target.id;
    const n = agreementCounts[index.institutionNoById.get(target.id) ?? -1] ?? 0;
    detail = inst ? t(lang, 'institutionTooltip', { city: lang === 'ja' && inst.city.ja ? inst.city.ja : inst.city.en, n }) : t(lang, 'agreementsCount', { n });
  } else {
    title = t(lang, 'clusterTooltipCount', { n: target.count });
  }
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: x + 12, top: y + 12 }} data-testid="map-tooltip">
      <strong>{title}</strong>
      {detail && <span>{detail}</span>}
    </div>
  );
}
