// PNG export of the current view at 1× or 2×: the one picture builder (picture.ts) around the map as it is on the
// page, saying what it shows: title, filters, counts with units, the year range marked on its bars, the legend of the
// regions drawn, the source and its as-of date.
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import type { MapHandle } from '../../state/map-handle';
import { drawPicture, pictureHeight, projectPlaces, type PictureState, type PictureTexts, type PlaceName, type YearStrip } from './picture';

export interface PngOptions {
  lang: Lang;
  scale: 1 | 2;
  texts: PictureTexts;
  strip: YearStrip;
  /** The counts (and the playback year and its story line while playing); no rings and no cursor in a still. */
  state: Pick<PictureState, 'year' | 'counts' | 'fresh' | 'story'>;
  /** Places to name on the map: [name, lng, lat], most important first. */
  places: readonly PlaceName[];
}

/** Renders the map at the export's pixel ratio, draws the picture and returns it as a PNG blob. */
export async function exportPng(map: MapHandle | null, options: PngOptions): Promise<Blob> {
  if (!map) throw new Error(t(options.lang, 'exportNoMap'));
  const places = projectPlaces(map, options.places);
  const canvas = await map.capture(options.scale, (frame) => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(frame.width * options.scale);
    canvas.height = Math.round(pictureHeight(frame.height) * options.scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(t(options.lang, 'exportNoCanvas'));
    drawPicture(ctx, { width: frame.width, mapHeight: frame.height, scale: options.scale }, frame.canvas, options.texts, options.strip, {
      ...options.state,
      rings: [],
      ringPhase: 1,
      position: null,
      places,
    });
    return canvas;
  });
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t(options.lang, 'exportPngFailed')))), 'image/png'),
  );
}
