// Department helpers: grouping for the filter list.
import type { Department } from './schema';

/** Graduate schools/faculties (研究科・学部・研究部) versus research institutes and centres. */
export function departmentGroup(department: Department): 'faculty' | 'institute' {
  return /研究科|学部|研究部/.test(department.ja) ? 'faculty' : 'institute';
}
