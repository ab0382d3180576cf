// "About the data": source, date, counting conventions and every curation judgement.
import { memo, useEffect, useRef } from 'react';
import type { Correction, Dataset, Lang } from '../../domain/schema';
import { formatNumber, t, type MessageKey } from '../../i18n/messages';
import { useCorrections } from './use-corrections';
import './about-data.css';

const KIND_NAMES: Record<Correction['kind'], Extract<MessageKey, `correctionKind${string}`>> = {
  country: 'correctionKindCountry',
  header: 'correctionKindHeader',
  department: 'correctionKindDepartment',
  duplicate: 'correctionKindDuplicate',
  spelling: 'correctionKindSpelling',
  split: 'correctionKindSplit',
  count: 'correctionKindCount',
  other: 'correctionKindOther',
};

/** The source paragraph: stated counts from the dataset's metadata, university-wide agreements counted in it. */
function sourceParagraph(lang: Lang, dataset: Dataset): string {
  const { meta } = dataset;
  return t(lang, 'aboutSource', {
    source: meta.source,
    asOf: meta.asOf,
    university: dataset.agreements.filter((a) => a.level === 'university').length,
    universityInstitutions: meta.stated.university.institutions,
    universityCountries: meta.stated.university.countries,
    departmentInstitutions: meta.stated.department.institutions,
    departmentCountries: meta.stated.department.countries,
  });
}

/** A decision or reason: in Japanese where the dataset gives it, else the English text, marked as English. */
function CorrectionText({ lang, text, ja }: { lang: Lang; text: string; ja: string | undefined }) {
  if (lang === 'en') return <td>{text}</td>;
  if (ja) return <td>{ja}</td>;
  return (
    <td lang="en">
      <span className="tag">{t(lang, 'englishOnly')}</span> {text}
    </td>
  );
}

/** Memoised: hundreds of correction rows that change only with the language. */
export const AboutData = memo(function AboutData({ lang, dataset, open, onClose }: { lang: Lang; dataset: Dataset; open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The built page fetches them when the panel first opens (use-corrections.ts).
  const { corrections, error } = useCorrections(dataset, open);
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
      <p>{sourceParagraph(lang, dataset)}</p>
      {/* The list's own notes (meta.about): the built-in list's from its curation, an imported list's from the importer. */}
      {dataset.meta.about && <p data-testid="about-counting">{dataset.meta.about.counting[lang]}</p>}
      {dataset.meta.about && <p data-testid="about-corrections">{dataset.meta.about.corrections[lang]}</p>}
      {corrections && <p className="muted">{t(lang, 'correctionsSummary', { n: corrections.length, asOf: dataset.meta.asOf })}</p>}
      {error && <p role="alert">{t(lang, 'panelErrorDetail', { error })}</p>}
      {open && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-label={t(lang, 'correctionsTable')} data-testid="corrections-scroll">
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
              {(corrections ?? []).map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the dataset's corrections are a fixed list; two can share a line and kind
                <tr key={i}>
                  <td>{formatNumber(lang, c.line)}</td>
                  <td lang="ja">{c.seedText}</td>
                  <td>{t(lang, KIND_NAMES[c.kind])}</td>
                  <CorrectionText lang={lang} text={c.decision} ja={c.ja?.decision} />
                  <CorrectionText lang={lang} text={c.reason} ja={c.ja?.reason} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </dialog>
  );
});
