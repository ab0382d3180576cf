// The footer of an exported picture or video frame: the colours of the regions drawn in the year bars, then the source.
import { REGION_IDS, type RegionId } from '../../domain/schema';
import { REGION_COLOURS } from '../../style/palette';

/** The text face of every exported image (the page's own CJK font, then the system's). */
export const EXPORT_FONT = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

export interface FooterLayout {
  /** The footer's top edge, and the left and right edges of its content, in canvas pixels. */
  top: number;
  left: number;
  right: number;
  /** Text size in pixels; swatches and spacing follow it. */
  fontSize: number;
}

export function drawFooter(
  ctx: CanvasRenderingContext2D,
  { top, left, right, fontSize }: FooterLayout,
  /** The regions drawn in colour: only these are in the legend, in the bars' order. */
  regions: readonly RegionId[],
  regionNames: Record<RegionId, string>,
  sourceNote: string,
): void {
  const swatch = fontSize - 2;
  const baseline = top + 9 + fontSize;
  ctx.font = `400 ${fontSize}px ${EXPORT_FONT}`;
  let x = left;
  for (const region of REGION_IDS.filter((r) => regions.includes(r))) {
    ctx.fillStyle = REGION_COLOURS[region];
    ctx.fillRect(x, top + 12, swatch, swatch);
    ctx.fillStyle = '#374151';
    const label = regionNames[region];
    ctx.fillText(label, x + swatch + 4, baseline);
    x += swatch + 4 + ctx.measureText(label).width + 12;
  }
  ctx.textAlign = 'right';
  ctx.fillText(sourceNote, right, baseline);
  ctx.textAlign = 'left';
}
