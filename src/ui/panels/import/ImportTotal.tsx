// The total of several files read together (issue 28): their rows, agreements, rows not read and headings skipped,
// and the homes they name, before they are shown as one atlas.
import type { ImportPreview } from '../../../domain/import/importer';
import type { Lang } from '../../../domain/schema';
import { t } from '../../../i18n/messages';

/** The homes a file's agreements belong to: its rows' home column's, else the list's home. */
function homesOf(preview: ImportPreview): string[] {
  const column = preview.inferred.homes?.map((h) => h.id) ?? [];
  const own = preview.guesses.home?.ok ? [preview.guesses.home.home.id] : [];
  return [...column, ...own];
}

export function ImportTotal({ lang, previews }: { lang: Lang; previews: readonly ImportPreview[] }) {
  const sum = (f: (p: ImportPreview) => number) => previews.reduce((n, p) => n + f(p), 0);
  const counts = {
    files: previews.length,
    rows: sum((p) => p.summary.rows),
    agreements: sum((p) => p.agreements),
    rejected: sum((p) => p.summary.rejected),
    skipped: sum((p) => p.summary.skipped),
    homes: new Set(previews.flatMap(homesOf)).size,
  };
  return (
    <p
      role="status"
      className="import-total"
      data-testid="import-total"
      data-files={counts.files}
      data-rows={counts.rows}
      data-agreements={counts.agreements}
      data-rejected={counts.rejected}
      data-skipped={counts.skipped}
      data-homes={counts.homes}
    >
      {t(lang, 'importTotal', counts)}
    </p>
  );
}
