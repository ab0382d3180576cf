// Several lists opened together become one atlas (issue 28): each file is read on its own (its columns, its home, its
// as-of month), then their datasets are merged here. A partner is one institution whatever file names it: the same
// id (a built-in or gazetteer match, or the slug of the same name) in the same country, or the same name in either
// language in the same country. A home named by two files is one home; a department is its home's. Agreements keep
// their ids, prefixed by the file's number from the second file on (`f2-row-5`), so that no two collide.
import { homeOf } from '../homes';
import { foldForSearch } from '../search';
import { SCHEMA_VERSION, type Agreement, type Bilingual, type Country, type Dataset, type Department, type HomePlace, type Institution } from '../schema';
import { validateDataset } from '../validate-dataset';
import { importedAbout } from './home';
import { statedCounts } from './map-table-parts';

export interface MergePart {
  dataset: Dataset;
  fileName: string;
  /** Rows of the file that could not be read (the About text says they are left out). */
  rejected: number;
}

/** One dataset of the parts, in their order, validated. `title`: the person's, else the first file's. */
export function mergeDatasets(parts: readonly MergePart[], title?: Bilingual): Dataset {
  if (parts.length === 1) return parts[0]!.dataset;
  const institutions = new Map<string, Institution>();
  const byName = new Map<string, string>();
  const countries = new Map<string, Country>();
  const departments = new Map<string, Department>();
  const departmentByKey = new Map<string, string>();
  const homes = new Map<string, { place: HomePlace; departments: Set<string> }>();
  const agreements: Agreement[] = [];
  const nameKeys = (i: Institution) => [...new Set([i.name.en, i.name.ja, ...i.aliases].map(foldForSearch))].map((n) => `${i.country}:${n}`);
  parts.forEach(({ dataset }, k) => {
    for (const c of dataset.countries) if (!countries.has(c.code)) countries.set(c.code, c);
    const institutionId = new Map<string, string>();
    for (const inst of dataset.institutions) {
      const keys = nameKeys(inst);
      const same = institutions.get(inst.id)?.country === inst.country ? inst.id : keys.map((key) => byName.get(key)).find((id) => id !== undefined);
      let id = same;
      if (id === undefined) {
        id = free(inst.id, inst.country.toLowerCase(), institutions);
        institutions.set(id, { ...inst, id });
      }
      for (const key of keys) if (!byName.has(key)) byName.set(key, id);
      institutionId.set(inst.id, id);
    }
    const departmentId = new Map<string, string>();
    const homeOfDepartment = new Map<string, string>();
    for (const h of dataset.homes) for (const d of h.departmentIds) homeOfDepartment.set(d, h.id);
    for (const d of dataset.departments) {
      const key = `${homeOfDepartment.get(d.id) ?? ''}\u0000${d.ja}`;
      let id = departmentByKey.get(key);
      if (id === undefined) {
        id = free(d.id, 'd', departments);
        departments.set(id, { ...d, id });
        departmentByKey.set(key, id);
      }
      departmentId.set(d.id, id);
    }
    for (const h of dataset.homes) {
      const { departmentIds, yomi: _, aliases: __, ...place } = h;
      let entry = homes.get(h.id);
      if (!entry) homes.set(h.id, (entry = { place, departments: new Set() }));
      for (const d of departmentIds) entry.departments.add(departmentId.get(d) ?? d);
    }
    for (const a of dataset.agreements) {
      const department = a.department && { ...a.department, id: departmentId.get(a.department.id) ?? a.department.id };
      agreements.push({
        ...a,
        id: k === 0 ? a.id : `f${k + 1}-${a.id}`,
        institutionIds: a.institutionIds.map((id) => institutionId.get(id) ?? id),
        department,
      });
    }
  });
  const fileNames = parts.map((p) => p.fileName).join(', ');
  const rejected = parts.reduce((n, p) => n + p.rejected, 0);
  const first = parts[0]!.dataset;
  return validateDataset({
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: title ?? first.meta.title,
      source: fileNames.slice(0, 4000),
      // The latest month: no agreement of any file is after it.
      asOf: parts.map((p) => p.dataset.meta.asOf).sort().at(-1)!,
      stated: statedCounts(agreements, institutions),
      about: importedAbout(fileNames.slice(0, 200), rejected),
    },
    homes: [...homes.values()].map(({ place, departments }) => homeOf(place, [...departments])),
    regions: first.regions,
    countries: [...countries.values()],
    departments: [...departments.values()],
    institutions: [...institutions.values()],
    agreements,
    corrections: [],
  } satisfies Dataset);
}

/** `id` if no record has it, else with `suffix` (and a number) until free. */
function free(id: string, suffix: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(id)) return id;
  let next = `${id}-${suffix}`;
  for (let n = 2; taken.has(next); n++) next = `${id}-${suffix}-${n}`;
  return next;
}
