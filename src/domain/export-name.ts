// File names of everything the atlas exports, from the dataset's own metadata (its home institution and as-of month),
// so another university's list exports under its own name.
import { soleHome } from './homes';
import type { Dataset, Lang } from './schema';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * e.g. `tohoku-university-partner-atlas-2012-05-en-20240105`: whose list, its as-of month, the language, and the
 * download day in the user's local calendar (the day they will look for in their downloads folder).
 */
export function exportBaseName(dataset: Pick<Dataset, 'homes' | 'meta'>, lang: Lang, date: Date): string {
  const day = `${date.getFullYear()}${pad2(date.getMonth() + 1)}${pad2(date.getDate())}`;
  // Several homes: the network's size names it (`3-universities-partner-atlas-…`).
  const whose = soleHome(dataset)?.id ?? `${dataset.homes.length}-universities`;
  return `${whose}-partner-atlas-${dataset.meta.asOf}-${lang}-${day}`;
}

/** e.g. `…-growth-1080p-30fps.mp4`: the playback video, its size and frame rate in the name. */
export function videoFileName(base: string, size: string, fps: number, format: 'mp4' | 'webm'): string {
  return `${base}-growth-${size}-${fps}fps.${format}`;
}
