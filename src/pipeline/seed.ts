// Splits the raw seed into its two sections and gives 1-based access to its lines.
import { PipelineError } from './errors';
import type { SourceFile } from './csv';

export interface SeedLine {
  line: number;
  text: string;
}

export interface Seed {
  path: string;
  lines: string[];
  university: SeedLine[];
  department: SeedLine[];
  /** The text of a 1-based line. */
  at(line: number): string;
}

const UNIVERSITY_TITLE = '大学間協定';
export const DEPARTMENT_TITLE = '部局間協定';

export function readSeed(source: SourceFile): Seed {
  const lines = source.text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const numbered = lines.map((text, i) => ({ line: i + 1, text }));
  const start = numbered.find((l) => l.text.trim() === UNIVERSITY_TITLE);
  const split = numbered.find((l) => l.text.trim() === DEPARTMENT_TITLE);
  if (!start) throw new PipelineError(source.path, null, `no "${UNIVERSITY_TITLE}" section title`);
  if (!split || split.line < start.line) throw new PipelineError(source.path, null, `no "${DEPARTMENT_TITLE}" section title after "${UNIVERSITY_TITLE}"`);
  return {
    path: source.path,
    lines,
    university: numbered.slice(start.line - 1, split.line - 1),
    department: numbered.slice(split.line - 1),
    at(line) {
      const text = lines[line - 1];
      if (text === undefined) throw new PipelineError(source.path, line, 'no such line');
      return text;
    },
  };
}
