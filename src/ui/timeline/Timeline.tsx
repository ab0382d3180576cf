// The timeline view: D3 computes scales and the brush, React renders bars, line and labels.
import { brushX, max, pointer, scaleLinear, select, line as d3line, type BrushBehavior } from 'd3';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { YearCounts } from '../../domain/aggregate';
import { playbackRange, visibleYearRange } from '../../domain/playback';
import type { Lang, RegionId } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';
import { useAtlas } from '../../state/runtime';
import { COLOURS } from '../../style/palette';
import { LANDMARKS } from '../focus';
import { FilteredBars, type CompareBars, TimelineLegend, UndatedHiddenNote, YearTable } from './timeline-parts';
import { rangeToPixels, regionsPresent, snapSelection, stepRange, yearAt, yearFilter, type TimelineKey, type YearRange } from '../../domain/timeline-model';
import { useWidth } from './use-width';
import type { YearStory } from '../use-story';
import { StoryMarks } from './StoryMarks';
import './timeline.css';

export interface TimelineProps {
  lang: Lang;
  extent: YearRange;
  full: YearCounts;
  filtered: YearCounts;
  cumulative: { year: number; total: number }[];
  yearRange: YearRange | null;
  regionNames: Record<RegionId, string>;
  onChange(range: YearRange | null): void;
  /** The playback cursor, or null outside playback. */
  playYear: number | null;
  controls: ReactNode;
  /** In a comparison (compare=A,B): the bars by partner class, and their key in place of the regions'. */
  compareBars?: CompareBars | null;
  /** The storyline by year (marks at its years), once derived. */
  story?: YearStory | null;
}

/** timeline.css gives .timeline-plot this height (no inline style: the prerendered HTML is under the CSP). */
const HEIGHT = 150;
const MARGIN = { top: 14, right: 44, bottom: 22, left: 30 };
/** The undated column, right of the cumulative axis: its own bar on its own scale, labelled with its count. */
const UNDATED_WIDTH = 112;
const UNDATED_BAR = 56;
/** On a narrow screen (a phone) the column gives the years more room: its label still fits ("334 agreements"). */
const NARROW = 600;
const UNDATED_WIDTH_NARROW = 90;
const UNDATED_BAR_NARROW = 44;
/** Room above the undated bar for its count, so the bar never reaches the dated bars' top gridline. */
const UNDATED_LABEL = 14;
/** A press that moves less than this (in pixels) before release is a click on a year, not a brush. */
const CLICK_SLOP = 3;
const KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

export const Timeline = memo(function Timeline(props: TimelineProps) {
  const { lang, extent, full, filtered, cumulative, yearRange, onChange, playYear } = props;
  const playbackSettings = useAtlas((s) => s.playbackSettings);
  // "Active in year" (domain/active.ts): the bars count the agreements in force each year, the line the partners.
  const active = playbackSettings.basis === 'active';
  const [hoverYear, setHoverYear] = useState<number | null>(null);
  const [container, width] = useWidth<HTMLDivElement>();
  const brushGroup = useRef<SVGGElement>(null);
  const brushRef = useRef<BrushBehavior<unknown> | null>(null);
  // Every change goes through yearFilter: a brush over all the years (one arrow key on the untouched brush) is no filter.
  const commit = (range: YearRange | null) => onChange(yearFilter(range, extent));
  const onChangeRef = useRef(commit);
  onChangeRef.current = commit;

  const undatedWidth = width < NARROW ? UNDATED_WIDTH_NARROW : UNDATED_WIDTH;
  const undatedBar = width < NARROW ? UNDATED_BAR_NARROW : UNDATED_BAR;
  const plotRight = Math.max(MARGIN.left + 100, width - MARGIN.right - undatedWidth);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([extent[0], extent[1] + 1])
        .range([MARGIN.left, plotRight]),
    [extent, plotRight],
  );
  const yMax = Math.max(1, max(full.bins, (b) => b.total) ?? 1);
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, yMax])
        .nice()
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]),
    [yMax],
  );
  const cumMax = Math.max(1, cumulative.at(-1)?.total ?? 1);
  const yCum = useMemo(
    () =>
      scaleLinear()
        .domain([0, cumMax])
        .nice()
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]),
    [cumMax],
  );
  const band = x(extent[0] + 1) - x(extent[0]);
  const barWidth = Math.max(1, band - 2);
  // A year's centre for the story marks: the same function while the scale is, so they keep their groups and names.
  const centre = useCallback((yr: number) => x(yr) + band / 2, [x, band]);
  const cumulativePath = useMemo(
    () =>
      d3line<{ year: number; total: number }>()
        .x((d) => x(d.year) + band / 2)
        .y((d) => yCum(d.total))(cumulative) ?? '',
    [cumulative, x, yCum, band],
  );

  // The brush: created when the size is known; only user gestures (with a sourceEvent) feed the store.
  useEffect(() => {
    const g = brushGroup.current;
    if (!g || width === 0) return;
    let frame = 0;
    let pressX: number | null = null;
    // A touch's position is on its changedTouches; a mouse event has its own.
    const pointerX = (e: MouseEvent | TouchEvent) => pointer('changedTouches' in e && e.changedTouches.length ? e.changedTouches[0] : e, g)[0];
    const brush = brushX<unknown>()
      .extent([
        [MARGIN.left, MARGIN.top - 4],
        [plotRight, HEIGHT - MARGIN.bottom + 2],
      ])
      .on('start', (event) => {
        pressX = event.sourceEvent ? pointerX(event.sourceEvent) : null;
      })
      .on('brush end', (event) => {
        if (!event.sourceEvent) return;
        // A click (press and release in place) on a year's bar selects that year, as brushing just it would.
        if (event.type === 'end' && pressX !== null && Math.abs(pointerX(event.sourceEvent) - pressX) < CLICK_SLOP) {
          const year = yearAt(pressX, x, extent);
          pressX = null;
          if (year !== null) {
            cancelAnimationFrame(frame);
            onChangeRef.current([year, year]);
            select(g).call(brush.move, rangeToPixels([year, year], x));
            return;
          }
        }
        const selection = event.selection as [number, number] | null;
        if (!selection) {
          if (event.type === 'end') onChangeRef.current(null);
          return;
        }
        const snapped = snapSelection(selection[0], selection[1], x, extent);
        if (event.type === 'end') {
          cancelAnimationFrame(frame);
          onChangeRef.current(snapped);
          // A brush over every year is no filter: it is cleared, as the store is.
          const kept = yearFilter(snapped, extent);
          select(g).call(brush.move, kept ? rangeToPixels(kept, x) : null);
        } else {
          cancelAnimationFrame(frame);
          frame = requestAnimationFrame(() => onChangeRef.current(snapped));
        }
      });
    brushRef.current = brush;
    select(g).call(brush);
    return () => {
      cancelAnimationFrame(frame);
      select(g).on('.brush', null).selectAll('*').remove();
    };
  }, [width, plotRight, x, extent]);

  // Store → brush (reset, URL, keyboard): a programmatic move has no sourceEvent, so it does not loop back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new width rebuilds the brush (above), which must be moved again
  useEffect(() => {
    const g = brushGroup.current;
    const brush = brushRef.current;
    if (!g || !brush) return;
    select(g).call(brush.move, yearRange ? rangeToPixels(yearRange, x) : null);
  }, [yearRange, x, width]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      commit(null);
      return;
    }
    if (!KEYS.includes(event.key)) return;
    event.preventDefault();
    commit(stepRange(yearRange, event.key as TimelineKey, event.shiftKey, extent));
  };

  // Hovering a year shows its count; the brush's overlay lies over the bars, so the position says which year.
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (event.buttons !== 0) return setHoverYear(null);
    const [px, py] = pointer(event.nativeEvent, event.currentTarget);
    setHoverYear(py >= MARGIN.top - 4 && py <= HEIGHT - MARGIN.bottom + 2 ? yearAt(px, x, extent) : null);
  };

  const years = full.bins.map((b) => b.year);
  // Every fifth year; every tenth on a narrow chart (a phone), where the labels are larger (timeline.css) and would touch.
  const tickYears = years.filter((yr) => yr % (width < NARROW ? 10 : 5) === 0);
  const present = useMemo(() => regionsPresent(filtered.bins), [filtered.bins]);
  // The whole list's grey bars show wherever a filtered bar is shorter: then the key names them.
  const wholeShows = useMemo(() => full.bins.some((b, n) => b.total > (filtered.bins[n]?.total ?? 0)), [full.bins, filtered.bins]);
  // Playback counts only the years on screen (so far, or the trailing window): the others are veiled, and the
  // undated agreements, which belong to no year, are not part of it.
  const visible = playYear === null ? null : visibleYearRange(playYear, playbackSettings, playbackRange(yearRange, extent));
  const undatedLeft = plotRight + MARGIN.right - 4;
  const undatedCentre = undatedLeft + undatedWidth / 2;
  const undatedX = undatedCentre - undatedBar / 2;
  const undatedTop = MARGIN.top + UNDATED_LABEL;
  const undatedMax = HEIGHT - MARGIN.bottom - undatedTop;
  const undatedHeight = (n: number) => Math.min(undatedMax, (n / Math.max(full.undated, 1)) * undatedMax);
  const undatedCounted = yearRange || visible ? 0 : filtered.undated;
  const [from, to] = yearRange ?? extent;
  const hoverBin = hoverYear === null ? undefined : filtered.bins[hoverYear - extent[0]];

  return (
    <section className="timeline" aria-labelledby="timeline-title" data-testid="timeline" id={LANDMARKS.timeline} tabIndex={-1}>
      <div className="timeline-head">
        <h2 id="timeline-title">{t(lang, active ? 'timelineActive' : 'timeline')}</h2>
        <span className="timeline-range" data-testid="timeline-range">
          {t(lang, 'yearRangeValue', { from, to })}
        </span>
        {yearRange && (
          <button type="button" className="link-button" onClick={() => onChange(null)} data-testid="timeline-reset">
            {t(lang, 'resetYears')}
          </button>
        )}
        {yearRange && <UndatedHiddenNote lang={lang} hidden={filtered.undated} />}
        {props.controls}
      </div>
      <TimelineLegend
        lang={lang}
        present={present}
        regionNames={props.regionNames}
        active={active}
        compareBars={props.compareBars ?? null}
        whole={wholeShows}
      />
      {/* Its height is kept before the chart is measured: the map above does not move when the chart arrives. */}
      <div ref={container} className="timeline-plot">
        {width > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG chart is a group of labelled parts; it cannot be a fieldset
          <svg
            width={width}
            height={HEIGHT}
            role="group"
            aria-label={t(lang, active ? 'timelineActive' : 'timeline')}
            data-testid="timeline-chart"
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHoverYear(null)}
          >
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a group of axis lines and labels, nothing in it takes focus */}
            <g aria-hidden="true">
              {y
                .ticks(3)
                .filter(Number.isInteger)
                .map((v) => (
                  <g key={v} transform={`translate(0,${y(v)})`}>
                    <line x1={MARGIN.left} x2={plotRight} stroke="#e5e7eb" />
                    <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" className="axis-label">
                      {formatNumber(lang, v)}
                    </text>
                  </g>
                ))}
              {full.bins.map((b) => (
                <rect key={`full-${b.year}`} x={x(b.year) + 1} width={barWidth} y={y(b.total)} height={y(0) - y(b.total)} fill="#d1d5db" />
              ))}
              {hoverYear !== null && (
                <rect
                  x={x(hoverYear)}
                  width={band}
                  y={MARGIN.top - 4}
                  height={innerHeight + 6}
                  fill={COLOURS.text}
                  fillOpacity={0.06}
                  data-testid="year-hover"
                />
              )}
            </g>
            <FilteredBars
              lang={lang}
              bins={filtered.bins}
              active={active}
              x={x}
              band={band}
              barWidth={barWidth}
              top={MARGIN.top}
              height={innerHeight}
              y={y}
              compareBars={props.compareBars ?? null}
            />
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: lines and labels, nothing in it takes focus */}
            <g aria-hidden="true">
              <path d={cumulativePath} fill="none" stroke={COLOURS.text} strokeWidth={1.5} strokeDasharray="4 2" />
              {playYear !== null && visible && (
                <g data-testid="playback-cursor">
                  {/* The years playback does not count: before the window (or the brushed range) and after the year. */}
                  <rect
                    x={MARGIN.left}
                    width={Math.max(0, x(visible[0]) - MARGIN.left)}
                    y={MARGIN.top - 4}
                    height={innerHeight + 6}
                    fill="#ffffff"
                    fillOpacity={0.65}
                  />
                  <rect
                    x={x(playYear + 1)}
                    width={Math.max(0, plotRight - x(playYear + 1))}
                    y={MARGIN.top - 4}
                    height={innerHeight + 6}
                    fill="#ffffff"
                    fillOpacity={0.65}
                  />
                  <line
                    x1={x(playYear) + band / 2}
                    x2={x(playYear) + band / 2}
                    y1={MARGIN.top - 6}
                    y2={HEIGHT - MARGIN.bottom}
                    stroke={COLOURS.home}
                    strokeWidth={2}
                  />
                </g>
              )}
              {/* Counts are whole: a small maximum would otherwise get ticks at 0.5 institutions. */}
              {yCum
                .ticks(3)
                .filter(Number.isInteger)
                .map((v) => (
                  <text key={`c-${v}`} x={plotRight + 4} y={yCum(v)} dy="0.32em" className="axis-label" data-testid="cumulative-tick">
                    {formatNumber(lang, v)}
                  </text>
                ))}
              {tickYears.map((yr) => (
                <text key={yr} x={x(yr) + band / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
                  {yr}
                </text>
              ))}
            </g>
            {/* The undated agreements on a scale of their own (the bar is all of them): its label says what it counts and how many. */}
            {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> takes no input; role img names the bucket */}
            <g
              data-testid="undated-bucket"
              data-count={undatedCounted}
              data-in-playback={visible ? 'false' : undefined}
              role="img"
              aria-label={visible ? t(lang, 'undatedBucketNotInPlayback', { n: filtered.undated }) : t(lang, 'undatedBucketCount', { n: undatedCounted })}
            >
              <line x1={undatedLeft} x2={undatedLeft} y1={MARGIN.top - 4} y2={HEIGHT - 4} stroke="#e5e7eb" />
              <rect x={undatedX} width={undatedBar} y={y(0) - undatedHeight(full.undated)} height={undatedHeight(full.undated)} fill="#e5e7eb" />
              <rect x={undatedX} width={undatedBar} y={y(0) - undatedHeight(undatedCounted)} height={undatedHeight(undatedCounted)} fill="#6b7280" />
              {visible && <rect x={undatedX} width={undatedBar} y={undatedTop} height={undatedMax} fill="#ffffff" fillOpacity={0.65} />}
              <text x={undatedCentre} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
                {t(lang, 'undatedBucket')}
              </text>
              <text x={undatedCentre} y={MARGIN.top + 2} textAnchor="middle" className="axis-label strong" data-testid="undated-label">
                {visible ? t(lang, 'undatedNotInPlayback') : t(lang, 'agreementsCount', { n: undatedCounted })}
              </text>
            </g>
            <g
              ref={brushGroup}
              className="brush"
              tabIndex={0}
              role="slider"
              aria-label={t(lang, 'yearBrush')}
              aria-valuemin={extent[0]}
              aria-valuemax={extent[1]}
              aria-valuenow={yearRange ? yearRange[0] : extent[0]}
              aria-valuetext={
                yearRange && filtered.undated > 0 ? t(lang, 'yearSpanUndatedHidden', { from, to, n: filtered.undated }) : t(lang, 'yearSpan', { from, to })
              }
              onKeyDown={onKeyDown}
              data-testid="timeline-brush"
            />
          </svg>
        )}
        {width > 0 && props.story && <StoryMarks lang={lang} story={props.story} centre={centre} width={width} playYear={playYear} />}
        {hoverYear !== null && hoverBin && (
          <div
            className="timeline-tooltip"
            style={{ left: Math.min(x(hoverYear) + band / 2, plotRight), top: MARGIN.top }}
            aria-hidden="true"
            data-testid="timeline-tooltip"
          >
            {t(lang, active ? 'yearBarCountActive' : 'yearBarCount', { year: hoverYear, n: hoverBin.total })}
          </div>
        )}
      </div>
      <YearTable lang={lang} active={active} filtered={filtered} full={full} cumulative={cumulative} />
    </section>
  );
});
