// The timeline view: D3 computes scales and the brush, React renders bars, line and labels.
import { brushX, max, scaleLinear, select, line as d3line, type BrushBehavior } from 'd3';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { YearCounts } from '../../domain/aggregate';
import { REGION_IDS, type Lang, type RegionId } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';
import { COLOURS, REGION_COLOURS } from '../../style/palette';
import { LANDMARKS } from '../focus';
import { rangeToPixels, snapSelection, stepRange, type TimelineKey, type YearRange } from '../../domain/timeline-model';

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
}

const HEIGHT = 150;
const MARGIN = { top: 14, right: 44, bottom: 22, left: 30 };
const UNDATED_WIDTH = 84;
const KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export const Timeline = memo(function Timeline(props: TimelineProps) {
  const { lang, extent, full, filtered, cumulative, yearRange, onChange } = props;
  const [container, width] = useWidth<HTMLDivElement>();
  const brushGroup = useRef<SVGGElement>(null);
  const brushRef = useRef<BrushBehavior<unknown> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const plotRight = Math.max(MARGIN.left + 100, width - MARGIN.right - UNDATED_WIDTH);
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
    const brush = brushX<unknown>()
      .extent([
        [MARGIN.left, MARGIN.top - 4],
        [plotRight, HEIGHT - MARGIN.bottom + 2],
      ])
      .on('brush end', (event) => {
        if (!event.sourceEvent) return;
        const selection = event.selection as [number, number] | null;
        if (!selection) {
          if (event.type === 'end') onChangeRef.current(null);
          return;
        }
        const snapped = snapSelection(selection[0], selection[1], x, extent);
        if (event.type === 'end') {
          cancelAnimationFrame(frame);
          onChangeRef.current(snapped);
          select(g).call(brush.move, rangeToPixels(snapped, x));
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
      onChange(null);
      return;
    }
    if (!KEYS.includes(event.key)) return;
    event.preventDefault();
    onChange(stepRange(yearRange, event.key as TimelineKey, event.shiftKey, extent));
  };

  const years = full.bins.map((b) => b.year);
  const tickYears = years.filter((yr) => yr % 5 === 0);
  const undatedX = plotRight + 36;
  const undatedHeight = (n: number) => Math.min(innerHeight, (n / Math.max(full.undated, 1)) * innerHeight);
  const [from, to] = yearRange ?? extent;

  return (
    <section className="timeline" aria-labelledby="timeline-title" data-testid="timeline" id={LANDMARKS.timeline} tabIndex={-1}>
      <div className="timeline-head">
        <h2 id="timeline-title">{t(lang, 'timeline')}</h2>
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
      <ul className="legend-regions" aria-label={t(lang, 'legend')}>
        {REGION_IDS.map((r) => (
          <li key={r}>
            <span className="swatch" style={{ background: REGION_COLOURS[r] }} aria-hidden="true" />
            {props.regionNames[r]}
          </li>
        ))}
        <li>
          <span className="swatch line" aria-hidden="true" />
          {t(lang, 'cumulative')}
        </li>
      </ul>
      <div ref={container} className="timeline-plot">
        {width > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG chart is a group of labelled parts; it cannot be a fieldset
          <svg width={width} height={HEIGHT} role="group" aria-label={t(lang, 'timeline')} data-testid="timeline-chart">
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
              {filtered.bins.map((b) => {
                let top = y(0);
                return (
                  <g key={`f-${b.year}`} data-year={b.year} data-count={b.total}>
                    {REGION_IDS.map((r) => {
                      const n = b.byRegion[r];
                      if (!n) return null;
                      const h = y(0) - y(n);
                      top -= h;
                      return <rect key={r} x={x(b.year) + 1} width={barWidth} y={top} height={h} fill={REGION_COLOURS[r]} />;
                    })}
                  </g>
                );
              })}
              <path d={cumulativePath} fill="none" stroke={COLOURS.text} strokeWidth={1.5} strokeDasharray="4 2" />
              {props.playYear !== null && (
                <g data-testid="playback-cursor">
                  <rect
                    x={x(props.playYear + 1)}
                    width={Math.max(0, plotRight - x(props.playYear + 1))}
                    y={MARGIN.top - 4}
                    height={innerHeight + 6}
                    fill="#ffffff"
                    fillOpacity={0.65}
                  />
                  <line
                    x1={x(props.playYear) + band / 2}
                    x2={x(props.playYear) + band / 2}
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
                  <text key={`c-${v}`} x={plotRight + 4} y={yCum(v)} dy="0.32em" className="axis-label">
                    {formatNumber(lang, v)}
                  </text>
                ))}
              {tickYears.map((yr) => (
                <text key={yr} x={x(yr) + band / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
                  {yr}
                </text>
              ))}
              <g data-testid="undated-bucket" data-count={filtered.undated}>
                <rect x={undatedX} width={UNDATED_WIDTH - 24} y={y(0) - undatedHeight(full.undated)} height={undatedHeight(full.undated)} fill="#e5e7eb" />
                <rect
                  x={undatedX}
                  width={UNDATED_WIDTH - 24}
                  y={y(0) - undatedHeight(yearRange ? 0 : filtered.undated)}
                  height={undatedHeight(yearRange ? 0 : filtered.undated)}
                  fill="#6b7280"
                />
                <text x={undatedX + (UNDATED_WIDTH - 24) / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
                  {t(lang, 'undatedBucket')}
                </text>
                <text x={undatedX + (UNDATED_WIDTH - 24) / 2} y={MARGIN.top - 2} textAnchor="middle" className="axis-label strong">
                  {formatNumber(lang, yearRange ? 0 : filtered.undated)}
                </text>
              </g>
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
              aria-valuetext={t(lang, 'yearSpan', { from, to })}
              onKeyDown={onKeyDown}
              data-testid="timeline-brush"
            />
          </svg>
        )}
      </div>
      <details className="timeline-table">
        <summary>{t(lang, 'tableAlternative')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'year')}</th>
              <th scope="col">{t(lang, 'perYear')}</th>
              <th scope="col">{t(lang, 'allData')}</th>
              <th scope="col">{t(lang, 'cumulative')}</th>
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
    </section>
  );
});

/** `hidden`: undated agreements that pass every filter but the year range. */
function UndatedHiddenNote({ lang, hidden }: { lang: Lang; hidden: number }) {
  if (hidden === 0) return null;
  return (
    <span className="timeline-note" data-testid="undated-hidden">
      {t(lang, 'undatedHidden', { n: hidden })}
    </span>
  );
}
