// @vitest-environment jsdom
// The arcs of a many-homes atlas are built only once the lines are shown, and then kept for the dataset: a page that
// never shows them, or a playback year while they are off, pays nothing for them (issue 28 item 7, issue 29 item 3).
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import type { ArcGeometry } from '../../src/domain/arcs';
import { useArcGeometry } from '../../src/ui/use-homes';
import { threeHomesDataset } from '../fixtures/three-homes';
import { createTestRuntime, render } from './render';

const index = buildIndex(threeHomesDataset());

/** Records what the hook gives on each render into `seen`. */
function Probe({ shown, seen }: { shown: boolean; seen: (ArcGeometry | null)[] }) {
  seen.push(useArcGeometry(index, shown));
  return null;
}

describe('the arcs’ geometry', () => {
  it('is null while the lines are off, built when they are shown, and the same object when shown again', async () => {
    const seen: (ArcGeometry | null)[] = [];
    const { runtime } = createTestRuntime(index.yearExtent);
    const page = await render(<Probe shown={false} seen={seen} />, runtime);
    expect(seen.at(-1)).toBeNull();
    await page.rerender(<Probe shown seen={seen} />);
    const first = seen.at(-1);
    expect(first).not.toBeNull();
    await page.rerender(<Probe shown={false} seen={seen} />);
    expect(seen.at(-1)).toBeNull();
    await page.rerender(<Probe shown seen={seen} />);
    expect(seen.at(-1)).toBe(first);
    await page.unmount();
  });
});
