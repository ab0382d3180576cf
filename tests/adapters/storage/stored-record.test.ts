// A list kept by an earlier release (record format 2, dataset schema version 1) still opens: the record is upgraded
// to format 3 with a version 2 dataset.
import { describe, expect, it } from 'vitest';
import { STORED_SCHEMA, upgradeRecord } from '../../../src/adapters/storage/imported-list';
import { validateDataset } from '../../../src/domain/validate-dataset';
import { MINI } from '../../fixtures/mini-dataset';
import { miniV1 } from '../../fixtures/v1-dataset';

const blob = (value: unknown) => new Blob([typeof value === 'string' ? value : JSON.stringify(value)], { type: 'application/json' });

describe('upgradeRecord', () => {
  it('upgrades a format 2 record holding a version 1 dataset', async () => {
    const old = { schema: 2 as const, id: 'abc', fileName: 'old.csv', savedAt: 1, json: blob(miniV1()) };
    const record = await upgradeRecord(old);
    expect(STORED_SCHEMA).toBe(3);
    expect(record).toMatchObject({ schema: 3, id: 'abc', fileName: 'old.csv', savedAt: 1 });
    const dataset = JSON.parse(await record.json.text());
    expect(dataset.schemaVersion).toBe(2);
    expect(validateDataset(dataset)).toEqual(MINI);
  });

  it('keeps a record of the current format, and unreadable JSON as it is', async () => {
    const current = { schema: 3 as const, id: 'a', fileName: 'a.csv', savedAt: 1, json: blob(MINI) };
    expect(await upgradeRecord(current)).toBe(current);
    const broken = { schema: 2 as const, id: 'b', fileName: 'b.csv', savedAt: 1, json: blob('{"trunc') };
    const kept = await upgradeRecord(broken);
    expect(kept.schema).toBe(3);
    expect(kept.json).toBe(broken.json);
  });
});
