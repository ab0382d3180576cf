// Issue 29, decision 6: a filter change's keydown renders only what answers in its frame. A step of the year brush
// commits the results list and the timeline's brush in the keydown's own task; the counts, the facet counts and the
// map follow one render later (SettledView in AtlasPage.tsx), so nothing else may render with the old values first:
// not the map (it read the store's filters), not the counts, the filter panel or the header. React's commits are
// counted through the hook React DevTools uses (render-count.ts); a component is placed by where its first element is.
import { expect, test } from '@playwright/test';
import { expectedCounts, reusedPage } from './atlas-page';
import { type Commit, INSTALL_RENDER_COUNTER } from './render-count';

const atlas = reusedPage();
/** Components outside the list's rows rendered by a keydown at 4d99d90: 41 and 35 with the rows; 16 since. */
const MOST_IN_KEYDOWN = 16;
const IDLE = 'new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))';

test('a year step renders the list and the timeline in its keydown, and the counts, facets and map once, after it', async () => {
  const { page } = atlas();
  await page.addInitScript(INSTALL_RENDER_COUNTER);
  // The WebGL map held (its picture stands in): what renders is the same, the page loads in a third of the time.
  await atlas().openWithoutMap('lang=en&years=1995-2004');
  await page.getByTestId('timeline-brush').focus();
  for (const [key, range] of [
    ['ArrowRight', [1996, 2005]],
    ['ArrowLeft', [1995, 2004]],
  ] as const) {
    await page.evaluate(IDLE);
    await page.evaluate('window.__renders = []');
    await page.keyboard.press(key);
    await atlas().expectCounts(expectedCounts({ yearRange: [...range] }));
    await page.evaluate(IDLE);
    const commits = (await page.evaluate('window.__renders')) as Commit[];
    const inKeydown = commits.filter((c) => c.keydown);
    expect(inKeydown, 'one commit in the keydown').toHaveLength(1);
    const areas = inKeydown[0]!.areas;
    // The list's rows change with the data; everything else is counted.
    const counted = areas.filter((a) => a !== 'results');
    expect(counted.length, `rendered in the keydown: ${areas.join(', ')}`).toBeLessThanOrEqual(MOST_IN_KEYDOWN);
    for (const area of ['map', 'summary', 'filters', 'header', 'tabs']) expect(areas, `${area} rendered in the keydown`).not.toContain(area);
    // The counts, the facet counts and the map: once each, together, in a later commit.
    const later = commits.filter((c) => !c.keydown);
    for (const area of ['map', 'summary']) expect(later.filter((c) => c.areas.includes(area)).length, `${area} renders after the keydown`).toBe(1);
  }
  atlas().expectClean();
});
