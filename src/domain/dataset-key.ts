// A short fingerprint of a dataset: the build writes it beside the opening view it prerendered from that dataset
// (scripts/prerender.ts), and src/app/main.tsx hydrates that view only when the page opens the same data. A page that
// is served other data (a newer dataset behind a cached page, a test's stand-in) renders instead of hydrating.
import type { Dataset } from './schema';

export function datasetKey(d: Dataset): string {
  const first = d.agreements[0]?.id ?? '';
  const last = d.agreements[d.agreements.length - 1]?.id ?? '';
  return [d.meta.asOf, d.homes.map((h) => h.id).join(','), d.institutions.length, d.agreements.length, first, last].join('|');
}
