// Datasets written before version 2 of the schema (src/domain/schema.ts) are upgraded before they are validated:
// the app's load, the lists kept in the browser and `npm run import` all read through `upgradeDataset`.
// Version 1 (no `schemaVersion`) had one `home` and agreements without `homeId`; version 2 has `homes` and each
// agreement names its home. Pure and shallow: only what changed is copied, the rest is passed on untouched.
/** The dataset schema's version: 2 has `homes` and each agreement's `homeId`; 1 (no `schemaVersion`) had one `home`. */
export const SCHEMA_VERSION = 2;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The dataset in the current schema's shape. A version 1 dataset gets `homes: [home]` (the home's departments are
 * every department) and each agreement the home's id; anything else (the current version, a newer or unknown one,
 * garbage) is returned as it is, for validation to judge.
 */
export function upgradeDataset(raw: unknown): unknown {
  if (!isObject(raw) || 'schemaVersion' in raw || !isObject(raw.home)) return raw;
  const { home, ...rest } = raw;
  const homeId = home.id;
  const departments = Array.isArray(raw.departments) ? raw.departments : [];
  const departmentIds = departments.map((d) => (isObject(d) ? d.id : d));
  const agreements = Array.isArray(raw.agreements) ? raw.agreements.map((a) => (isObject(a) ? { ...a, homeId } : a)) : raw.agreements;
  // Key order as a version 2 file writes it: the version first, the homes where the home was.
  const out: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION };
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'regions' && !('homes' in out)) out.homes = [{ ...home, departmentIds }];
    out[key] = key === 'agreements' ? agreements : value;
  }
  if (!('homes' in out)) out.homes = [{ ...home, departmentIds }];
  return out;
}
