// Checks that the curated department-level records account for every chunk of the 部局間協定 section.
import type { Curation } from './curation';
import { PipelineError } from './errors';
import { DEPARTMENT_TITLE, type Seed } from './seed';

/** What a chunk of a seed line was taken to be. */
export type ChunkKind = 'partner' | 'duplicate' | 'header' | 'country' | 'label';

export interface Chunk {
  line: number;
  text: string;
  kind: ChunkKind;
}

/**
 * Splits every line of the section into chunks and classifies each: the partner and duplicate texts named by the
 * curation are cut out first (they may contain spaces), then every remaining cell or space-separated token must be
 * a department header, a country name or a label. Anything else stops the pipeline with file:line.
 */
export function classifyDepartmentSection(seed: Seed, curation: Curation): Chunk[] {
  const countryNames = new Set(curation.countries.flatMap((c) => c.seedNames));
  const cuts = new Map<number, { text: string; kind: ChunkKind; file: string; row: number }[]>();
  const addCut = (line: number, text: string, kind: ChunkKind, file: string, row: number) => {
    if (!cuts.has(line)) cuts.set(line, []);
    cuts.get(line)!.push({ text, kind, file, row });
  };
  const section = new Set(seed.department.map((l) => l.line));
  for (const a of curation.departmentAgreements) addCut(a.line, a.seedText, 'partner', a.file, a.row);
  for (const c of curation.corrections) if (c.kind === 'duplicate') addCut(c.line, c.seedText, 'duplicate', c.file, c.row);
  for (const d of curation.departments) if (d.seedText) addCut(d.seedLine, d.seedText, 'header', d.file, d.row);
  // Before the walk: a row pointing outside the section would otherwise surface as its partner text left
  // unclassified on the right line, blaming the seed instead of the row.
  for (const [line, list] of cuts) {
    if (!section.has(line)) {
      const first = list[0]!;
      throw new PipelineError(first.file, first.row, `line ${line} is outside the ${DEPARTMENT_TITLE} section`);
    }
  }

  const chunks: Chunk[] = [];
  for (const { line, text } of seed.department) {
    let rest = text;
    // Longest first, so a name is never cut inside a longer name that contains it.
    const lineCuts = [...(cuts.get(line) ?? [])].sort((a, b) => b.text.length - a.text.length);
    for (const cut of lineCuts) {
      const index = rest.indexOf(cut.text);
      if (index < 0) {
        const why = text.includes(cut.text) ? 'is claimed twice on' : 'is not found on';
        throw new PipelineError(cut.file, cut.row, `"${cut.text}" ${why} ${seed.path}:${line}`);
      }
      rest = `${rest.slice(0, index)}\t${rest.slice(index + cut.text.length)}`;
      chunks.push({ line, text: cut.text, kind: cut.kind });
    }
    for (const cell of rest.split('\t')) {
      const trimmed = cell.trim();
      if (trimmed === '') continue;
      if (curation.labels.has(trimmed)) {
        chunks.push({ line, text: trimmed, kind: 'label' });
        continue;
      }
      for (const token of trimmed.split(/\s+/)) {
        if (countryNames.has(token)) chunks.push({ line, text: token, kind: 'country' });
        else if (curation.labels.has(token)) chunks.push({ line, text: token, kind: 'label' });
        else
          throw new PipelineError(
            seed.path,
            line,
            `unclassified text "${token}": not a partner in department-agreements.csv, a duplicate in corrections.csv, a department header, a country or a label`,
          );
      }
    }
  }
  return chunks;
}
