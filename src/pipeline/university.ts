// Parses the 大学間協定 section: country headings, dated entries (`- *Name (1998.5.19)`) and group members.
import { PipelineError } from './errors';
import type { Seed } from './seed';

export interface UniversityMember {
  line: number;
  /** The member's name as printed, e.g. `バークレー校`. */
  name: string;
}

export interface UniversityEntry {
  line: number;
  /** The entry as printed without bullet and indentation, e.g. `*アーヘン工科大学 (1998.5.19)`. */
  text: string;
  /** The name as printed, e.g. `アーヘン工科大学`. */
  name: string;
  country: string;
  tuitionWaiver: boolean;
  signed: string;
  /** Schools or campuses listed under the entry (Ecole Centrale, University of California). */
  members: UniversityMember[];
  /** The count printed in the name (`5校`), checked against the members. */
  statedMembers: number | null;
}

export interface UniversityVocabulary {
  /** Seed heading (and its variants) → ISO 3166-1 alpha-2. */
  headings: ReadonlyMap<string, string>;
  /** Non-entry texts: section titles, totals, footers, notes. */
  labels: ReadonlySet<string>;
}

/** What bounds a signing date: the list's as-of month (meta.csv) and the home institution's founding year (home.csv). */
export interface DateBounds {
  /** `YYYY-MM` */
  asOf: string;
  founded: number;
}

const ENTRY = /^(\s*)-\s+(\*)?\s*(.*?)(?:\s+\((\d{4})\.(\d{1,2})\.(\d{1,2})\))?\s*$/;
const NOTE = /^注\d+\)/;

function toIsoDate(file: string, line: number, y: string, m: string, d: string, bounds: DateBounds): string {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new PipelineError(file, line, `invalid date ${y}.${m}.${d}`);
  }
  if (iso.slice(0, 7) > bounds.asOf) throw new PipelineError(file, line, `date ${y}.${m}.${d} is after the list's as-of month ${bounds.asOf} (meta.csv as_of)`);
  if (Number(y) < bounds.founded)
    throw new PipelineError(file, line, `date ${y}.${m}.${d} is before ${bounds.founded}, when the home institution was founded (home.csv founded)`);
  return iso;
}

export function parseUniversitySection(seed: Seed, vocabulary: UniversityVocabulary, bounds: DateBounds): UniversityEntry[] {
  const entries: UniversityEntry[] = [];
  let country: string | null = null;
  let last: UniversityEntry | null = null;
  for (const { line, text } of seed.university) {
    const trimmed = text.trim();
    if (trimmed === '' || vocabulary.labels.has(trimmed) || NOTE.test(trimmed)) continue;
    const heading = vocabulary.headings.get(trimmed);
    if (heading) {
      country = heading;
      last = null;
      continue;
    }
    const match = ENTRY.exec(text);
    if (!match) {
      const looksLikeHeading = !/[\d()（）*"「」]/.test(trimmed) && trimmed.length <= 20;
      throw new PipelineError(
        seed.path,
        line,
        looksLikeHeading
          ? `unknown country heading "${trimmed}" (add it to data/curation/countries.csv or labels.csv)`
          : `cannot parse "${trimmed}" (expected "- [*]Name (YYYY.M.D)", a country heading or a label)`,
      );
    }
    const [, , star, rawName, y, m, d] = match;
    const name = (rawName ?? '').trim();
    if (name === '') throw new PipelineError(seed.path, line, 'entry without a name');
    if (!y && /\(\s*\d{2,4}\D*\d*\D*\d*\)?\s*$/.test(name))
      throw new PipelineError(seed.path, line, `cannot parse "${trimmed}" (malformed date; expected "(YYYY.M.D)")`);
    if (!country) throw new PipelineError(seed.path, line, `entry "${name}" before any country heading`);
    if (y && m && d) {
      const stated = /(\d+)校$/.exec(name);
      last = {
        line,
        text: trimmed.replace(/^-\s+/, ''),
        name,
        country,
        tuitionWaiver: star === '*',
        signed: toIsoDate(seed.path, line, y, m, d, bounds),
        members: [],
        statedMembers: stated ? Number(stated[1]) : null,
      };
      entries.push(last);
    } else {
      if (star) throw new PipelineError(seed.path, line, `undated entry "${name}" carries a waiver mark; only dated agreements do`);
      if (!last) throw new PipelineError(seed.path, line, `undated entry "${name}" has no dated agreement above it to belong to`);
      last.members.push({ line, name });
    }
  }
  for (const entry of entries) {
    if (entry.statedMembers !== null && entry.statedMembers !== entry.members.length) {
      throw new PipelineError(seed.path, entry.line, `"${entry.name}" states ${entry.statedMembers} members but ${entry.members.length} are listed`);
    }
  }
  return entries;
}
