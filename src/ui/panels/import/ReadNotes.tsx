// The text encoding a file was read in, which a person can change (the file is read again), and the rows the
// reader had to decide about: a stray quote read as text, bytes not in the encoding (issue 27, items 4 and 10); rows
// whose lat/lng were swapped back or were outside the row's country (item 9).
import { TEXT_ENCODINGS, type TextEncodingName } from '../../../domain/import/decode';
import type { ImportPreview } from '../../../domain/import/importer';
import type { ReadNote } from '../../../domain/import/table';
import type { Lang } from '../../../domain/schema';
import { t } from '../../../i18n/messages';

const ENCODING_KEYS = {
  'utf-8': 'importEncoding_utf8',
  shift_jis: 'importEncoding_shiftJis',
  'utf-16le': 'importEncoding_utf16le',
  'utf-16be': 'importEncoding_utf16be',
} as const satisfies Record<TextEncodingName, string>;

const NOTE_KEYS = {
  'unbalanced-quote': 'importNote_unbalancedQuote',
  'replaced-bytes': 'importNote_replacedBytes',
  'coordinates-swapped': 'importNote_coordinatesSwapped',
  'coordinates-outside': 'importNote_coordinatesOutside',
} as const satisfies Record<ReadNote['code'], string>;

export function ReadNotes({ lang, preview, onEncoding }: { lang: Lang; preview: ImportPreview; onEncoding(encoding: TextEncodingName): void }) {
  const { encoding, readNotes, readNoteCount } = preview;
  if (!encoding && readNoteCount === 0) return null;
  return (
    <div className="import-read-notes">
      {encoding && (
        <label className="import-encoding">
          {t(lang, 'importEncoding')}{' '}
          <select data-testid="import-encoding" value={encoding} onChange={(event) => onEncoding(event.target.value as TextEncodingName)}>
            {TEXT_ENCODINGS.map((name) => (
              <option key={name} value={name}>
                {t(lang, ENCODING_KEYS[name])}
              </option>
            ))}
          </select>
        </label>
      )}
      {readNoteCount > 0 && (
        <ul className="import-problems" data-testid="import-read-notes">
          {readNotes.map((note) => (
            <li key={[note.code, note.row].join('/')} data-testid="import-read-note" data-row={note.row} data-code={note.code}>
              {t(lang, NOTE_KEYS[note.code], {
                row: note.row,
                country: note.country ? (new Intl.DisplayNames([lang], { type: 'region' }).of(note.country) ?? note.country) : '',
              })}
            </li>
          ))}
          {readNoteCount > readNotes.length && <li>{t(lang, 'importMoreRows', { n: readNoteCount - readNotes.length })}</li>}
        </ul>
      )}
    </div>
  );
}
