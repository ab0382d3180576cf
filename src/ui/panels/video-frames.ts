// What the exported pictures say and draw, from the same pure view the page draws (viewAtYear), computed once per
// picture or once per playback year of a video: the title and filters, the counts with their units, the partners new
// that year, the year bars with the range they count, and the map model (src/domain/map-model.ts).
import type { AtlasIndex } from '../../domain/atlas-index';
import { filterLinks, type Filters } from '../../domain/filters';
import { createMapModelBuilder } from '../../domain/map-model';
import { playbackRange, type PlaybackSettings } from '../../domain/playback';
import type { Lang, RegionId } from '../../domain/schema';
import { deriveMilestones } from '../../domain/storyline';
import { storyByYear } from '../../i18n/storyline';
import { viewAtYear, type AtlasView } from '../../domain/view';
import type { DatasetTexts } from '../../i18n/dataset-texts';
import { filtersLine } from '../../i18n/filter-labels';
import { t } from '../../i18n/messages';
import type { PictureState, PictureTexts, PlaceName, YearStrip } from '../../adapters/media/picture';
import type { YearFrame } from '../../adapters/media/video-export';

/** What the map shows besides the filtered network: the lines from home, the selected institution. */
export interface MapExtras {
  flows: boolean;
  selected: string | null;
}

function pictureTexts(lang: Lang, index: AtlasIndex, filters: Filters, texts: DatasetTexts, regionNames: Record<RegionId, string>): PictureTexts {
  return { title: texts.title, filters: filtersLine(lang, index, filters), sourceNote: texts.sourceNote, regionNames };
}

const counts = (lang: Lang, view: Pick<AtlasView, 'summary'>) =>
  t(lang, 'videoCounts', { agreements: view.summary.agreements, institutions: view.summary.institutions, countries: view.summary.countries });

/**
 * The cities to name on a picture of chosen countries (the map then shows institutions, and names no city at that
 * zoom): the passing institutions' cities, the most agreements first. None otherwise: the map names the countries.
 */
function placeNames(lang: Lang, index: AtlasIndex, filters: Filters, view: Pick<AtlasView, 'passing' | 'tally'>): PlaceName[] {
  if (filters.countries.length === 0) return [];
  const cities = new Map<string, { name: string; lng: number; lat: number; agreements: number }>();
  for (const n of view.passing) {
    const institution = index.dataset.institutions[n]!;
    const name = (lang === 'ja' ? institution.city.ja : undefined) ?? institution.city.en;
    const key = `${institution.country}|${institution.city.en}`;
    const city = cities.get(key) ?? { name, lng: institution.lng, lat: institution.lat, agreements: 0 };
    city.agreements += view.tally.agreements[n]!;
    cities.set(key, city);
  }
  return [...cities.values()].sort((a, b) => b.agreements - a.agreements).map((c) => [c.name, c.lng, c.lat] as const);
}

const fresh = (lang: Lang, ids: readonly string[]) => (ids.length > 0 ? t(lang, 'videoNewThisYear', { n: ids.length }) : null);

/**
 * A still of the page (the PNG): the view the page shows (at the playback year while playing), its bars over every
 * year with the filters' range marked, and its counts; at a playback year, the year's story line (the video frame's).
 */
export function stillPicture(
  lang: Lang,
  index: AtlasIndex,
  filters: Filters,
  playYear: number | null,
  settings: PlaybackSettings,
  texts: DatasetTexts,
  regionNames: Record<RegionId, string>,
): { texts: PictureTexts; strip: YearStrip; state: Pick<PictureState, 'year' | 'counts' | 'fresh' | 'story'>; places: PlaceName[] } {
  const { view, frame } = viewAtYear(index, filters, playYear, settings);
  // The bars count every filter but the years (as the page's timeline does), so the range shows among them.
  const bars = playYear === null ? view : viewAtYear(index, filters, null, settings).view;
  return {
    texts: pictureTexts(lang, index, filters, texts, regionNames),
    strip: { years: bars.years.bins, range: playbackRange(filters.yearRange, index.yearExtent) },
    state: {
      year: frame ? String(frame.year) : null,
      counts: counts(lang, view),
      fresh: frame ? fresh(lang, frame.newInstitutionIds) : null,
      // At a playback year, the year's story line, as the page's overlay and the video's frame of that year show it.
      story: frame ? (storyLines(lang, index, filters).get(frame.year) ?? null) : null,
    },
    places: placeNames(lang, index, filters, view),
  };
}

/**
 * The story line of each year (one truth with the presentation and the page: the same facts, the same captions): the
 * caption of the first milestone placed in the year (src/i18n/storyline.ts, storyByYear), the story of the filtered
 * links (one home, two compared, or the whole network). The page's playback overlay shows the same line.
 */
export function storyLines(lang: Lang, index: AtlasIndex, filters: Filters): Map<number, string> {
  const lines = new Map<number, string>();
  for (const [year, captions] of storyByYear(lang, index, deriveMilestones(index, filterLinks(index, filters)))) lines.set(year, captions[0]!);
  return lines;
}

/** The video: its fixed texts and bars (the years played), and each year's frame, map model included. */
export function videoFrames(
  lang: Lang,
  index: AtlasIndex,
  filters: Filters,
  settings: PlaybackSettings,
  texts: DatasetTexts,
  regionNames: Record<RegionId, string>,
  extras: MapExtras,
): { texts: PictureTexts; strip: YearStrip; describe(year: number): YearFrame } {
  const range = playbackRange(filters.yearRange, index.yearExtent);
  const [from, to] = range;
  const bins = viewAtYear(index, filters, null, settings).view.years.bins.filter((b) => b.year >= from && b.year <= to);
  const buildModel = createMapModelBuilder();
  const story = storyLines(lang, index, filters);
  return {
    texts: pictureTexts(lang, index, filters, texts, regionNames),
    strip: { years: bins, range },
    describe(year) {
      const { view, frame } = viewAtYear(index, filters, year, settings);
      const ids = frame?.newInstitutionIds ?? [];
      return {
        year: String(year),
        counts: counts(lang, view),
        fresh: fresh(lang, ids),
        story: story.get(year) ?? null,
        points: ids.flatMap((id) => {
          const institution = index.institutionsById.get(id);
          return institution ? [[institution.lng, institution.lat] as const] : [];
        }),
        places: placeNames(lang, index, filters, view),
        map: buildModel({ index, lang, view, countryCounts: view.countryCounts, countries: filters.countries, ...extras }),
      };
    },
  };
}
