// One frame of the playback video: title and filters, the map, the year with running counts, the rings on the
// partners new this year, a timeline strip with its cursor, and the legend, drawn at an exact pixel size.
import type { RegionId } from '../../domain/schema';
import { stackedSegments } from '../../domain/year-bars';
import { COLOURS, REGION_COLOURS } from '../../style/palette';
import { drawFooter, EXPORT_FONT } from './footer';
import type { AtlasStoreApi } from '../../state/atlas-store';
import type { MapHandle } from '../../state/map-handle';
import type { PlaybackController } from '../../state/playback-controller';

/** Frames are laid out on a 1280×720 grid and drawn scaled to the video's size (1.5× for 1080p). */
export const DESIGN = { width: 1280, height: 720, title: 64, timeline: 56, footer: 34, padding: 16 } as const;
/** The map's area in design pixels; at 1.5× it is exactly 1920×849 device pixels. */
export const MAP_AREA = { width: DESIGN.width, height: DESIGN.height - DESIGN.title - DESIGN.timeline - DESIGN.footer } as const;

const FONT = EXPORT_FONT;

/** What the page shows for one playback year, from the same view the page draws. */
export interface YearFrame {
  year: string;
  counts: string;
  fresh: string | null;
  /** Partners new this year: [lng, lat]. */
  points: readonly (readonly [number, number])[];
}

export interface VideoRuntime {
  map: MapHandle | null;
  playback: PlaybackController;
  store: AtlasStoreApi;
}

export interface FrameTexts {
  title: string;
  /** The active filters in words (filtersLine). */
  filters: string;
  sourceNote: string;
  regionNames: Record<RegionId, string>;
}

/** What changes from frame to frame. */
export interface FrameState {
  year: string;
  /** Running counts with their units (a message). */
  counts: string;
  /** Partners new this year (a message), or null when there are none. */
  fresh: string | null;
  /** Partners new this year, in map CSS pixels. */
  rings: { x: number; y: number }[];
  /** 0 when the year begins, 1 once its rings have finished growing. */
  ringPhase: number;
  /** Years since the range's first year, for the timeline cursor (0..years.length). */
  position: number;
}

export interface TimelineStrip {
  /** Agreements signed per year of the range, by region. */
  years: { year: number; byRegion: Partial<Record<RegionId, number>>; total: number }[];
}

export function drawVideoFrame(
  ctx: CanvasRenderingContext2D,
  scale: number,
  map: CanvasImageSource,
  texts: FrameTexts,
  strip: TimelineStrip,
  state: FrameState,
): void {
  const { width: w, height: h, padding } = DESIGN;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  // Title bar: the title and the filters that made this network.
  ctx.fillStyle = '#1e293b';
  ctx.fillRect(0, 0, w, DESIGN.title);
  ctx.fillStyle = '#f8fafc';
  ctx.font = `700 22px ${FONT}`;
  ctx.fillText(texts.title, padding, 30);
  ctx.font = `400 14px ${FONT}`;
  ctx.fillStyle = '#cbd5e1';
  ctx.fillText(texts.filters, padding, 52);

  const mapTop = DESIGN.title;
  ctx.drawImage(map, 0, mapTop, MAP_AREA.width, MAP_AREA.height);
  drawRings(ctx, mapTop, state);

  // The year and the running counts, top right on the map, on a light plate so they read over any land.
  ctx.textAlign = 'right';
  ctx.font = `600 16px ${FONT}`;
  const lines = [state.counts, state.fresh].filter((x): x is string => x !== null);
  const plateWidth = Math.max(150, ...lines.map((l) => ctx.measureText(l).width)) + 2 * padding;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.82)';
  ctx.fillRect(w - plateWidth - 8, mapTop + 8, plateWidth, 70 + 22 * lines.length);
  ctx.fillStyle = '#111827';
  ctx.font = `800 56px ${FONT}`;
  ctx.fillText(state.year, w - padding - 8, mapTop + 66);
  ctx.font = `600 16px ${FONT}`;
  lines.forEach((line, i) => {
    ctx.fillText(line, w - padding - 8, mapTop + 92 + 22 * i);
  });
  ctx.textAlign = 'left';

  drawTimeline(ctx, mapTop + MAP_AREA.height, strip, state.position);

  // Legend (the timeline's bar colours) and the source note.
  drawFooter(ctx, { top: DESIGN.height - DESIGN.footer, left: padding, right: w - padding, fontSize: 13 }, texts.regionNames, texts.sourceNote);
}

/** The map's "new this year" rings (DOM markers on the page): growing and fading as the year begins, then faint. */
function drawRings(ctx: CanvasRenderingContext2D, mapTop: number, state: FrameState): void {
  const phase = Math.max(0, Math.min(1, state.ringPhase));
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, mapTop, MAP_AREA.width, MAP_AREA.height);
  ctx.clip();
  ctx.strokeStyle = COLOURS.highlight;
  ctx.lineWidth = 3;
  ctx.globalAlpha = 0.3 + 0.7 * (1 - phase);
  const radius = 5.5 + 16.5 * phase;
  for (const ring of state.rings) {
    ctx.beginPath();
    ctx.arc(ring.x, mapTop + ring.y, radius, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

/** Bars of agreements per year (stacked by region), the years played so far in full colour, and the cursor. */
function drawTimeline(ctx: CanvasRenderingContext2D, top: number, strip: TimelineStrip, position: number): void {
  const { padding } = DESIGN;
  const left = padding;
  const width = DESIGN.width - 2 * padding;
  const barsTop = top + 6;
  const barsHeight = DESIGN.timeline - 24;
  const years = strip.years;
  const slot = width / Math.max(1, years.length);
  const max = Math.max(1, ...years.map((y) => y.total));
  ctx.fillStyle = '#f1f5f9';
  ctx.fillRect(0, top, DESIGN.width, DESIGN.timeline);
  years.forEach((bin, i) => {
    const played = i < position;
    const base = barsTop + barsHeight;
    for (const { region, bottom, top } of stackedSegments(bin)) {
      const height = ((top - bottom) / max) * barsHeight;
      ctx.fillStyle = played ? REGION_COLOURS[region] : '#cbd5e1';
      ctx.fillRect(left + i * slot + 1, base - (top / max) * barsHeight, Math.max(1, slot - 2), height);
    }
  });
  ctx.fillStyle = '#475569';
  ctx.font = `400 11px ${FONT}`;
  ctx.textAlign = 'center';
  years.forEach((bin, i) => {
    if (i === 0 || i === years.length - 1 || bin.year % 5 === 0) ctx.fillText(String(bin.year), left + (i + 0.5) * slot, top + DESIGN.timeline - 5);
  });
  ctx.textAlign = 'left';
  const cursor = left + Math.max(0, Math.min(years.length, position)) * slot;
  ctx.fillStyle = '#dc2626';
  ctx.fillRect(cursor - 1, top + 2, 2, barsHeight + 8);
}
