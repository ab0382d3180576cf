// Counts for the current filter; the numbers are part of the automation contract (data-testid).
import { memo } from 'react';
import type { Summary as SummaryCounts } from '../../domain/aggregate';
import type { Lang } from '../../domain/schema';
import { formatNumber, t } from '../../i18n/messages';
import './summary.css';

/**
 * `homes`: the homes count of a many-homes dataset, or null (one home: not shown). Memoised: a filter change renders
 * the page first with the old counts (SettledView), and the counts then, once.
 */
export const Summary = memo(function Summary({ lang, summary, homes = null }: { lang: Lang; summary: SummaryCounts; homes?: number | null }) {
  return (
    <dl className="summary" aria-live="polite" aria-atomic="true">
      <div>
        <dt>{t(lang, 'agreements')}</dt>
        <dd data-testid="count-agreements">{formatNumber(lang, summary.agreements)}</dd>
      </div>
      <div>
        <dt>{t(lang, 'institutions')}</dt>
        <dd data-testid="count-institutions">{formatNumber(lang, summary.institutions)}</dd>
      </div>
      <div>
        <dt>{t(lang, 'countries')}</dt>
        <dd data-testid="count-countries">{formatNumber(lang, summary.countries)}</dd>
      </div>
      {homes !== null && (
        <div>
          <dt>{t(lang, 'homes')}</dt>
          <dd data-testid="count-homes">{formatNumber(lang, homes)}</dd>
        </div>
      )}
    </dl>
  );
});
