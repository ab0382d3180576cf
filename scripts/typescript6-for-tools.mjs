// Preload for dependency-cruiser (`node --import ./scripts/typescript6-for-tools.mjs …`): it parses TypeScript with
// the compiler's JavaScript API, which TypeScript 7 (our type checker, a native build) no longer ships. Here the
// name `typescript` resolves to @typescript/typescript6, Microsoft's side-by-side package of the 6.x API, for both
// the ESM import and the CommonJS require (of package.json, for its version check) that dependency-cruiser makes.
import Module, { register } from 'node:module';

const TS6 = '@typescript/typescript6';
const rename = (specifier) => (specifier === 'typescript' || specifier.startsWith('typescript/') ? TS6 + specifier.slice('typescript'.length) : null);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, rename(request) ?? request, ...rest);
};

const hook = `export async function resolve(specifier, context, next) {
  const renamed = (${rename.toString()})(specifier);
  return next(renamed ?? specifier, context);
}`.replace('TS6', JSON.stringify(TS6));
register(`data:text/javascript,${encodeURIComponent(hook)}`);
