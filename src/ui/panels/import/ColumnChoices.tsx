// The preview's mapping: for each field the importer knows, the column it was read from, as a select the person
// can change (or set to "not used"). A change asks for the list to be read again with the corrected columns.
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../domain/import/headers';
import type { ColumnChoice } from '../../../domain/import/importer';
import type { Lang } from '../../../domain/schema';
import { t } from '../../../i18n/messages';

const FIELD_KEYS = {
  name: 'importField_name',
  nameJa: 'importField_nameJa',
  nameEn: 'importField_nameEn',
  country: 'importField_country',
  city: 'importField_city',
  signed: 'importField_signed',
  department: 'importField_department',
  waiver: 'importField_waiver',
  expires: 'importField_expires',
  lat: 'importField_lat',
  lng: 'importField_lng',
  level: 'importField_level',
  departmentSigned: 'importField_departmentSigned',
  area: 'importField_area',
  home: 'importField_home',
} as const satisfies Record<ImportField, string>;

/** A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The whole mapping as a choice, with `field` moved to `index` (null: not used); a column holds one field. */
export function choose(columns: readonly ColumnMapping[], field: ImportField, index: number | null): ColumnChoice {
  const choice: ColumnChoice = {};
  for (const f of IMPORT_FIELDS) choice[f] = columns.find((c) => c.field === f)?.index ?? null;
  for (const f of IMPORT_FIELDS) if (index !== null && choice[f] === index) choice[f] = null;
  choice[field] = index;
  return choice;
}

/** The columns with the fields of a choice (a field left out of the choice keeps its column). */
export function applyChoice(columns: readonly ColumnMapping[], choice: ColumnChoice): ColumnMapping[] {
  const fieldAt = new Map<number, ImportField>();
  for (const f of IMPORT_FIELDS) {
    const index = choice[f];
    if (index !== null && index !== undefined) fieldAt.set(index, f);
  }
  return columns.map((c) => {
    const kept = c.field !== null && !(c.field in choice) ? c.field : null;
    return { ...c, field: fieldAt.get(c.index) ?? kept };
  });
}

interface Props {
  lang: Lang;
  columns: readonly ColumnMapping[];
  /** The header's last row and how many rows it spans; null when no header was found. */
  header: { row: number; rows: 1 | 2 } | null;
  disabled: boolean;
  onChoose(choice: ColumnChoice): void;
}

export function ColumnChoices({ lang, columns, header, disabled, onChoose }: Props) {
  return (
    <fieldset className="import-columns" data-testid="import-columns" disabled={disabled}>
      <legend>{t(lang, 'importColumns')}</legend>
      <p className="import-hint">
        {t(lang, 'importColumnsHint')}
        {header && ' '}
        {header &&
          (header.rows === 2 ? t(lang, 'importHeaderRows', { first: header.row - 1, row: header.row }) : t(lang, 'importHeaderRow', { row: header.row }))}
      </p>
      <div className="import-column-grid">
        {IMPORT_FIELDS.map((field) => {
          const current = columns.find((c) => c.field === field)?.index;
          return (
            <label key={field}>
              <span>{t(lang, FIELD_KEYS[field])}</span>
              <select
                value={current === undefined ? '' : String(current)}
                onChange={(e) => onChoose(choose(columns, field, e.currentTarget.value === '' ? null : Number(e.currentTarget.value)))}
                data-testid={`import-column-${field}`}
              >
                <option value="">{t(lang, 'importColumnUnused')}</option>
                {columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.header
                      ? t(lang, 'importColumnOption', { letter: columnLetter(c.index), header: c.header })
                      : t(lang, 'importColumnOptionBlank', { letter: columnLetter(c.index) })}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
