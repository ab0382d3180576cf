// PNG export of the current view (map + timeline + legend + title + source note) at 1× or 2×.
import type { Lang, RegionId } from '../../domain/schema';
import type { DatasetTexts } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import type { MapHandle } from '../../state/map-handle';
import { compose, mapComposition, timelineImage } from './compose';

export interface PngOptions {
  lang: Lang;
  texts: DatasetTexts;
  scale: 1 | 2;
  regionNames: Record<RegionId, string>;
  overlay: { year: string; detail: string } | null;
}

/** Renders the map at the export's pixel ratio, composes the picture and returns it as a PNG blob. */
export async function exportPng(map: MapHandle | null, options: PngOptions): Promise<Blob> {
  if (!map) throw new Error(t(options.lang, 'exportNoMap'));
  const svg = document.querySelector<SVGSVGElement>('[data-testid="timeline-chart"]');
  const timeline = await timelineImage(svg);
  const canvas = await map.capture(options.scale, (frame) => {
    const canvas = document.createElement('canvas');
    compose(canvas, {
      ...mapComposition(options.lang, options.texts, options.regionNames, frame),
      timeline,
      timelineHeight: svg ? svg.height.baseVal.value : 0,
      scale: options.scale,
      overlay: options.overlay,
    });
    return canvas;
  });
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t(options.lang, 'exportPngFailed')))), 'image/png'));
}
