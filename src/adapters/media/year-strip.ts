// The year bars of an exported picture (PNG and video), on canvas: the same rectangles as the page's timeline
// (barRects), the years the picture counts in colour and the others in grey, the range marked with its first and last
// year, and in a video the years played so far in colour with the playback cursor.
import { barRects } from '../../domain/year-bars';
import type { RegionId } from '../../domain/schema';
import { REGION_COLOURS } from '../../style/palette';
import { EXPORT_FONT } from './footer';

export interface YearStrip {
  /** Agreements signed per year, by region, for every year drawn. */
  years: readonly { year: number; byRegion: Partial<Record<RegionId, number>>; total: number }[];
  /** The years the picture counts (the filters' year range); the others are drawn in grey. */
  range: readonly [number, number];
}

/** Bars the picture does not count: outside the range, or not played yet. */
export const OUTSIDE_RANGE = '#e2e8f0';
const RANGE_MARK = '#1e293b';

/**
 * Draws the strip in the box (CSS pixels) and returns the regions drawn in colour, for the legend. `position` is the
 * playback's years since the range's first year (the cursor), or null for a still.
 */
export function drawYearStrip(
  ctx: CanvasRenderingContext2D,
  box: { top: number; width: number; height: number; padding: number },
  strip: YearStrip,
  position: number | null,
): RegionId[] {
  const { top, width, height, padding } = box;
  const [from, to] = strip.range;
  const years = strip.years;
  const slot = (width - 2 * padding) / Math.max(1, years.length);
  const xOf = (year: number) => padding + (year - (years[0]?.year ?? from)) * slot;
  const barsTop = top + 8;
  const barsHeight = height - 26;
  const max = Math.max(1, ...years.map((y) => y.total));
  const y = (n: number) => barsTop + barsHeight - (n / max) * barsHeight;
  ctx.fillStyle = '#f1f5f9';
  ctx.fillRect(0, top, width, height);
  const partial = years.length > 0 && (from > years[0]!.year || to < years.at(-1)!.year);
  if (partial) {
    // The range counted: a lighter band behind its bars and a bar above them.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(xOf(from), top + 2, xOf(to + 1) - xOf(from), barsHeight + 8);
    ctx.fillStyle = RANGE_MARK;
    ctx.fillRect(xOf(from), top + 2, xOf(to + 1) - xOf(from), 3);
  }
  const shown = new Set<RegionId>();
  for (const bin of years) {
    const counted = bin.year >= from && bin.year <= to && (position === null || bin.year - from < position);
    for (const r of barRects(bin, xOf(bin.year) + 1, Math.max(1, slot - 2), y)) {
      if (counted) shown.add(r.region);
      ctx.fillStyle = counted ? REGION_COLOURS[r.region] : OUTSIDE_RANGE;
      ctx.fillRect(r.x, r.y, r.width, r.height);
    }
  }
  drawYearLabels(ctx, { top, height, slot, xOf }, strip, partial);
  if (position !== null) {
    const cursor = xOf(from) + Math.max(0, Math.min(to - from + 1, position)) * slot;
    ctx.fillStyle = '#dc2626';
    ctx.fillRect(cursor - 1, top + 2, 2, barsHeight + 8);
  }
  return [...shown];
}

/** The first and last years, the range's ends (bold) and every fifth year where there is room. */
function drawYearLabels(
  ctx: CanvasRenderingContext2D,
  { top, height, slot, xOf }: { top: number; height: number; slot: number; xOf: (year: number) => number },
  strip: YearStrip,
  partial: boolean,
): void {
  const years = strip.years.map((b) => b.year);
  if (years.length === 0) return;
  const ends = partial ? [strip.range[0], strip.range[1]] : [];
  const wanted = [...ends, years[0]!, years.at(-1)!, ...years.filter((year) => year % 5 === 0)];
  const placed: number[] = [];
  ctx.textAlign = 'center';
  for (const year of wanted) {
    const x = xOf(year) + slot / 2;
    if (placed.some((p) => Math.abs(p - x) < 34)) continue;
    placed.push(x);
    const end = ends.includes(year);
    ctx.font = `${end ? 700 : 400} 12px ${EXPORT_FONT}`;
    ctx.fillStyle = end ? RANGE_MARK : '#475569';
    ctx.fillText(String(year), x, top + height - 5);
  }
  ctx.textAlign = 'left';
}
