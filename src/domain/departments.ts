// Department helpers: grouping for the filter list and counts of department-level agreements.
import type { Link } from './atlas-index';
import type { Department } from './schema';

/** Graduate schools/faculties (研究科・学部・研究部) versus research institutes and centres. */
export function departmentGroup(department: Department): 'faculty' | 'institute' {
  return /研究科|学部|研究部/.test(department.ja) ? 'faculty' : 'institute';
}

/** Department-level agreements per department among the given links. */
export function departmentCounts(links: readonly Link[]): Map<string, number> {
  const counts = new Map<string, number>();
  let previous = -1;
  for (const l of links) {
    const d = l.agreement.department;
    // A department-level agreement has one institution, so one link: no duplicates to skip but adjacent ones.
    if (!d || l.agreementNo === previous) continue;
    previous = l.agreementNo;
    counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  }
  return counts;
}
