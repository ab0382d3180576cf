// What the preview adds about how the list was read: what was inferred (cells filled down, countries told by the
// name, levels from a column, the day/month order), the questions only the person can answer (the order of
// 03/04/2017; rows whose date cannot be read: keep undated or leave out), names fitting several institutions, and
// the heading rows skipped with their row numbers.
import type { ImportPreview } from '../../../domain/import/importer';
import type { Lang } from '../../../domain/schema';
import type { ReadingChoices } from '../../../adapters/import/import-job';
import { t } from '../../../i18n/messages';

const FILLED_KEYS = {
  country: 'importFilled_country',
  area: 'importFilled_area',
  level: 'importFilled_level',
  department: 'importFilled_department',
  name: 'importFilled_name',
} as const;

function inferredLines(lang: Lang, inferred: ImportPreview['inferred']): { kind: string; text: string }[] {
  const lines: { kind: string; text: string }[] = [];
  for (const field of ['country', 'area', 'level', 'department', 'name'] as const) {
    const n = inferred.filled[field];
    if (n) lines.push({ kind: `filled-${field}`, text: t(lang, FILLED_KEYS[field], { n }) });
  }
  if (inferred.countryByName) lines.push({ kind: 'country-by-name', text: t(lang, 'importCountryByName', { n: inferred.countryByName }) });
  if (inferred.levelsFromColumn) lines.push({ kind: 'levels', text: t(lang, 'importLevelsFromColumn', { n: inferred.levelsFromColumn }) });
  if (inferred.dayOrder && inferred.dayOrder !== 'undecided')
    lines.push({ kind: 'day-order', text: t(lang, inferred.dayOrder.order === 'dmy' ? 'importDayOrder_dmy' : 'importDayOrder_mdy') });
  return lines;
}

interface Props {
  lang: Lang;
  preview: ImportPreview;
  choices: ReadingChoices;
  onChoose(choices: ReadingChoices): void;
}

export function PreviewDetails({ lang, preview, choices, onChoose }: Props) {
  const { inferred, skipped, summary, ambiguousInstitutions, countryCorrections, countryCorrectionCount } = preview;
  const region = (code: string) => new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  const lines = inferredLines(lang, inferred);
  const askOrder = inferred.dayOrder === 'undecided' || (inferred.dayOrder !== null && inferred.dayOrder?.chosen === true);
  return (
    <>
      {lines.length > 0 && (
        <>
          <h3 className="import-subtitle">{t(lang, 'importInferredTitle')}</h3>
          <ul className="import-problems" data-testid="import-inferred">
            {lines.map((line) => (
              <li key={line.kind} data-kind={line.kind}>
                {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {askOrder && (
        <p className="import-note" data-testid="import-day-order">
          {t(lang, 'importDayOrderAsk')}{' '}
          {(['dmy', 'mdy'] as const).map((order) => (
            <button
              key={order}
              type="button"
              className="link-button"
              aria-pressed={choices.dayOrder === order}
              onClick={() => onChoose({ ...choices, dayOrder: order })}
              data-testid={`import-day-order-${order}`}
            >
              {t(lang, order === 'dmy' ? 'importDayOrderChoose_dmy' : 'importDayOrderChoose_mdy')}
            </button>
          ))}
        </p>
      )}
      {inferred.unreadableDates > 0 && (
        <p className="import-note" data-testid="import-undated" data-choice={choices.undatedRows ?? 'ask'}>
          {t(lang, 'importUndatedAsk', { n: inferred.unreadableDates })}{' '}
          {(['keep', 'drop'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className="link-button"
              aria-pressed={choices.undatedRows === choice}
              onClick={() => onChoose({ ...choices, undatedRows: choice })}
              data-testid={`import-undated-${choice}`}
            >
              {t(lang, choice === 'keep' ? 'importUndatedKeep' : 'importUndatedDrop')}
            </button>
          ))}
        </p>
      )}
      {countryCorrections.length > 0 && (
        <details className="import-ambiguous" open data-testid="import-country-corrections">
          <summary>{t(lang, 'importCountryCorrectionsTitle', { n: countryCorrectionCount })}</summary>
          <ul className="import-problems">
            {countryCorrections.map((row) => (
              <li key={row.row} data-row={row.row} data-from={row.from} data-to={row.to}>
                {t(lang, 'importCountryCorrectionRow', { row: row.row, name: row.name, from: region(row.from), to: region(row.to) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {ambiguousInstitutions.length > 0 && (
        <details className="import-ambiguous" data-testid="import-ambiguous-institutions">
          <summary>{t(lang, 'importAmbiguousInstitutionsTitle', { n: ambiguousInstitutions.length })}</summary>
          <ul className="import-problems">
            {ambiguousInstitutions.map((row) => (
              <li key={row.row} data-row={row.row}>
                {t(lang, 'importAmbiguousInstitutionRow', { row: row.row, name: row.name, candidates: row.candidates.join(' / ') })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {skipped.length > 0 && (
        <details className="import-ambiguous" data-testid="import-skipped">
          <summary>{t(lang, 'importSkippedTitle', { n: summary.skipped })}</summary>
          <ul className="import-problems">
            {skipped.map((row) => (
              <li key={row.row} data-testid="import-skipped-row" data-row={row.row} data-kind={row.kind}>
                {t(lang, 'importSkippedRow', { row: row.row, text: row.text })}
              </li>
            ))}
          </ul>
          {summary.skipped > skipped.length && <p className="import-note">{t(lang, 'importMoreRows', { n: summary.skipped - skipped.length })}</p>}
        </details>
      )}
    </>
  );
}

/** The first rows of a file without a recognisable header, as a table: the person then says which column is which. */
export function FirstRows({ lang, rows }: { lang: Lang; rows: readonly (readonly string[])[] }) {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return (
    <div className="import-first-rows">
      <p className="import-hint">{t(lang, 'importFirstRows')}</p>
      <table data-testid="import-first-rows">
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a file, in order, never reordered
            <tr key={r}>
              {Array.from({ length: width }, (_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a row, in order
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
