// A stored list that no longer validates (a bad date, a stricter schema): kept, and the page says what is wrong
// and offers to show it without the bad rows, to export it, or to delete it (issue 27, item 7).
import { useState } from 'react';
import { download } from '../../adapters/media/download';
import type { Dataset, Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { repairDataset, type ListNotice, type StoredList } from '../../state/dataset-source';

type Invalid = Extract<NonNullable<ListNotice>, { kind: 'list-invalid' }>;

export function StoredListProblem({
  lang,
  notice,
  onRepair,
  onDrop,
}: {
  lang: Lang;
  notice: Invalid;
  onRepair(list: StoredList, dataset: Dataset): Promise<void>;
  onDrop(list: StoredList): Promise<void>;
}) {
  const [unrepairable, setUnrepairable] = useState(false);
  const { list, problems } = notice;
  const repair = () => {
    const repaired = repairDataset(list.dataset, problems);
    if (repaired) void onRepair(list, repaired.dataset);
    else setUnrepairable(true);
  };
  return (
    <div className="page-notice" role="alert" data-testid="stored-list-invalid">
      <span>{t(lang, 'storedListInvalid', { file: list.fileName })}</span>
      <ul data-testid="stored-list-problems">
        {problems.slice(0, 5).map((problem) => (
          <li key={problem} dir="auto">
            {problem}
          </li>
        ))}
      </ul>
      {unrepairable && <p>{t(lang, 'storedListUnrepairable')}</p>}
      <button type="button" className="link-button" onClick={repair} data-testid="stored-list-repair">
        {t(lang, 'storedListRepair')}
      </button>
      <button type="button" className="link-button" onClick={() => download(list.json, `${list.fileName}.atlas.json`)} data-testid="stored-list-export">
        {t(lang, 'storedListExport')}
      </button>
      <button type="button" className="link-button" onClick={() => void onDrop(list)} data-testid="stored-list-drop">
        {t(lang, 'storedListDrop')}
      </button>
    </div>
  );
}
