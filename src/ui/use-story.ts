// The story in the page (issue 28 item 6): the storyline of the filtered links (deriveMilestones, the presentation's
// and the video's one source) placed on the years, for the timeline's marks and the playback overlay's caption.
import { useEffect, useMemo, useState } from 'react';
import type { AtlasIndex } from '../domain/atlas-index';
import { filterLinks, type Filters } from '../domain/filters';
import type { Lang } from '../domain/schema';
import { deriveMilestones, type Milestone } from '../domain/storyline';
import { storyByYear } from '../i18n/storyline';
import { whenIdle } from './after-paint';

/** Each year's captions in story order (the first is the year's story line), or null until the story is derived. */
export type YearStory = ReadonlyMap<number, readonly string[]>;

interface Derived {
  index: AtlasIndex;
  filters: Filters;
  milestones: Milestone[];
}

/**
 * The story by year of the view the filters give (years included: the story the presentation tells). It is derived
 * when the page is idle, once per change of the filters (not per playback year or frame: playback changes no filter),
 * so a filter change answers first; until then, and for a view it was not derived for, there is none (null).
 */
export function useYearStory(index: AtlasIndex, filters: Filters, lang: Lang): YearStory | null {
  const [derived, setDerived] = useState<Derived | null>(null);
  useEffect(() => whenIdle(() => setDerived({ index, filters, milestones: deriveMilestones(index, filterLinks(index, filters)) })), [index, filters]);
  const current = derived !== null && derived.index === index && derived.filters === filters ? derived.milestones : null;
  return useMemo(() => (current ? storyByYear(lang, index, current) : null), [current, lang, index]);
}
