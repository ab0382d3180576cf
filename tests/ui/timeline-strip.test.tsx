// @vitest-environment jsdom
// The presentation's timeline strip: which years are labelled, where the cursor stands, which bars are in colour.
import { afterEach, describe, expect, it } from 'vitest';
import { REGION_IDS, type RegionId } from '../../src/domain/schema';
import { stripLabelYears, TimelineStrip } from '../../src/ui/timeline/TimelineStrip';
import { byTestId, createTestRuntime, render } from './render';

const bins = Array.from({ length: 30 }, (_, i) => {
  const byRegion = Object.fromEntries(REGION_IDS.map((r) => [r, 0])) as Record<RegionId, number>;
  byRegion.asia = i % 4;
  return { year: 1983 + i, total: i % 4, byRegion };
});
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('timeline strip', () => {
  it('labels every fifth year and the cursor’s, never two within two years of each other', () => {
    const years = bins.map((b) => b.year);
    expect(stripLabelYears(years, null)).toEqual([1985, 1990, 1995, 2000, 2005, 2010]);
    expect(stripLabelYears(years, 1983)).toEqual([1983, 1990, 1995, 2000, 2005, 2010]);
    expect(stripLabelYears(years, 2012)).toEqual([1985, 1990, 1995, 2000, 2005, 2012]);
    expect(stripLabelYears([2008, 2009, 2010, 2011, 2012], null)).toEqual([2010]);
    expect(stripLabelYears([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008], null)).toEqual([2000, 2005, 2008]);
  });

  it('puts the cursor after the year shown, in colour up to it and grey after', async () => {
    const { runtime } = createTestRuntime([1983, 2012]);
    const view = await render(<TimelineStrip lang="en" bins={bins} year={1999} shown={[1983, 1999]} />, runtime);
    cleanup = view.unmount;
    const cursor = byTestId(view.host, 'timeline-strip-cursor');
    expect(cursor.style.left).toBe(`${(17 / 30) * 100}%`);
    expect(byTestId(view.host, 'timeline-strip').getAttribute('aria-label')).toBe('Agreements by year, 1983–2012; the map shows them up to 1999');
    const fills = [...view.host.querySelectorAll('g')].map((g) => g.querySelector('rect')?.getAttribute('fill') ?? null);
    expect(fills[1984 - 1983]).toBe('#E69F00');
    expect(fills[2001 - 1983]).toBe('#cbd5e1');
    expect(view.host.querySelector('.strip-axis .current')?.textContent).toBe('1999');
    await view.rerender(<TimelineStrip lang="ja" bins={bins} year={null} shown={null} />);
    expect(view.host.querySelector('[data-testid="timeline-strip-cursor"]')).toBeNull();
    expect(byTestId(view.host, 'timeline-strip').getAttribute('aria-label')).toBe('締結年の推移 1983–2012');
  });
});
