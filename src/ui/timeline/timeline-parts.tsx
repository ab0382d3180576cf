// The timeline's parts around the chart: the region legend, the note on undated agreements a year range hides, and
// the table that says in numbers what the chart draws.
import { memo } from 'react';
import type { YearBin, YearCounts } from '../../domain/aggregate';
import { barRects } from '../../domain/year-bars';
import type { Lang, RegionId } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';
import { BAR_CLASSES, ONLY_A, ONLY_B, SHARED } from '../../domain/compare';
import { COLOURS, REGION_COLOURS } from '../../style/palette';

/** The key's item for the grey bars behind the filtered ones: shown only while some year's bar has them. */
function WholeListItem({ lang, whole }: { lang: Lang; whole: boolean }) {
  if (!whole) return null;
  return (
    <li data-testid="legend-whole">
      <span className="swatch whole" aria-hidden="true" />
      {t(lang, 'legendWholeList')}
    </li>
  );
}

export function RegionLegend({
  lang,
  present,
  regionNames,
  active,
  whole,
}: {
  lang: Lang;
  present: readonly RegionId[];
  regionNames: Record<RegionId, string>;
  active: boolean;
  /** Some year's filtered bar is shorter than the whole list's grey one behind it. */
  whole: boolean;
}) {
  return (
    <ul className="legend-regions" aria-label={t(lang, 'legend')}>
      {present.map((r) => (
        <li key={r} data-testid="legend-region" data-region={r}>
          {/* Its colour from the palette's stylesheet (no inline style: the prerendered HTML is under the CSP). */}
          <span className="swatch" data-region-swatch={r} aria-hidden="true" />
          {regionNames[r]}
        </li>
      ))}
      <WholeListItem lang={lang} whole={whole} />
      <li>
        <span className="swatch line" aria-hidden="true" />
        {t(lang, active ? 'partnersActive' : 'cumulative')}
      </li>
    </ul>
  );
}

/** `hidden`: undated agreements that pass every filter but the year range. */
export const UndatedHiddenNote = memo(function UndatedHiddenNote({ lang, hidden }: { lang: Lang; hidden: number }) {
  if (hidden === 0) return null;
  return (
    <span className="timeline-note" data-testid="undated-hidden">
      {t(lang, 'undatedHidden', { n: hidden })}
    </span>
  );
});

/** The chart's numbers as a table (its accessible alternative): filtered, all data and the cumulative line, per year. */
export const YearTable = memo(function YearTable({
  lang,
  active,
  filtered,
  full,
  cumulative,
}: {
  lang: Lang;
  active: boolean;
  filtered: YearCounts;
  full: YearCounts;
  cumulative: { year: number; total: number }[];
}) {
  return (
    <details className="timeline-table">
      <summary>{t(lang, 'tableAlternative')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'year')}</th>
            <th scope="col">{t(lang, active ? 'perYearActive' : 'perYear')}</th>
            <th scope="col">{t(lang, 'allData')}</th>
            <th scope="col">{t(lang, active ? 'partnersActive' : 'cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {filtered.bins.map((b, i) => (
            <tr key={b.year}>
              <th scope="row">{b.year}</th>
              <td>{formatNumber(lang, b.total)}</td>
              <td>{formatNumber(lang, full.bins[i]?.total ?? 0)}</td>
              <td>{formatNumber(lang, cumulative[i]?.total ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t(lang, 'undatedBucket')}</th>
            <td>{formatNumber(lang, filtered.undated)}</td>
            <td>{formatNumber(lang, full.undated)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </details>
  );
});

/** A comparison's bars (compare=A,B): per year, A's and B's agreements by their partner's class, and the key. */
export interface CompareBars {
  /** compareYearClasses: 4 counts per year from the extent's first, [none, only A, only B, both]. */
  classes: Int32Array;
  first: number;
  /** Homes A and B by name, for the key. */
  names: readonly [string, string];
}

// 0: a partner in no class under the year range (an agreement outside the brushed years), in grey.
const CLASS_COLOURS: Record<number, string> = { 0: COLOURS.muted, [ONLY_A]: COLOURS.compareA, [ONLY_B]: COLOURS.compareB, [SHARED]: COLOURS.compareShared };

/** A year's bar in a comparison, stacked (none), only A, both, only B from the bottom; each part says its class and count. */
export function CompareBarRects({ bars, year, left, width, y }: { bars: CompareBars; year: number; left: number; width: number; y: (n: number) => number }) {
  let bottom = 0;
  return [0, ...BAR_CLASSES].map((c) => {
    const n = bars.classes[(year - bars.first) * 4 + c]!;
    const from = bottom;
    bottom += n;
    return n === 0 ? null : (
      <rect key={c} x={left} width={width} y={y(from + n)} height={y(from) - y(from + n)} fill={CLASS_COLOURS[c]} data-class={c} data-count={n} />
    );
  });
}

/** The key of the comparison's colours, in place of the regions' while comparing. */
export function CompareLegend({ lang, names, whole }: { lang: Lang; names: readonly [string, string]; whole: boolean }) {
  return (
    <ul className="legend-regions compare-legend" aria-label={t(lang, 'legendCompare')} data-testid="timeline-compare-legend">
      <li className="compare-a">{t(lang, 'compareOnly', { home: names[0] })}</li>
      <li className="compare-shared">{t(lang, 'compareShared')}</li>
      <li className="compare-b">{t(lang, 'compareOnly', { home: names[1] })}</li>
      <WholeListItem lang={lang} whole={whole} />
    </ul>
  );
}

/** A year's bar: stacked by region, or in a comparison by partner class. */
function BarShapes({
  bin,
  left,
  width,
  y,
  compareBars,
}: {
  bin: YearBin;
  left: number;
  width: number;
  y: (n: number) => number;
  compareBars: CompareBars | null;
}) {
  if (compareBars) return <CompareBarRects bars={compareBars} year={bin.year} left={left} width={width} y={y} />;
  return barRects(bin, left, width, y).map((r) => <rect key={r.region} x={r.x} width={r.width} y={r.y} height={r.height} fill={REGION_COLOURS[r.region]} />);
}

/**
 * The timeline's key: the regions, or in a comparison its three colours. Memoised, as the note below: the timeline
 * renders for each step of the brush, its key only when the bars change.
 */
export const TimelineLegend = memo(function TimelineLegend(props: Parameters<typeof RegionLegend>[0] & { compareBars: CompareBars | null }) {
  return props.compareBars ? <CompareLegend lang={props.lang} names={props.compareBars.names} whole={props.whole} /> : <RegionLegend {...props} />;
});

/**
 * The filtered bars, one group per year named by its year and count (the tooltip's text), for screen readers as for
 * the eye. Memoised apart from the playback cursor: a playback year moves the cursor, and the bars (the same numbers,
 * the same objects: domain/view-reuse.ts) are not rendered again.
 */
export const FilteredBars = memo(function FilteredBars({
  lang,
  bins,
  active,
  x,
  band,
  barWidth,
  top,
  height,
  y,
  compareBars,
}: {
  lang: Lang;
  bins: readonly YearBin[];
  active: boolean;
  x: (year: number) => number;
  band: number;
  barWidth: number;
  top: number;
  height: number;
  y: (n: number) => number;
  compareBars: CompareBars | null;
}) {
  return (
    <g>
      {bins.map((b) => (
        // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> takes no input; role img names the year's bar
        <g
          key={`f-${b.year}`}
          data-year={b.year}
          data-count={b.total}
          role="img"
          aria-label={t(lang, active ? 'yearBarCountActive' : 'yearBarCount', { year: b.year, n: b.total })}
          data-testid="year-bar"
        >
          <rect x={x(b.year)} width={band} y={top} height={height} fill="transparent" />
          <BarShapes bin={b} left={x(b.year) + 1} width={barWidth} y={y} compareBars={compareBars} />
        </g>
      ))}
    </g>
  );
});
