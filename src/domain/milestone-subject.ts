import type { Milestone } from './storyline';

/** What a slide is about, for the map to ring and name: its partner institution, its country, or nothing. */
export type MilestoneSubject = { kind: 'institution'; id: string } | { kind: 'country'; code: string } | null;

/**
 * A slide about one agreement (or one partner) is about the partner its caption names; the country slide about its
 * country. The title, the busiest year (many partners) and the totals are about the whole network.
 */
export function milestoneSubject(m: Milestone): MilestoneSubject {
  switch (m.kind) {
    case 'first-agreement':
    case 'first-in-region':
    case 'partner-count':
    case 'latest-agreement':
    case 'countries-reached':
      return { kind: 'institution', id: m.partners.institutionId };
    case 'top-country':
      return { kind: 'country', code: m.countryCode };
    case 'most-connected':
      return { kind: 'institution', id: m.partners[0]!.institutionId };
    default:
      return null;
  }
}
