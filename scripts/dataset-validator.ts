// Vite plugin: `virtual:dataset-validator`, a validator for data/agreements.json compiled at build time from the
// zod schema (src/domain/schema.ts → z.toJSONSchema → Ajv standalone code).
//
// Why: the page's CSP forbids `eval`, so zod runs jitless in the browser, at ~12 µs a record: 1.2 s for a
// 100k-agreement dataset, on the main thread, before anything can be drawn. Ajv's standalone output is plain
// code generated here, at build time (no eval at run time), and checks the same dataset in ~0.15 s. The zod schema
// stays the single source of truth; zod still writes the error messages when the quick check fails
// (src/domain/validate-dataset.ts), and a property test holds the two to the same verdicts.
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import * as z from 'zod';
import type { Plugin } from 'vite';
import { datasetShape } from '../src/domain/schema.ts';

const ID = 'virtual:dataset-validator';
const RESOLVED = `\0${ID}`;
const UCS2_LENGTH = '((text) => { let n = 0; for (const _ of text) n += 1; return n; })';

export function datasetValidatorCode(): string {
  const jsonSchema = z.toJSONSchema(datasetShape, { target: 'draft-7' });
  const ajv = new Ajv({ code: { source: true, esm: true, lines: false }, strict: true, allErrors: false });
  const validate = ajv.compile(jsonSchema);
  const toCode = (standalone as unknown as { default?: typeof standalone }).default ?? standalone;
  const code = toCode(ajv, validate);
  // Ajv's one runtime helper (string length in code points, for minLength) is inlined: imported, it is a CommonJS
  // module whose default export Vite's dev server did not resolve ("func2 is not a function"), and inlined the
  // check is self-contained, so Ajv is needed at build time only.
  const esm = code.replace(/^"use strict";/, '').replaceAll('require("ajv/dist/runtime/ucs2length").default', UCS2_LENGTH);
  if (/\brequire\(/.test(esm)) throw new Error(`${ID}: Ajv's output needs a runtime helper (require); the check must be self-contained`);
  return esm;
}

export function datasetValidator(): Plugin {
  return {
    name: 'partner-atlas-dataset-validator',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? datasetValidatorCode() : undefined),
  };
}
