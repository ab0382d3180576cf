// Shared by the pipeline tests: the real inputs, loaded once, and ways to build with one input changed in memory.
import { csvFormatRow, csvParseRows } from 'd3';
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

export type TableName = keyof PipelineInputs['curation'];
type TextEdit = (text: string) => string;

/** One change to the real inputs: the seed text, one curation table, a gazetteer place, or border polygons left out. */
export interface InputEdit {
  seed?: TextEdit;
  table?: [TableName, TextEdit];
  place?: GazetteerPlace;
  /** ISO 3166-1 numeric codes whose polygons are left out of the borders. */
  withoutBorders?: string[];
}

/** Builds with one input changed (the real inputs are not touched). */
export function buildWith(change: InputEdit) {
  const base = realInputs();
  const gazetteer = change.place ? new Map([...base.gazetteer, [change.place.geonameId, change.place]]) : base.gazetteer;
  const borders = change.withoutBorders
    ? { byNumeric: new Map([...base.borders.byNumeric].filter(([id]) => !change.withoutBorders!.includes(id))) }
    : base.borders;
  const curation = { ...base.curation };
  if (change.table) {
    const [name, edit] = change.table;
    curation[name] = { ...curation[name], text: edit(curation[name].text) };
  }
  return buildDataset({ ...base, gazetteer, borders, seed: { ...base.seed, text: change.seed ? change.seed(base.seed.text) : base.seed.text }, curation });
}

/** Replaces the text of one 1-based line. */
export const replaceLine = (line: number, edit: (text: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? edit(l) : l))
    .join('\n');

/** Edits one curation table, applying the text edits in order. */
export const table = (name: TableName, ...edits: TextEdit[]): InputEdit => ({ table: [name, (text) => edits.reduce((t, edit) => edit(t), text)] });

/** The real table's text. */
export const tableText = (name: TableName): string => realInputs().curation[name].text;

/**
 * The 1-based line of the real table's row whose first field is `key` (a number is taken as the line itself).
 * The real tables have one record per line, which the helpers below rely on.
 */
export function rowLine(name: TableName, key: string | number): number {
  if (typeof key === 'number') return key;
  const index = tableText(name)
    .split('\n')
    .findIndex((l, i) => i > 0 && csvParseRows(l)[0]?.[0] === key);
  if (index < 0) throw new Error(`no row "${key}" in ${name}`);
  return index + 1;
}

/** The line a row appended to the real table lands on. */
export const appendedLine = (name: TableName): number => tableText(name).replace(/\n$/, '').split('\n').length + 1;

/** Sets one cell (by column name) of the row whose first field is `key`, re-quoting the row as CSV. */
export const cell =
  (name: TableName, key: string | number, column: string, value: string): TextEdit =>
  (text) => {
    const lines = text.split('\n');
    const header = csvParseRows(lines[0]!)[0]!;
    const at = header.indexOf(column);
    if (at < 0) throw new Error(`no column "${column}" in ${name}`);
    const index = rowLine(name, key) - 1;
    const fields = csvParseRows(lines[index]!)[0]!;
    fields[at] = value;
    lines[index] = csvFormatRow(fields);
    return lines.join('\n');
  };

/** Appends a row: given as fields, or as the real row whose first field is `key` with some cells changed. */
export const appendRow =
  (name: TableName, copyOf: string | number, changes: Record<string, string> = {}): TextEdit =>
  (text) => {
    const header = csvParseRows(text.split('\n')[0]!)[0]!;
    const fields = csvParseRows(tableText(name).split('\n')[rowLine(name, copyOf) - 1]!)[0]!;
    for (const [column, value] of Object.entries(changes)) fields[header.indexOf(column)] = value;
    return `${text.replace(/\n?$/, '\n')}${csvFormatRow(fields)}\n`;
  };

/** Appends raw text as the last line. */
export const appendText = (raw: string) => (text: string) => `${text.replace(/\n?$/, '\n')}${raw}\n`;

/** Drops the real table's row whose first field is `key`. */
export const dropRow =
  (name: TableName, key: string | number): TextEdit =>
  (text) => {
    const index = rowLine(name, key) - 1;
    return text
      .split('\n')
      .filter((_, i) => i !== index)
      .join('\n');
  };
