// Details of the one selected country: counts by level and a way back to the world.
import type { CountryCount } from '../../domain/aggregate';
import type { AtlasIndex } from '../../domain/atlas-index';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import { useAtlasActions } from '../../state/runtime';
import './card.css';

export function CountryDetails({ lang, index, code, count }: { lang: Lang; index: AtlasIndex; code: string; count: CountryCount | undefined }) {
  const selectCountry = useAtlasActions().selectCountry;
  const country = index.countriesByCode.get(code);
  if (!country) return null;
  const region = index.dataset.regions.find((r) => r.id === country.region);
  return (
    <aside className="country-details" aria-labelledby="country-title" data-testid="country-details">
      <h2 id="country-title">{country.name[lang]}</h2>
      <p className="muted">{region?.name[lang]}</p>
      <p>{t(lang, 'countryCounts', { university: count?.university ?? 0, department: count?.department ?? 0, institutions: count?.institutions ?? 0 })}</p>
      <button type="button" className="link-button" onClick={() => selectCountry(code)}>
        {t(lang, 'clearCountry')}
      </button>
    </aside>
  );
}
