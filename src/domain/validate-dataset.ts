// Validates the loaded dataset in the page: a quick pass over the zod schema's own structure and checks, zod's
// full parse (and its messages) only when that pass fails.
import type * as z from 'zod';
import { upgradeDataset } from './dataset-version';
import { datasetSchema, parseDataset, type Dataset } from './schema';

/** True only if zod would accept the value and return it unchanged; false means "ask zod", not "invalid". */
export type Accepts = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A predicate read off a zod schema: the same structure, and every check (lengths, patterns, integer, ranges,
 * refinements) run by zod's own check functions. Why not zod itself: jitless (the page's CSP forbids the `new
 * Function` its JIT needs), zod builds a copy of every object with a payload per field, ~1.2 s for 100k
 * agreements; this pass copies nothing. It only has to be as strict as zod, so anything it does not know how to
 * mirror exactly (other schema kinds, coercion, strict objects) is refused here, at import, not guessed.
 */
export function acceptsAsZodWould(schema: z.core.$ZodType): Accepts {
  const zod = schema._zod;
  // As zod does: a schema that is itself a check (z.email(), z.int() …) runs itself as its first check.
  const checks: z.core.$ZodCheck[] = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as z.core.$ZodCheck] : []), ...(zod.def.checks ?? [])];
  const structure = structureOf(schema);
  if (checks.length === 0) return structure;
  const payload = { value: undefined as unknown, issues: [] as z.core.$ZodRawIssue[] };
  return (value) => {
    if (!structure(value)) return false;
    payload.value = value;
    for (const check of checks) {
      // Checks add issues to the payload; an async refinement (a promise) cannot be decided here, so zod decides.
      if (check._zod.check(payload as z.core.ParsePayload<never>) !== undefined || payload.issues.length !== 0) {
        payload.issues = [];
        return false;
      }
    }
    return true;
  };
}

function structureOf(schema: z.core.$ZodType): Accepts {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if ('coerce' in def && def.coerce) throw unsupported(schema, 'coercion');
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'literal': {
      const values = schema._zod.values!;
      return (value) => values.has(value as string);
    }
    case 'enum': {
      const values = schema._zod.values!;
      return (value) => values.has(value as string);
    }
    case 'nullable': {
      const inner = acceptsAsZodWould(def.innerType);
      return (value) => value === null || inner(value);
    }
    case 'array': {
      // Elements only, as zod: non-index properties (which JSON cannot give an array) are neither checked nor copied.
      const element = acceptsAsZodWould(def.element);
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i += 1) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'object': {
      const { shape, catchall } = def;
      if (catchall) throw unsupported(schema, 'a catch-all or strict object');
      const fields = Object.entries(shape).map(([key, field]) => ({
        key,
        accepts: acceptsAsZodWould(field),
        // Only `.optional()` lets the key be absent with nothing put in its place.
        mayBeAbsent: field._zod.optin === 'optional' && field._zod.optout === 'optional',
      }));
      return (value) => {
        if (!isObject(value)) return false;
        let present = 0;
        for (const field of fields) {
          if (!(field.key in value)) {
            if (field.mayBeAbsent) continue;
            return false;
          }
          if (!field.accepts(value[field.key])) return false;
          present += 1;
        }
        // No keys but the declared ones. zod would strip the others from its copy and run refinements on that
        // copy; refused here, the value is exactly what zod would return and its refinements see the same data.
        let keys = 0;
        for (const _ in value) keys += 1;
        return keys === present;
      };
    }
    case 'optional': {
      const inner = acceptsAsZodWould(def.innerType);
      return (value) => value === undefined || inner(value);
    }
    default:
      throw unsupported(schema, `"${def.type}"`);
  }
}

const unsupported = (schema: z.core.$ZodType, what: string) =>
  new Error(
    `acceptsAsZodWould: the dataset schema uses ${what} (${schema._zod.def.type}), which the quick pass does not mirror; teach it in src/domain/validate-dataset.ts`,
  );

/** Built once, when the module loads: a schema change it cannot mirror fails here, in every test, not in a user's page. */
export const isDataset = acceptsAsZodWould(datasetSchema) as (value: unknown) => value is Dataset;

/**
 * The dataset (upgraded from an older schema version first: dataset-version.ts), if valid; otherwise throws a DatasetError that names each bad record and field. Valid data is
 * returned as it is, which is what zod would return; data with keys the schema does not declare goes to zod.
 */
export function validateDataset(raw: unknown): Dataset {
  const data = upgradeDataset(raw);
  return isDataset(data) ? data : parseDataset(data);
}
