// Checks every seed line a curation row points at, and the text it quotes from that line, reporting the row to fix.
import type { Curation, Located } from './curation';
import { PipelineError } from './errors';
import { DEPARTMENT_TITLE, type Seed } from './seed';

/**
 * Runs before anything reads a curated line number from the seed, so that a mistyped `seed_line` or `line` stops at
 * the CSV row a person must edit rather than at a seed line that does not exist.
 */
export function checkSeedReferences(seed: Seed, curation: Curation): void {
  const exists = (row: Located, column: string, line: number) => {
    if (line > seed.lines.length) throw new PipelineError(row.file, row.row, `${column} ${line} is past the end of ${seed.path} (${seed.lines.length} lines)`);
  };
  const quotes = (row: Located, column: string, text: string, line: number) => {
    if (!seed.at(line).includes(text)) throw new PipelineError(row.file, row.row, `${column} "${text}" is not found on ${seed.path}:${line}`);
  };
  const departmentStart = seed.department[0]!.line;
  for (const row of curation.institutions) {
    exists(row, 'seed_line', row.seedLine);
    quotes(row, 'seed_ja', row.seedJa, row.seedLine);
  }
  for (const row of curation.departments) {
    exists(row, 'seed_line', row.seedLine);
    // An inferred header (no seed_text) has no text to find, but its block must still be in the department table.
    if (row.seedLine < departmentStart) throw new PipelineError(row.file, row.row, `seed_line ${row.seedLine} is outside the ${DEPARTMENT_TITLE} section`);
  }
  for (const row of curation.departmentAgreements) exists(row, 'line', row.line);
  for (const row of curation.corrections) {
    exists(row, 'line', row.line);
    if (row.seedText !== '') quotes(row, 'seed_text', row.seedText, row.line);
  }
  checkAsOf(seed, curation.meta);
}

/** Heisei 1 is 1989, so 平成N年 is the year 1988 + N. */
const HEISEI_OFFSET = 1988;

/** meta.csv's as_of must be the month of the seed's footer "(平成24年5月現在)" (as of May 2012), when it has one. */
function checkAsOf(seed: Seed, meta: Curation['meta']): void {
  for (const [i, text] of seed.lines.entries()) {
    const m = /平成(\d+)年(\d+)月現在/.exec(text);
    if (!m) continue;
    const month = `${HEISEI_OFFSET + Number(m[1])}-${m[2]!.padStart(2, '0')}`;
    if (month !== meta.asOf)
      throw new PipelineError(meta.file, meta.row, `as_of ${meta.asOf} differs from the seed's "${m[0]}" (${month}) on ${seed.path}:${i + 1}`);
  }
}
