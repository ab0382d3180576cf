// What the video export draws for each playback year, from the same pure view the page draws (viewAtYear):
// the year, the running counts with their units, the partners new that year, and the timeline strip's bars.
import type { AtlasIndex } from '../../domain/atlas-index';
import type { Filters } from '../../domain/filters';
import { playbackRange, type PlaybackSettings } from '../../domain/playback';
import type { Lang, RegionId } from '../../domain/schema';
import { viewAtYear } from '../../domain/view';
import type { DatasetTexts } from '../../i18n/dataset-texts';
import { filtersLine } from '../../i18n/filter-labels';
import { t } from '../../i18n/messages';
import type { YearFrame } from '../../adapters/media/video-export';
import type { FrameTexts, TimelineStrip } from '../../adapters/media/video-frame';

export function videoFrames(
  lang: Lang,
  index: AtlasIndex,
  filters: Filters,
  settings: PlaybackSettings,
  texts: DatasetTexts,
  regionNames: Record<RegionId, string>,
): { texts: FrameTexts; strip: TimelineStrip; describe(year: number): YearFrame } {
  const [from, to] = playbackRange(filters.yearRange, index.yearExtent);
  const bins = viewAtYear(index, filters, null, settings).view.years.bins.filter((b) => b.year >= from && b.year <= to);
  return {
    texts: { title: texts.title, filters: filtersLine(lang, index, filters), sourceNote: texts.sourceNote, regionNames },
    strip: { years: bins },
    describe(year) {
      const { view, frame } = viewAtYear(index, filters, year, settings);
      const fresh = frame?.newInstitutionIds ?? [];
      return {
        year: String(year),
        counts: t(lang, 'videoCounts', { agreements: view.summary.agreements, institutions: view.summary.institutions, countries: view.summary.countries }),
        fresh: fresh.length > 0 ? t(lang, 'videoNewThisYear', { n: fresh.length }) : null,
        points: fresh.flatMap((id) => {
          const institution = index.institutionsById.get(id);
          return institution ? [[institution.lng, institution.lat] as const] : [];
        }),
      };
    },
  };
}
