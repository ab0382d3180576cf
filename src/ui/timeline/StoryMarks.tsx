// The story on the timeline (issue 28 item 6): a mark above each year the storyline places a milestone in (the same
// milestones as the presentation's slides and the video's captions), its captions on hover or focus. The marks are
// one stop for the Tab key (arrows, Home and End move between them); choosing one shows its year on the map, paused,
// where the playback overlay says the year's story line. Years closer than a mark's width (a phone's timeline: 2011
// and 2012 are 6 px apart) share one mark, named by all their captions, which say their years themselves.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useRuntime } from '../../state/runtime';
import type { YearStory } from '../use-story';
import './story-marks.css';

interface Props {
  lang: Lang;
  story: YearStory;
  /** The centre of a year's bar, in the plot's pixels. */
  centre(year: number): number;
  /** The plot's width, to keep a caption inside it. */
  width: number;
  /** The playback year, whose mark is marked current. */
  playYear: number | null;
}

/** A caption box's half width at most (story-marks.css: max-width 22rem ≈ 352 px). */
const HALF_CAPTION = 176;
/** A mark's target width (story-marks.css; WCAG 2.5.8): marks closer than this would overlap. */
export const MARK_WIDTH = 24;

/**
 * The story's years in marks, left to right: a year joins the mark of the years before it while its centre is less
 * than a mark's width from that mark's first year, where the mark stands. So no two marks overlap.
 */
export function markGroups(years: readonly number[], centre: (year: number) => number): number[][] {
  const groups: number[][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = groups.at(-1);
    if (last && centre(year) - centre(last[0]!) < MARK_WIDTH) last.push(year);
    else groups.push([year]);
  }
  return groups;
}

export function StoryMarks({ lang, story, centre, width, playYear }: Props) {
  const runtime = useRuntime();
  // Built when the story, the scale or the language change, not for each playback year (which only moves aria-current).
  const groups = useMemo(() => markGroups([...story.keys()], centre), [story, centre]);
  const labels = useMemo(() => groups.map((group) => group.flatMap((year) => story.get(year)!).join(t(lang, 'storySeparator'))), [groups, story, lang]);
  // The mark that takes the Tab key (the last one focused), and the one whose captions show (by its first year).
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (groups.length === 0) return null;
  const tabStop = Math.min(active, groups.length - 1);
  const captions = (group: readonly number[]) => group.flatMap((year) => story.get(year)!);
  const move = (event: KeyboardEvent, n: number) => {
    const to = { ArrowLeft: n - 1, ArrowRight: n + 1, Home: 0, End: groups.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(groups.length - 1, to));
    setActive(next);
    buttons.current[next]?.focus();
  };
  const openGroup = open === null ? undefined : groups.find((group) => group[0] === open);
  const openCaptions = openGroup && captions(openGroup);
  const half = Math.min(HALF_CAPTION, width / 2);
  return (
    <div className="story-marks" role="toolbar" aria-label={t(lang, 'storyMarks')} data-testid="story-marks">
      {groups.map((group, n) => {
        const year = group[0]!;
        return (
          <button
            key={year}
            ref={(el) => {
              buttons.current[n] = el;
            }}
            type="button"
            className="story-mark"
            style={{ left: centre(year) }}
            tabIndex={n === tabStop ? 0 : -1}
            // The captions say their year themselves ("2001: the busiest year…"), so the mark's name is its captions.
            aria-label={labels[n]}
            aria-current={playYear !== null && group.includes(playYear) ? 'true' : undefined}
            data-testid="story-mark"
            data-year={year}
            data-years={group.join(' ')}
            data-milestones={group.reduce((sum, year) => sum + story.get(year)!.length, 0)}
            onPointerEnter={() => setOpen(year)}
            onPointerLeave={() => setOpen((shown) => (shown === year ? null : shown))}
            onFocus={() => {
              setActive(n);
              setOpen(year);
            }}
            onBlur={() => setOpen((shown) => (shown === year ? null : shown))}
            onKeyDown={(event) => move(event, n)}
            onClick={() => runtime.playback.show(year)}
          />
        );
      })}
      {open !== null && openCaptions && (
        <div
          className="story-caption"
          style={{ left: Math.max(half, Math.min(width - half, centre(open))) }}
          aria-hidden="true"
          data-testid="story-mark-caption"
          data-year={open}
        >
          {openCaptions.map((caption) => (
            <p key={caption}>{caption}</p>
          ))}
        </div>
      )}
    </div>
  );
}
