// The results list's window (issue 29): which items a long list renders for a scroll position.
import { describe, expect, it } from 'vitest';
import { itemOffsets, windowAt } from '../../src/ui/panels/list-window';

const heights = { row: 50, heading: 20 };
// A group of 3 rows, a comparison part's group (two headings) of 2 rows, then 500 rows in one group.
const headings = [1, 0, 0, 0, 2, 0, 0, 1, ...Array.from({ length: 500 }, () => 0)];

describe('list window', () => {
  it('places each item under the ones before it', () => {
    const o = itemOffsets(headings, heights);
    expect([...o.slice(0, 9)]).toEqual([0, 20, 70, 120, 170, 210, 260, 310, 330]);
    expect(o[headings.length]).toBe(310 + 20 + 500 * 50);
  });
  it('renders the items in view and a margin, not the rest', () => {
    const o = itemOffsets(headings, heights);
    const top = windowAt(o, 0, 800, 600);
    expect(top.start).toBe(0);
    expect(o[top.end - 1]!).toBeLessThan(1400);
    expect(o[top.end]!).toBeGreaterThanOrEqual(1400);
    expect(top.end - top.start).toBeLessThan(40);
    const deep = windowAt(o, 10_000, 10_800, 600);
    expect(o[deep.start + 1]!).toBeGreaterThan(9_400);
    expect(o[deep.start]!).toBeLessThanOrEqual(9_400);
    expect(o[deep.end]!).toBeGreaterThanOrEqual(11_400);
    const end = windowAt(o, 30_000, 30_800, 600);
    expect(end.end).toBe(headings.length);
  });
  it('keeps at least one item for a list scrolled past its end', () => {
    const o = itemOffsets([1, 0], heights);
    expect(windowAt(o, 5_000, 5_800, 0)).toEqual({ start: 1, end: 2 });
  });
});
