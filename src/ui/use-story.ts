// The story in the page (issue 28 item 6): the storyline of the filtered links (deriveMilestones, the presentation's
// and the video's one source) placed on the years, for the timeline's marks and the playback overlay's caption.
import { type ReactNode, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AtlasIndex } from '../domain/atlas-index';
import { filterLinks, type Filters } from '../domain/filters';
import type { Lang } from '../domain/schema';
import { deriveMilestones, type Milestone } from '../domain/storyline';
import { storyByYear } from '../i18n/storyline';
import { whenIdle } from './after-paint';

/** Each year's captions in story order (the first is the year's story line), or null until the story is derived. */
export type YearStory = ReadonlyMap<number, readonly string[]>;

/**
 * The story of one view (the index and the filters), derived once when the page is idle. A source, not state in the
 * page: when the story arrives only the components that show it render (StoryOf), not the whole page (issue 29: it
 * arrived after the first view and before ready, and rendered the page once more).
 */
export interface StorySource {
  readonly index: AtlasIndex;
  get(): Milestone[] | null;
  subscribe(listener: () => void): () => void;
  derive(): void;
}

function storySource(index: AtlasIndex, filters: Filters): StorySource {
  let milestones: Milestone[] | null = null;
  const listeners = new Set<() => void>();
  return {
    index,
    get: () => milestones,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    derive() {
      milestones = deriveMilestones(index, filterLinks(index, filters));
      for (const listener of listeners) listener();
    },
  };
}

/**
 * The story of the view the filters give (years included: the story the presentation tells). It is derived when the
 * page is idle, once per change of the filters (not per playback year or frame: playback changes no filter), so a
 * filter change answers first; until then there is none.
 */
export function useStorySource(index: AtlasIndex, filters: Filters): StorySource {
  const source = useMemo(() => storySource(index, filters), [index, filters]);
  useEffect(() => whenIdle(() => source.derive()), [source]);
  return source;
}

/** Each year's captions of the source's story, or null until it is derived. */
export function useStory(source: StorySource, lang: Lang): YearStory | null {
  const milestones = useSyncExternalStore(source.subscribe, source.get, source.get);
  return useMemo(() => (milestones ? storyByYear(lang, source.index, milestones) : null), [milestones, lang, source]);
}

/** Renders its children with the story: only this renders again when the story arrives. */
export function StoryOf({ source, lang, children }: { source: StorySource; lang: Lang; children(story: YearStory | null): ReactNode }) {
  return children(useStory(source, lang));
}
