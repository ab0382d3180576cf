// @vitest-environment jsdom
// A list stored before schema version 2 (one `home`, no `homeId`) opens, upgraded: the stored-list path validates
// through upgradeDataset.
import { describe, expect, it } from 'vitest';
import { openInitialList, type ListStore, type StoredList } from '../../src/state/dataset-source';
import { MINI } from '../fixtures/mini-dataset';
import { miniV1 } from '../fixtures/v1-dataset';

function storeWith(list: StoredList): ListStore {
  const none = async () => {};
  return { current: async () => list, load: async (id) => (id === list.id ? list : null), save: async () => list.id, replace: none, leave: none, drop: none };
}

describe('openInitialList', () => {
  it('opens a stored version 1 dataset as version 2', async () => {
    const list = { id: 'abc123', fileName: 'old.csv', savedAt: 1, dataset: miniV1(), json: new Blob([]) };
    const opening = await openInitialList('?list=local:abc123', storeWith(list));
    expect(opening.notice).toBeNull();
    expect(opening.dataset).toEqual(MINI);
    expect(opening.dataset?.homes[0]?.id).toBe('tohoku-university');
  });
});
