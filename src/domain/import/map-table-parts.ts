// The parts of mapTable (map-table.ts) that read no row: the built-in institutions by name, and the counts a mapped
// list states (partners per level, the summary of row results).
import type { Agreement, Dataset, Institution } from '../schema';
import type { ImportSummary, RowResult } from './types';

/** The built-in institutions by country and folded name (Japanese, English and aliases): the first one wins. */
export function institutionsByName(base: Dataset, fold: (text: string) => string): Map<string, Institution> {
  const byName = new Map<string, Institution>();
  for (const inst of base.institutions) {
    for (const name of [inst.name.ja, inst.name.en, ...inst.aliases]) {
      const key = `${inst.country}:${fold(name)}`;
      if (!byName.has(key)) byName.set(key, inst);
    }
  }
  return byName;
}

/** Partner institutions and their countries per level, as the dataset's meta states them. */
export function statedCounts(agreements: readonly Agreement[], institutions: ReadonlyMap<string, Institution>) {
  const partners = (level: Agreement['level']) => {
    const inst = new Set<string>();
    for (const a of agreements) if (a.level === level) for (const id of a.institutionIds) inst.add(id);
    return { institutions: inst.size, countries: new Set([...inst].map((id) => institutions.get(id)!.country)).size };
  };
  return { university: partners('university'), department: partners('department') };
}

/** How many rows were placed, approximate or rejected (adding up to `rows`), and the headings skipped beside them. */
export function summarise(results: readonly RowResult[], skipped: number): ImportSummary {
  const summary: ImportSummary = { rows: results.length, placed: 0, approximate: 0, rejected: 0, byCity: 0, ambiguous: 0, skipped };
  for (const r of results) {
    summary[r.status] += 1;
    if (r.status === 'placed' && r.place === 'city') summary.byCity += 1;
    if (r.status === 'placed' && r.ambiguousCity) summary.ambiguous += 1;
  }
  return summary;
}
