// Department helpers: grouping for the filter list and counts of department-level agreements.
import type { Link } from './atlas-index';
import type { Department } from './schema';

/** Graduate schools/faculties (研究科・学部・研究部) versus research institutes and centres. */
export function departmentGroup(department: Department): 'faculty' | 'institute' {
  return /研究科|学部|研究部/.test(department.ja) ? 'faculty' : 'institute';
}

/** Department-level agreements per department among the given links. */
export function departmentCounts(links: readonly Link[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const l of links) {
    const d = l.agreement.department;
    if (!d) continue;
    if (!seen.has(d.id)) seen.set(d.id, new Set());
    seen.get(d.id)!.add(l.agreement.id);
  }
  return new Map([...seen].map(([id, set]) => [id, set.size]));
}
