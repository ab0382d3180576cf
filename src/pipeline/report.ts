// Formats the pipeline report printed by `npm run data`.
import type { Dataset } from '../domain/schema';
import type { PipelineReport } from './build';

export function formatReport(report: PipelineReport, stated: Dataset['meta']['stated']): string {
  const u = report.university;
  const d = report.department;
  const lines = [
    'Partner Atlas dataset',
    `  university-wide: ${u.agreements} agreements, ${u.institutions} institutions (stated ${stated.university.institutions}), ` +
      `${u.countries} countries/regions (stated ${stated.university.countries}), ${u.tuitionWaivers} with tuition waiver`,
    `  department-level: ${d.agreements} partners (stated ${stated.department.institutions}), ${d.institutions} institutions, ` +
      `${d.countries} countries/regions (stated ${stated.department.countries})`,
    `  all: ${report.all.agreements} agreements, ${report.all.institutions} institutions, ${report.all.countries} countries/regions`,
    '  department            stated  reconstructed',
    ...d.byDepartment.map(
      (x) =>
        `    ${x.id.padEnd(22)}${String(x.stated ?? '—').padStart(6)}  ${String(x.reconstructed).padStart(13)}${x.stated !== null && x.stated !== x.reconstructed ? '  (see corrections.csv, kind=count)' : ''}`,
    ),
    `  corrections by kind: ${
      Object.entries(report.correctionsByKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
    `  department-section chunks: ${Object.entries(report.chunks)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ];
  return lines.join('\n');
}
