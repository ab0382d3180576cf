// The institution card: names in both languages, city and country, and every agreement with what it means.
import { useEffect, useRef } from 'react';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useAtlas, useAtlasActions } from '../../state/runtime';

export function InstitutionCard({ lang, index }: { lang: Lang; index: AtlasIndex }) {
  const selected = useAtlas((s) => s.selected);
  const select = useAtlasActions().select;
  const heading = useRef<HTMLHeadingElement>(null);
  const institution = selected ? index.institutionsById.get(selected) : undefined;
  useEffect(() => {
    if (institution) heading.current?.focus({ preventScroll: true });
  }, [institution]);
  if (!institution) return null;
  const country = index.countriesByCode.get(institution.country);
  const agreements = [...(index.agreementsByInstitution.get(institution.id) ?? [])].sort(
    (a, b) => (a.level === b.level ? 0 : a.level === 'university' ? -1 : 1) || (a.signed ?? '').localeCompare(b.signed ?? ''),
  );
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const hasUniversity = agreements.some((a) => a.level === 'university');
  const hasDepartment = agreements.some((a) => a.level === 'department');
  return (
    <aside className="card" aria-labelledby="card-title" data-testid="institution-card" onKeyDown={(e) => e.key === 'Escape' && select(null)}>
      <button type="button" className="card-close" onClick={() => select(null)} aria-label={t(lang, 'close')}>
        ×
      </button>
      <h2 id="card-title" tabIndex={-1} ref={heading}>
        {institution.name[lang]}
      </h2>
      <p className="card-other-name" lang={other}>
        {institution.name[other]}
      </p>
      <p className="card-place">
        {t(lang, 'cardPlace', { city: lang === 'ja' && institution.city.ja ? institution.city.ja : institution.city.en, country: country?.name[lang] ?? institution.country })}
      </p>
      <ul className="card-agreements">
        {agreements.map((a) => (
          <li key={a.id} className={a.level}>
            <strong>{t(lang, a.level === 'university' ? 'universityWide' : 'departmentLevel')}</strong>
            {a.level === 'university' ? (
              <span>
                {a.signed ? t(lang, 'cardSigned', { signed: a.signed }) : t(lang, 'cardUndated')} ·{' '}
                {a.tuitionWaiver ? <span className="tag waiver">{t(lang, 'waiver')}</span> : t(lang, 'noWaiver')}
                {a.institutionIds.length > 1 && <span className="card-group"> {t(lang, 'groupAgreementSize', { n: a.institutionIds.length })}</span>}
              </span>
            ) : (
              <span>
                {t(lang, 'cardDepartment', { department: a.department ? (lang === 'ja' ? a.department.ja : a.department.en) : '—' })}
                <br />
                {t(lang, 'cardPartnerUnit', { unit: a.unit ? a.unit[lang] : t(lang, 'wholeInstitution') })}
              </span>
            )}
            <small className="card-source">
              {t(lang, 'seedLine', { line: a.source.line })} <q lang="ja">{a.source.text}</q>
            </small>
          </li>
        ))}
      </ul>
      <div className="card-explain">
        {hasUniversity && <p>{t(lang, 'universityWideMeans', { home: index.dataset.home.name[lang] })}</p>}
        {hasDepartment && <p>{t(lang, 'departmentLevelMeans')}</p>}
      </div>
    </aside>
  );
}
