// The storyline placed on the years (issue 28 item 6): which milestones fall in each year, in the storyline's order.
// One source for everything that tells the story by year: the timeline's marks and the playback overlay's caption on
// the page, each video frame's caption band and the PNG's story line (the year's first milestone, as the video).
import type { Milestone } from './storyline';

/** The milestones of a storyline placed in a year, by year, each year's in story order; slides with no year are left out. */
export function milestonesByYear(milestones: readonly Milestone[]): Map<number, Milestone[]> {
  const byYear = new Map<number, Milestone[]>();
  for (const m of milestones) {
    if (m.year === null) continue;
    const year = byYear.get(m.year);
    if (year) year.push(m);
    else byYear.set(m.year, [m]);
  }
  return byYear;
}
