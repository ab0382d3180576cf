// The one builder of an exported picture, for the PNG and for every video frame: the title and the filters, the map,
// the counts with their units (and the playback year) on a plate, rings on the partners new this year, the year bars
// with the range the picture counts marked (and the playback cursor), the legend of the regions drawn, and the source
// with its as-of date. Laid out in CSS pixels and drawn at `scale` (2 for a PNG at 2×, 1.5 for a 1080p frame).
import type { RegionId } from '../../domain/schema';
import type { MapHandle } from '../../state/map-handle';
import { COLOURS } from '../../style/palette';
import { drawFooter, EXPORT_FONT } from './footer';
import { drawYearStrip, type YearStrip } from './year-strip';

export type { YearStrip } from './year-strip';

/** Heights of the bands above and below the map, and the margin, in CSS pixels. */
export const PICTURE = { title: 64, timeline: 56, footer: 34, padding: 16 } as const;

const FONT = EXPORT_FONT;

/** The words of a picture that stay the same from frame to frame. */
export interface PictureTexts {
  title: string;
  /** The active filters in words (filtersLine). */
  filters: string;
  /** The source and its as-of date (sourceCredit). */
  sourceNote: string;
  regionNames: Record<RegionId, string>;
}

/** What the picture says of the moment it shows. */
export interface PictureState {
  /** The playback year, large on the plate; null for a still of the filtered view. */
  year: string | null;
  /** The counts with their units (a message). */
  counts: string;
  /** Partners new this year (a message), or null. */
  fresh: string | null;
  /** Partners new this year, in map CSS pixels. */
  rings: readonly { x: number; y: number }[];
  /** 0 when the year begins, 1 once its rings have finished growing. */
  ringPhase: number;
  /** Years since the strip's first year, for the playback cursor; null for a still. */
  position: number | null;
  /** Names written beside their places (the cities of a map framed on chosen countries), in map CSS pixels. */
  places: readonly PlaceLabel[];
  /**
   * The storyline's caption for this year (a video frame, a PNG at a playback year): the presentation's slide's words,
   * and the page's playback overlay's; else absent.
   */
  story?: string | null;
}

/** A place to name: its name and where it is. */
export type PlaceName = readonly [name: string, lng: number, lat: number];

/** Places where the map draws them now. */
export function projectPlaces(map: Pick<MapHandle, 'project'>, places: readonly PlaceName[]): PlaceLabel[] {
  return places.map(([name, lng, lat]) => ({ name, ...map.project(lng, lat) }));
}

export interface PlaceLabel {
  name: string;
  x: number;
  y: number;
}

export interface PictureLayout {
  /** The picture's width and the map's height, in CSS pixels. */
  width: number;
  mapHeight: number;
  /** Device pixels per CSS pixel. */
  scale: number;
}

/** The picture's height in CSS pixels for a map of `mapHeight`. */
export const pictureHeight = (mapHeight: number) => PICTURE.title + mapHeight + PICTURE.timeline + PICTURE.footer;

export function drawPicture(
  ctx: CanvasRenderingContext2D,
  layout: PictureLayout,
  map: CanvasImageSource,
  texts: PictureTexts,
  strip: YearStrip,
  state: PictureState,
): void {
  const { width: w, mapHeight, scale } = layout;
  const { padding } = PICTURE;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, pictureHeight(mapHeight));
  // Title bar: the title and the filters that made this network.
  ctx.fillStyle = '#1e293b';
  ctx.fillRect(0, 0, w, PICTURE.title);
  ctx.fillStyle = '#f8fafc';
  ctx.font = `700 22px ${FONT}`;
  ctx.fillText(texts.title, padding, 30, w - 2 * padding);
  ctx.font = `400 14px ${FONT}`;
  ctx.fillStyle = '#cbd5e1';
  ctx.fillText(texts.filters, padding, 52, w - 2 * padding);

  const mapTop = PICTURE.title;
  ctx.drawImage(map, 0, mapTop, w, mapHeight);
  drawRings(ctx, { top: mapTop, width: w, height: mapHeight }, state);
  drawPlaceNames(ctx, { top: mapTop, width: w, height: mapHeight }, state.places);
  drawPlate(ctx, w, mapTop, state);
  if (state.story) drawStory(ctx, { top: mapTop, width: w, height: mapHeight }, state.story);

  const stripTop = mapTop + mapHeight;
  const shown = drawYearStrip(ctx, { top: stripTop, width: w, height: PICTURE.timeline, padding }, strip, state.position);
  // Legend: the regions whose bars are drawn in colour, and nothing else; then the source and its as-of date.
  drawFooter(ctx, { top: stripTop + PICTURE.timeline, left: padding, right: w - padding, fontSize: 13 }, shown, texts.regionNames, texts.sourceNote);
}

/** The year's storyline caption along the map's foot, on a light band so that it reads over any land. */
function drawStory(ctx: CanvasRenderingContext2D, area: { top: number; width: number; height: number }, story: string): void {
  const { padding } = PICTURE;
  const bottom = area.top + area.height;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(0, bottom - 34, area.width, 34);
  ctx.fillStyle = '#111827';
  ctx.font = `600 17px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText(story, padding, bottom - 11, area.width - 2 * padding);
}

/** The counts (and the playback year) top right on the map, on a light plate so they read over any land. */
function drawPlate(ctx: CanvasRenderingContext2D, w: number, mapTop: number, state: PictureState): void {
  const { padding } = PICTURE;
  ctx.textAlign = 'right';
  ctx.font = `600 16px ${FONT}`;
  const lines = [state.counts, state.fresh].filter((x): x is string => x !== null);
  const yearHeight = state.year === null ? 0 : 64;
  const plateWidth = Math.max(150, ...lines.map((l) => ctx.measureText(l).width)) + 2 * padding;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(w - plateWidth - 8, mapTop + 8, plateWidth, yearHeight + 6 + 22 * lines.length);
  ctx.fillStyle = '#111827';
  if (state.year !== null) {
    ctx.font = `800 56px ${FONT}`;
    ctx.fillText(state.year, w - padding - 8, mapTop + 66);
  }
  ctx.font = `600 16px ${FONT}`;
  lines.forEach((line, i) => {
    ctx.fillText(line, w - padding - 8, mapTop + yearHeight + 28 + 22 * i);
  });
  ctx.textAlign = 'left';
}

/** The map's "new this year" rings (DOM markers on the page): growing and fading as the year begins, then faint. */
function drawRings(ctx: CanvasRenderingContext2D, area: { top: number; width: number; height: number }, state: PictureState): void {
  if (state.rings.length === 0) return;
  const phase = Math.max(0, Math.min(1, state.ringPhase));
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, area.top, area.width, area.height);
  ctx.clip();
  ctx.strokeStyle = COLOURS.highlight;
  ctx.lineWidth = 3;
  ctx.globalAlpha = 0.3 + 0.7 * (1 - phase);
  const radius = 5.5 + 16.5 * phase;
  for (const ring of state.rings) {
    ctx.beginPath();
    ctx.arc(ring.x, area.top + ring.y, radius, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * The names of the places drawn (the map names countries itself, but not the cities of a map framed on a country):
 * right of the place on a white halo, the most important first, none over another or off the map.
 */
function drawPlaceNames(ctx: CanvasRenderingContext2D, area: { top: number; width: number; height: number }, places: readonly PlaceLabel[]): void {
  if (places.length === 0) return;
  ctx.save();
  ctx.font = `600 13px ${FONT}`;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillStyle = '#1f2937';
  const taken: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const place of places) {
    const width = ctx.measureText(place.name).width;
    const box = { left: place.x + 9, right: place.x + 13 + width, top: area.top + place.y - 9, bottom: area.top + place.y + 8 };
    const inside = box.left >= 0 && box.right <= area.width && box.top >= area.top && box.bottom <= area.top + area.height;
    if (!inside || taken.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)) continue;
    taken.push(box);
    ctx.strokeText(place.name, box.left, area.top + place.y + 4.5);
    ctx.fillText(place.name, box.left, area.top + place.y + 4.5);
  }
  ctx.restore();
}
