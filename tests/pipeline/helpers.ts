// Shared by the pipeline tests: the real inputs, loaded once, and a way to build with one input changed.
import { buildDataset, type PipelineInputs, type PipelineResult } from '../../src/pipeline/build';
import { readInputs } from '../../src/pipeline/inputs';
import type { GazetteerPlace } from '../../src/pipeline/gazetteer';

export const ROOT = new URL('../../', import.meta.url).pathname;

let inputs: PipelineInputs | null = null;
let result: PipelineResult | null = null;

export function realInputs(): PipelineInputs {
  inputs ??= readInputs(ROOT);
  return inputs;
}

export function realBuild(): PipelineResult {
  result ??= buildDataset(realInputs());
  return result;
}

/** Seed lines (1-based) of the real seed. */
export function seedLines(): string[] {
  return realInputs().seed.text.split('\n');
}

/** Builds with the seed text or one curation table replaced. */
export function buildWith(change: {
  seed?: (text: string) => string;
  table?: [keyof PipelineInputs['curation'], (text: string) => string];
  place?: GazetteerPlace;
}) {
  const base = realInputs();
  const gazetteer = change.place ? new Map([...base.gazetteer, [change.place.geonameId, change.place]]) : base.gazetteer;
  const curation = { ...base.curation };
  if (change.table) {
    const [name, edit] = change.table;
    curation[name] = { ...curation[name], text: edit(curation[name].text) };
  }
  return buildDataset({ ...base, gazetteer, seed: { ...base.seed, text: change.seed ? change.seed(base.seed.text) : base.seed.text }, curation });
}

/** Replaces the text of one 1-based line. */
export const replaceLine = (line: number, edit: (text: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? edit(l) : l))
    .join('\n');
