// axe, as a11y.spec and no-webgl.spec run it: WCAG 2.2 A/AA tags, serious and critical violations, one line each.
// `resultTypes: ['violations']` (axe's option for large pages): the same rules run and report the same violations,
// but passing and inapplicable nodes get no CSS selector computed, ~0.8× of a run's page CPU
// (scripts/axe-cpu.ts, issue 25).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, label = ''): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label ? `${label} ` : ''}${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}
