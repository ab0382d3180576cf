// The timeline as a read-only strip for presentation mode: agreements signed per year (stacked by region, as in the
// timeline and the video's strip), the years the map shows in colour, and a cursor just after the year on screen (the
// year shown in full, as the video's cursor), whose label is in red. Sized by CSS, so it grows with a projector's
// screen; no brush and no controls.
import type { YearBin } from '../../domain/aggregate';
import type { Lang } from '../../domain/schema';
import { barRects } from '../../domain/year-bars';
import { t } from '../../i18n/messages';
import { REGION_COLOURS } from '../../style/palette';
import './timeline-strip.css';

/** The colour of the years the map does not show (after the cursor, or before a trailing window). */
const NOT_SHOWN = '#cbd5e1';

/**
 * Years labelled under the strip: the cursor's, every fifth, and the first and last, leaving out any within two years
 * of one already labelled (in that order), so labels never run into each other.
 */
export function stripLabelYears(years: readonly number[], current: number | null): number[] {
  const labelled: number[] = [];
  const candidates = [current, ...years.filter((y) => y % 5 === 0), years[0], years.at(-1)];
  for (const y of candidates) {
    if (y === null || y === undefined || !years.includes(y)) continue;
    if (labelled.every((l) => Math.abs(l - y) > 2)) labelled.push(y);
  }
  return labelled.sort((a, b) => a - b);
}

export function TimelineStrip({
  lang,
  bins,
  year,
  shown,
}: {
  lang: Lang;
  /** The years of the playback range, in order. */
  bins: readonly YearBin[];
  /** The year the map shows, or null when it shows the whole network. */
  year: number | null;
  /** The years the map counts (playback's cumulative range or trailing window), or null for all of them. */
  shown: readonly [number, number] | null;
}) {
  const n = bins.length;
  if (n === 0) return null;
  const from = bins[0]!.year;
  const to = bins[n - 1]!.year;
  const max = Math.max(1, ...bins.map((b) => b.total));
  const at = year === null ? -1 : year - from;
  /** Where slot `i` starts (0), or its middle (0.5), as a share of the strip's width. */
  const percent = (i: number) => `${(i / n) * 100}%`;
  return (
    <figure
      className="timeline-strip"
      data-testid="timeline-strip"
      role="img"
      aria-label={year === null ? t(lang, 'stripLabel', { from, to }) : t(lang, 'stripLabelAt', { from, to, year })}
    >
      <div className="strip-plot">
        <svg className="strip-bars" viewBox={`0 0 ${n} ${max}`} preserveAspectRatio="none" aria-hidden="true">
          {bins.map((bin, i) => {
            const inView = !shown || (bin.year >= shown[0] && bin.year <= shown[1]);
            return (
              <g key={bin.year}>
                {barRects(bin, i + 0.1, 0.8, (n) => max - n).map((r) => (
                  <rect key={r.region} x={r.x} width={r.width} y={r.y} height={r.height} fill={inView ? REGION_COLOURS[r.region] : NOT_SHOWN} />
                ))}
              </g>
            );
          })}
        </svg>
        {at >= 0 && at < n && (
          <div className="strip-cursor" data-testid="timeline-strip-cursor" data-year={year} style={{ left: percent(at + 1) }} aria-hidden="true" />
        )}
        <div className="strip-axis" aria-hidden="true">
          {stripLabelYears(
            bins.map((b) => b.year),
            year,
          ).map((labelYear) => (
            <span key={labelYear} className={labelYear === year ? 'current' : undefined} style={{ left: percent(labelYear - from + 0.5) }}>
              {labelYear}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
