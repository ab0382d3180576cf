// axe, as a11y.spec and no-webgl.spec run it: WCAG 2.2 A/AA tags, serious and critical violations, one line each.
// `resultTypes: ['violations']` (axe's option for large pages): the same rules run and report the same violations,
// but passing and inapplicable nodes get no CSS selector computed, ~0.8× of a run's page CPU
// (scripts/axe-cpu.ts, issue 25). Legacy mode: axe.run() in the page itself. The default (runPartial, then finishRun)
// opens a second, blank page in the context, injects axe into it and merges the results there: another renderer and
// another axe parse per run, for what only cross-origin frames need, and the atlas has none (one frame, its CSP
// allows no other origin). The same rules run on the same document (bench/suite-times-37.md).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, label = ''): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label ? `${label} ` : ''}${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}
