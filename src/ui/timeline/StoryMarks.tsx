// The story on the timeline (issue 28 item 6): a mark above each year the storyline places a milestone in (the same
// milestones as the presentation's slides and the video's captions), its captions on hover or focus. The marks are
// one stop for the Tab key (arrows, Home and End move between them); choosing one shows its year on the map, paused,
// where the playback overlay says the year's story line.
import { useRef, useState, type KeyboardEvent } from 'react';
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

export function StoryMarks({ lang, story, centre, width, playYear }: Props) {
  const runtime = useRuntime();
  const years = [...story.keys()].sort((a, b) => a - b);
  // The mark that takes the Tab key (the last one focused), and the one whose captions show.
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (years.length === 0) return null;
  const tabStop = Math.min(active, years.length - 1);
  // The captions say their year themselves ("2001: the busiest year…"), so the mark's name is its captions.
  const label = (year: number) => story.get(year)!.join(t(lang, 'storySeparator'));
  const move = (event: KeyboardEvent, n: number) => {
    const to = { ArrowLeft: n - 1, ArrowRight: n + 1, Home: 0, End: years.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(years.length - 1, to));
    setActive(next);
    buttons.current[next]?.focus();
  };
  const openCaptions = open === null ? undefined : story.get(open);
  const half = Math.min(HALF_CAPTION, width / 2);
  return (
    <div className="story-marks" role="toolbar" aria-label={t(lang, 'storyMarks')} data-testid="story-marks">
      {years.map((year, n) => (
        <button
          key={year}
          ref={(el) => {
            buttons.current[n] = el;
          }}
          type="button"
          className="story-mark"
          style={{ left: centre(year) }}
          tabIndex={n === tabStop ? 0 : -1}
          aria-label={label(year)}
          aria-current={year === playYear ? 'true' : undefined}
          data-testid="story-mark"
          data-year={year}
          data-milestones={story.get(year)!.length}
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
      ))}
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
