// The institution card: names in both languages, city and country, and every agreement with what it means.
import { memo, useEffect, useRef } from 'react';
import type { AtlasIndex } from '../../domain/atlas-index';
import { soleHome } from '../../domain/homes';
import type { Identification, Lang } from '../../domain/schema';
import { homesName } from '../../i18n/dataset-texts';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';
import { focusFirstShown, landmark } from '../focus';
import { AlsoPartners } from './HomesPanel';
import './card.css';

type Agreement = AtlasIndex['dataset']['agreements'][number];

const departmentName = (lang: Lang, d: { ja: string; en: string }) => (lang === 'ja' ? d.ja : d.en);

/** How sure the identification is, when it was a curation judgement: a badge and the reason. */
function IdentificationNote({ lang, identification }: { lang: Lang; identification: Identification | undefined }) {
  if (!identification || identification.confidence === 'certain') return null;
  const key = identification.confidence === 'probable' ? 'identificationProbable' : 'identificationUncertain';
  return (
    <p className={`card-identification ${identification.confidence}`} data-testid="card-identification">
      <span className="tag">{t(lang, key)}</span> {identification.reason[lang]}
    </p>
  );
}

/**
 * The student's question, answered: for each chosen department, can its students go, through which agreement,
 * and is tuition waived. University-wide agreements are open to every department's students.
 */
function DepartmentAnswers({
  lang,
  index,
  agreements,
  departments,
}: {
  lang: Lang;
  index: AtlasIndex;
  agreements: Agreement[];
  departments: readonly string[];
}) {
  if (departments.length === 0) return null;
  const university = agreements.filter((a) => a.level === 'university');
  const waived = university.some((a) => a.tuitionWaiver);
  return (
    <ul className="card-answers" data-testid="card-answers">
      {departments.map((id) => {
        const department = index.departmentsById.get(id);
        if (!department) return null;
        const name = departmentName(lang, department);
        const own = agreements.some((a) => a.level === 'department' && a.department?.id === id);
        if (!own && university.length === 0)
          return (
            <li key={id} className="closed">
              {t(lang, 'cardClosed', { department: name })}
            </li>
          );
        const via = t(lang, own && university.length ? 'viaBoth' : own ? 'viaOwn' : 'viaUniversity');
        return (
          <li key={id} className="open">
            {t(lang, 'cardOpenVia', { department: name, via })} {university.length > 0 && t(lang, waived ? 'cardWaived' : 'cardNotWaived')}
          </li>
        );
      })}
    </ul>
  );
}

/** The signing date as precisely as the list gave it (an imported list may give only the month or the year). */
function signedText(lang: Lang, a: Agreement): string {
  if (!a.signed) return t(lang, 'cardUndated');
  if (a.signedPrecision === 'year') return t(lang, 'cardSignedYear', { year: Number(a.signed.slice(0, 4)) });
  if (a.signedPrecision === 'month') return t(lang, 'cardSignedMonth', { month: a.signed.slice(0, 7) });
  return t(lang, 'cardSigned', { signed: a.signed });
}

/** The end of the agreement's term, as precisely as the list gave it (only imported lists give one). */
function expiresText(lang: Lang, expires: NonNullable<Agreement['expires']>): string {
  if (expires.precision === 'year') return t(lang, 'cardExpiresYear', { year: Number(expires.date.slice(0, 4)) });
  if (expires.precision === 'month') return t(lang, 'cardExpiresMonth', { month: expires.date.slice(0, 7) });
  return t(lang, 'cardExpires', { date: expires.date });
}

function AgreementItem({ lang, agreement: a }: { lang: Lang; agreement: Agreement }) {
  return (
    <li className={a.level}>
      <strong>{t(lang, a.level === 'university' ? 'universityWide' : 'departmentLevel')}</strong>
      {a.level === 'university' ? (
        <span>
          {signedText(lang, a)} ·{' '}
          {a.tuitionWaiver ? <span className="tag waiver">{t(lang, 'waiver')}</span> : t(lang, a.tuitionWaiver === null ? 'waiverUnknown' : 'noWaiver')}
          {a.institutionIds.length > 1 && <span className="card-group"> {t(lang, 'groupAgreementSize', { n: a.institutionIds.length })}</span>}
        </span>
      ) : (
        <span>
          {t(lang, 'cardDepartment', { department: a.department ? departmentName(lang, a.department) : '—' })}
          <br />
          {t(lang, 'cardPartnerUnit', { unit: a.unit ? a.unit[lang] : t(lang, 'wholeInstitution') })}
        </span>
      )}
      {a.expires && (
        <span className="card-expires" data-testid="card-expires">
          {expiresText(lang, a.expires)}
        </span>
      )}
      <IdentificationNote lang={lang} identification={a.identification} />
      <small className="card-source">
        {t(lang, 'seedLine', { line: a.source.line })} <q lang="ja">{a.source.text}</q>
      </small>
    </li>
  );
}

/** Memoised: it reads the selection from the store, and the page renders again for each playback year. */
export const InstitutionCard = memo(function InstitutionCard({ lang, index }: { lang: Lang; index: AtlasIndex }) {
  const selected = useAtlas((s) => s.selected);
  const departments = useAtlas((s) => s.departments);
  const select = useAtlasActions().select;
  const heading = useRef<HTMLHeadingElement>(null);
  const card = useRef<HTMLElement>(null);
  // What had focus when the card opened (a result row, a map marker), for closing to go back to.
  const opener = useRef<Element | null>(null);
  const institution = selected ? index.institutionsById.get(selected) : undefined;
  useEffect(() => {
    if (!institution) return;
    const active = document.activeElement;
    if (active && active !== document.body && !card.current?.contains(active)) opener.current = active;
    heading.current?.focus({ preventScroll: true });
  }, [institution]);
  // Esc or ×: the card goes, and focus goes back to its opener, else to the results list or the map; never the body.
  const close = () => {
    const back = opener.current;
    opener.current = null;
    select(null);
    focusFirstShown(back, landmark('results'), landmark('map'));
  };
  if (!institution) return null;
  const country = index.countriesByCode.get(institution.country);
  const agreements = [...(index.agreementsByInstitution.get(institution.id) ?? [])].sort((a, b) => (a.signed ?? '').localeCompare(b.signed ?? ''));
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const university = agreements.filter((a) => a.level === 'university');
  // Department-level agreements grouped by the department whose students they serve, in the dataset's order.
  const byDepartment = new Map<string, { name: string; agreements: Agreement[] }>();
  for (const a of agreements) {
    if (a.level !== 'department') continue;
    const key = a.department?.id ?? '';
    const group = byDepartment.get(key) ?? { name: a.department ? departmentName(lang, a.department) : '—', agreements: [] };
    group.agreements.push(a);
    byDepartment.set(key, group);
  }
  return (
    <aside className="card" ref={card} aria-labelledby="card-title" data-testid="institution-card" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <button type="button" className="card-close" onClick={close} aria-label={t(lang, 'close')}>
        ×
      </button>
      <h2 id="card-title" tabIndex={-1} ref={heading}>
        {institution.name[lang]}
      </h2>
      <p className="card-other-name" lang={other}>
        {institution.name[other]}
      </p>
      <p className="card-place">
        {institution.placement === 'country'
          ? t(lang, 'cardPlaceCountryOnly', { country: country?.name[lang] ?? institution.country })
          : t(lang, 'cardPlace', {
              city: lang === 'ja' && institution.city.ja ? institution.city.ja : institution.city.en,
              country: country?.name[lang] ?? institution.country,
            })}
      </p>
      {institution.placement === 'country' && (
        <p className="card-identification placement" data-testid="card-placement" data-placement="country">
          {t(lang, 'cardPlacedAtCountry')}
        </p>
      )}
      <IdentificationNote lang={lang} identification={institution.identification} />
      <DepartmentAnswers lang={lang} index={index} agreements={agreements} departments={departments} />
      {university.length > 0 && (
        <section className="card-group-section">
          <h3>{t(lang, 'cardForEveryone')}</h3>
          <ul className="card-agreements">
            {university.map((a) => (
              <AgreementItem key={a.id} lang={lang} agreement={a} />
            ))}
          </ul>
        </section>
      )}
      {[...byDepartment].map(([key, group]) => (
        <section key={key} className="card-group-section">
          <h3>{t(lang, 'cardForDepartment', { department: group.name })}</h3>
          <ul className="card-agreements">
            {group.agreements.map((a) => (
              <AgreementItem key={a.id} lang={lang} agreement={a} />
            ))}
          </ul>
        </section>
      ))}
      <AlsoPartners lang={lang} index={index} institutionId={institution.id} />
      <div className="card-explain">
        {university.length > 0 && (
          <p>{soleHome(index.dataset) ? t(lang, 'universityWideMeans', { home: homesName(lang, index.dataset) }) : t(lang, 'universityWideMeansNetwork')}</p>
        )}
        {byDepartment.size > 0 && <p>{t(lang, 'departmentLevelMeans')}</p>}
        <p className="muted">{t(lang, 'cardAsOf', { asOf: index.dataset.meta.asOf })}</p>
      </div>
    </aside>
  );
});
