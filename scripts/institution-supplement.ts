// The curated supplement to ROR (data/gazetteer/supplement.csv, read by scripts/institution-gazetteer.ts): widely
// partnered institutions that ror-records (about half of ROR) lacks, and Japanese or Chinese names that partner lists
// write for records it has. One row per institution: name, aliases (`; `), ja (`; `), country, city, lat, lng,
// geonameId, note (why the row is here, and where its point comes from: the city's GeoNames point, as the importer's
// 30 km criterion is city-level). A row whose name is a kept record's name in the same country adds its aliases and
// Japanese names to that record (so a later ROR release that has the institution keeps one entry); any other row is a
// new institution with a stable id of its own (`s` + 8 characters, never a ROR id, which starts with 0).
import { readFileSync } from 'node:fs';
import type { DecodedName, InstitutionType } from '../src/domain/import/institution-asset.ts';
import { basicFold } from '../src/domain/import/institution-names.ts';
import { readTable } from '../src/pipeline/csv.ts';
import { PipelineError } from '../src/pipeline/errors.ts';

export const SUPPLEMENT = 'data/gazetteer/supplement.csv';

export interface SupplementedInstitution {
  id: string;
  type: InstitutionType;
  names: DecodedName[];
  country: string;
  place: { name: string; lat: number; lng: number; geonameId: number } | null;
}

/** A stable id from the country and name: FNV-1a, 8 base-36 characters after `s`. */
function supplementId(country: string, name: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${country}|${name}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s${h.toString(36).padStart(8, '0').slice(-8)}`;
}

const list = (text: string | null) =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** Adds the supplement's rows to the kept institutions (in place); returns what it did, for the provenance. */
export function applySupplement(kept: SupplementedInstitution[], path = SUPPLEMENT): { rows: number; added: number; named: number } {
  const rows = readTable({ path, text: readFileSync(path, 'utf8') }, ['name', 'aliases', 'ja', 'country', 'city', 'lat', 'lng', 'geonameId', 'note']);
  const byName = new Map<string, SupplementedInstitution[]>();
  for (const inst of kept)
    for (const n of inst.names)
      if (n.kind !== 'acronym') byName.set(`${inst.country}|${basicFold(n.value)}`, [...(byName.get(`${inst.country}|${basicFold(n.value)}`) ?? []), inst]);
  let added = 0;
  let named = 0;
  for (const row of rows) {
    const name = row.get('name').trim();
    const country = row.get('country').trim().toUpperCase();
    if (!name || !/^[A-Z]{2}$/.test(country)) throw new PipelineError(path, row.line, 'a row needs a name and a two-letter country');
    if (!row.optional('note')) throw new PipelineError(path, row.line, 'a row needs a note (why it is here, where its point comes from)');
    const names: DecodedName[] = [
      ...list(row.optional('aliases')).map((value) => ({ value, kind: /^[A-Z]{2,6}$/.test(value) ? ('acronym' as const) : ('alias' as const) })),
      ...list(row.optional('ja')).map((value) => ({ value, kind: 'label' as const, lang: 'ja' })),
    ];
    const same = byName.get(`${country}|${basicFold(name)}`) ?? [];
    if (same.length === 1 && same[0]) {
      const have = new Set(same[0].names.map((n) => `${n.kind === 'acronym' ? '^' : ''}${n.value}`));
      same[0].names.push(...names.filter((n) => !have.has(`${n.kind === 'acronym' ? '^' : ''}${n.value}`)));
      named += 1;
      continue;
    }
    const lat = Number(row.get('lat'));
    const lng = Number(row.get('lng'));
    const geonameId = Number(row.get('geonameId'));
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180 || !Number.isInteger(geonameId))
      throw new PipelineError(path, row.line, 'a new institution needs lat, lng and the GeoNames id of its city');
    const type: InstitutionType = /universit|college|school|institute of technology|polytechnic|大学/iu.test(name) ? 'e' : 'f';
    kept.push({
      id: supplementId(country, name),
      type,
      names: [{ value: name, kind: 'display' }, ...names],
      country,
      place: { name: row.get('city').trim(), lat, lng, geonameId },
    });
    added += 1;
  }
  return { rows: rows.length, added, named };
}
