import { describe, expect, it } from 'vitest';
import { realBuild, realInputs, seedLines } from './helpers';
import { loadCuration } from '../../src/pipeline/curation';

const departmentLevel = () => realBuild().dataset.agreements.filter((a) => a.level === 'department');

describe('department-level agreements (部局間協定)', () => {
  it('are undated, without waiver, with a department, and about 335 partners in about 43 countries', () => {
    const { dataset } = realBuild();
    const agreements = departmentLevel();
    for (const a of agreements) {
      expect(a.signed).toBeNull();
      expect(a.tuitionWaiver).toBeNull();
      expect(a.department).not.toBeNull();
    }
    const byId = new Map(dataset.institutions.map((i) => [i.id, i]));
    const countries = new Set(agreements.flatMap((a) => a.institutionIds.map((id) => byId.get(id)!.country)));
    expect(Math.abs(agreements.length - dataset.meta.stated.department.institutions)).toBeLessThanOrEqual(3);
    expect(countries.size).toBe(dataset.meta.stated.department.countries);
  });

  it('names each partner by text found on its source line', () => {
    const lines = seedLines();
    for (const a of departmentLevel()) expect(lines[a.source.line - 1], a.id).toContain(a.source.text);
  });

  it('loses nothing: every chunk of every line is a partner, a duplicate, a header, a country or a label', () => {
    const lines = seedLines();
    const curation = loadCuration(realInputs().curation);
    const start = lines.findIndex((l) => l.trim() === '部局間協定');
    const vocabulary = new Set([...curation.labels, ...curation.countries.flatMap((c) => c.seedNames)]);
    const cutsByLine = new Map<number, string[]>();
    const cut = (line: number, text: string) => cutsByLine.set(line, [...(cutsByLine.get(line) ?? []), text]);
    for (const a of departmentLevel()) cut(a.source.line, a.source.text);
    for (const c of realBuild().dataset.corrections) if (c.kind === 'duplicate') cut(c.line, c.seedText);
    for (const d of realBuild().dataset.departments) if (d.source) cut(d.source.line, d.source.text);
    const leftovers: string[] = [];
    lines.slice(start).forEach((text, i) => {
      const line = start + i + 1;
      let rest = text;
      for (const piece of [...(cutsByLine.get(line) ?? [])].sort((a, b) => b.length - a.length)) {
        const at = rest.indexOf(piece);
        expect(at, `line ${line}: "${piece}"`).toBeGreaterThanOrEqual(0);
        rest = `${rest.slice(0, at)}\t${rest.slice(at + piece.length)}`;
      }
      for (const cell of rest
        .split('\t')
        .map((c) => c.trim())
        .filter(Boolean)) {
        if (vocabulary.has(cell)) continue;
        for (const token of cell.split(/\s+/)) if (!vocabulary.has(token)) leftovers.push(`${line}: ${token}`);
      }
    });
    expect(leftovers).toEqual([]);
  });

  it('explains every department whose count differs from its stated (N) in the corrections table', () => {
    const { dataset } = realBuild();
    const countRows = dataset.corrections.filter((c) => c.kind === 'count');
    for (const d of dataset.departments) {
      const n = departmentLevel().filter((a) => a.department!.id === d.id).length;
      expect(n, d.id).toBeGreaterThan(0);
      if (d.statedCount !== null && d.statedCount !== n) {
        const explained = countRows.some((c) => c.decision.includes(d.id) || (d.source && c.line === d.source.line));
        expect(explained, `${d.id}: stated ${d.statedCount}, reconstructed ${n}`).toBe(true);
      }
    }
  });

  it('infers the two missing headers (Law and Science) and says so', () => {
    const { dataset } = realBuild();
    for (const id of ['law', 'science']) {
      const d = dataset.departments.find((x) => x.id === id)!;
      expect(d.source).toBeNull();
      expect(d.statedCount).toBeNull();
    }
    expect(dataset.corrections.filter((c) => c.kind === 'header').length).toBeGreaterThanOrEqual(2);
    const stated = dataset.departments.reduce((s, d) => s + (d.statedCount ?? 0), 0);
    expect(stated).toBe(298);
  });

  it('shares institution records with the university-wide list', () => {
    const shared = new Set(
      realBuild()
        .dataset.agreements.filter((a) => a.level === 'university')
        .flatMap((a) => a.institutionIds),
    );
    const reused = new Set(
      departmentLevel()
        .flatMap((a) => a.institutionIds)
        .filter((id) => shared.has(id)),
    );
    for (const id of ['seoul-national-university', 'yonsei-university', 'tsinghua-university']) expect(reused.has(id), id).toBe(true);
  });
});
