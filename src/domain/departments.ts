// Department helpers: grouping for the filter list.
import type { Department } from './schema';

/**
 * Graduate schools/faculties (研究科・学部・研究部; in an imported list's English: "Graduate School of …", "Faculty
 * of …", "School of …", "College of …") versus research institutes and centres.
 */
export function departmentGroup(department: Department): 'faculty' | 'institute' {
  return /研究科|学部|研究部|学府|学域|学群/.test(department.ja) || /\b(graduate school|faculty|school|college)\b/i.test(department.en)
    ? 'faculty'
    : 'institute';
}
