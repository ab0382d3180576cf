// Why a hostile or outsized file was refused (issue 27), in the page's language with the limit it passed.
import type { ImportFailure } from '../../../adapters/import/import-job';
import { MAX_CELL_LENGTH, XLSX_LIMITS, ZIP_LIMITS } from '../../../domain/import/limits';
import type { Lang } from '../../../domain/schema';
import { t } from '../../../i18n/messages';

export function refusalText(lang: Lang, failure: ImportFailure): string | null {
  switch (failure.code) {
    case 'encrypted':
      return t(lang, 'importError_encrypted');
    case 'too-big':
      return t(lang, 'importError_tooBig', { megabytes: Math.round(ZIP_LIMITS.entryBytes / (1024 * 1024)) });
    case 'too-many-cells':
      return t(lang, 'importError_tooManyCells', { rows: XLSX_LIMITS.rows, cells: XLSX_LIMITS.cells });
    case 'too-long':
      return t(lang, 'importError_tooLong', { row: failure.row ?? 0, limit: MAX_CELL_LENGTH });
    default:
      return null;
  }
}
