// The timeline's parts around the chart: the region legend, the note on undated agreements a year range hides, and
// the table that says in numbers what the chart draws.
import type { YearCounts } from '../../domain/aggregate';
import type { Lang, RegionId } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';

export function RegionLegend({
  lang,
  present,
  regionNames,
  active,
}: {
  lang: Lang;
  present: readonly RegionId[];
  regionNames: Record<RegionId, string>;
  active: boolean;
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
      <li>
        <span className="swatch line" aria-hidden="true" />
        {t(lang, active ? 'partnersActive' : 'cumulative')}
      </li>
    </ul>
  );
}

/** `hidden`: undated agreements that pass every filter but the year range. */
export function UndatedHiddenNote({ lang, hidden }: { lang: Lang; hidden: number }) {
  if (hidden === 0) return null;
  return (
    <span className="timeline-note" data-testid="undated-hidden">
      {t(lang, 'undatedHidden', { n: hidden })}
    </span>
  );
}

/** The chart's numbers as a table (its accessible alternative): filtered, all data and the cumulative line, per year. */
export function YearTable({
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
}
