// "About the data": source, date, counting conventions and every curation judgement.
import { memo, useEffect, useRef } from 'react';
import type { Dataset, Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';

const KIND_NAMES: Record<string, { ja: string; en: string }> = {
  country: { ja: '国の修正', en: 'Country moved' },
  header: { ja: '見出しの補完・修正', en: 'Header inferred/fixed' },
  department: { ja: '部局の移動', en: 'Department moved' },
  duplicate: { ja: '重複の除去', en: 'Duplicate removed' },
  spelling: { ja: '表記の修正', en: 'Spelling corrected' },
  split: { ja: '分割の判断', en: 'Split' },
  count: { ja: '件数の差', en: 'Count difference' },
  other: { ja: 'その他', en: 'Other' },
};

/** Memoised: hundreds of correction rows that change only with the language. */
export const AboutData = memo(function AboutData({ lang, dataset, open, onClose }: { lang: Lang; dataset: Dataset; open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="about" aria-labelledby="about-title" onClose={onClose} data-testid="about">
      <div className="about-head">
        <h2 id="about-title">{t(lang, 'aboutData')}</h2>
        <button type="button" className="card-close" onClick={onClose} aria-label={t(lang, 'close')}>
          ×
        </button>
      </div>
      <p>{t(lang, 'aboutSource')}</p>
      <p>{t(lang, 'aboutCounting')}</p>
      <p>{t(lang, 'aboutCorrections')}</p>
      <p className="muted">
        {dataset.corrections.length} · {dataset.meta.asOf}
      </p>
      {open && (
        <div className="table-scroll">
          <table className="corrections">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'correctionLine')}</th>
                <th scope="col">{t(lang, 'correctionText')}</th>
                <th scope="col">{t(lang, 'correctionKind')}</th>
                <th scope="col">{t(lang, 'correctionDecision')}</th>
                <th scope="col">{t(lang, 'correctionReason')}</th>
              </tr>
            </thead>
            <tbody>
              {dataset.corrections.map((c, i) => (
                <tr key={i}>
                  <td>{c.line}</td>
                  <td lang="ja">{c.seedText}</td>
                  <td>{KIND_NAMES[c.kind]?.[lang] ?? c.kind}</td>
                  <td>{c.decision}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </dialog>
  );
});
