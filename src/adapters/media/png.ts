// PNG export of the current view (map + timeline + legend + title + source note) at 1× or 2×.
import type { Lang, RegionId } from '../../domain/schema';
import { activeMap } from '../maplibre/map-registry';
import { compose, mapComposition, timelineImage } from './compose';

export interface PngOptions {
  lang: Lang;
  scale: 1 | 2;
  regionNames: Record<RegionId, string>;
  overlay: { year: string; detail: string } | null;
}

/** Renders the map at the export's pixel ratio, composes the picture and returns it as a PNG blob. */
export async function exportPng(options: PngOptions): Promise<Blob> {
  const controller = activeMap();
  if (!controller) throw new Error('The map is not available (no WebGL), so there is nothing to export.');
  const map = controller.map;
  const previousRatio = map.getPixelRatio();
  try {
    if (previousRatio !== options.scale) {
      map.setPixelRatio(options.scale);
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    }
    const svg = document.querySelector<SVGSVGElement>('[data-testid="timeline-chart"]');
    const timeline = await timelineImage(svg);
    const canvas = document.createElement('canvas');
    compose(canvas, {
      ...mapComposition(options.lang, options.regionNames, map),
      timeline,
      timelineHeight: svg ? svg.height.baseVal.value : 0,
      scale: options.scale,
      overlay: options.overlay,
    });
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    if (map.getPixelRatio() !== previousRatio) map.setPixelRatio(previousRatio);
  }
}
