// Draws the exported picture: title, map, timeline, legend and source note, on one canvas.
import type { Lang } from '../../domain/schema';
import type { DatasetTexts } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import type { MapFrame } from '../../state/map-handle';
import { drawFooter, EXPORT_FONT } from './footer';
import type { RegionId } from '../../domain/schema';

export const LAYOUT = { title: 64, footer: 34, padding: 16 } as const;

export interface ComposeInput {
  lang: Lang;
  title: string;
  subtitle: string;
  sourceNote: string;
  regionNames: Record<RegionId, string>;
  map: HTMLCanvasElement;
  /** Size of the map in CSS pixels (the canvas may be larger on high-density screens). */
  mapWidth: number;
  mapHeight: number;
  timeline: HTMLImageElement | null;
  timelineHeight: number;
  scale: number;
  /** Optional large label drawn on the map (the playback year and running total). */
  overlay?: { year: string; detail: string } | null;
}

/** The parts of a composition that come from the dataset's texts and the map's frame: title, notes, canvas and size. */
export function mapComposition(
  lang: Lang,
  texts: Pick<DatasetTexts, 'title' | 'subtitle' | 'sourceNote'>,
  regionNames: Record<RegionId, string>,
  frame: MapFrame,
) {
  return {
    lang,
    title: texts.title,
    subtitle: texts.subtitle,
    sourceNote: texts.sourceNote,
    regionNames,
    map: frame.canvas,
    mapWidth: frame.width,
    mapHeight: frame.height,
  };
}

export function exportSize(mapWidth: number, mapHeight: number, timelineHeight: number, scale: number) {
  return { width: Math.round(mapWidth * scale), height: Math.round((LAYOUT.title + mapHeight + timelineHeight + LAYOUT.footer) * scale) };
}

const FONT = EXPORT_FONT;

export function compose(canvas: HTMLCanvasElement, input: ComposeInput): void {
  const { width, height } = exportSize(input.mapWidth, input.mapHeight, input.timelineHeight, input.scale);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t(input.lang, 'exportNoCanvas'));
  ctx.setTransform(input.scale, 0, 0, input.scale, 0, 0);
  const w = input.mapWidth;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, height / input.scale);
  ctx.fillStyle = '#1e293b';
  ctx.fillRect(0, 0, w, LAYOUT.title);
  ctx.fillStyle = '#f8fafc';
  ctx.font = `700 22px ${FONT}`;
  ctx.fillText(input.title, LAYOUT.padding, 30);
  ctx.font = `400 13px ${FONT}`;
  ctx.fillStyle = '#cbd5e1';
  ctx.fillText(input.subtitle, LAYOUT.padding, 52);
  ctx.drawImage(input.map, 0, LAYOUT.title, input.mapWidth, input.mapHeight);
  if (input.overlay) {
    ctx.textAlign = 'right';
    ctx.fillStyle = '#111827';
    ctx.font = `800 56px ${FONT}`;
    ctx.fillText(input.overlay.year, w - LAYOUT.padding, LAYOUT.title + 64);
    ctx.font = `600 16px ${FONT}`;
    ctx.fillText(input.overlay.detail, w - LAYOUT.padding, LAYOUT.title + 88);
    ctx.textAlign = 'left';
  }
  const timelineTop = LAYOUT.title + input.mapHeight;
  if (input.timeline) ctx.drawImage(input.timeline, 0, timelineTop, input.mapWidth, input.timelineHeight);
  // Legend and source note in the footer.
  drawFooter(
    ctx,
    { top: timelineTop + input.timelineHeight, left: LAYOUT.padding, right: w - LAYOUT.padding, fontSize: 12 },
    input.regionNames,
    input.sourceNote,
  );
}

/** The timeline SVG as an image: computed text styles are copied inline, since CSS does not travel with it. */
export async function timelineImage(svg: SVGSVGElement | null): Promise<HTMLImageElement | null> {
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sourceTexts = svg.querySelectorAll('text');
  clone.querySelectorAll('text').forEach((node, i) => {
    const style = getComputedStyle(sourceTexts[i]!);
    node.setAttribute('fill', style.fill);
    node.setAttribute('font-size', style.fontSize);
    node.setAttribute('font-weight', style.fontWeight);
    node.setAttribute('font-family', style.fontFamily);
  });
  for (const g of clone.querySelectorAll('.brush')) g.remove();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const blob = new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}
