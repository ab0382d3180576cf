// mapTable: the table's data rows (below the header) → one result per row and a validated Dataset. Headings are set
// aside and merged blanks filled first (prepare.ts); then per row the country (countries.ts, cells.ts), the name
// (cells.ts: link labels, marks, bilingual halves, a unit after a comma), the dates (dates.ts, the column's day/month
// order), the level (a level column, or a department), and a place (place.ts).
import {
  type Agreement,
  type Country,
  type Dataset,
  type Institution,
  type SignedPrecision,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  SCHEMA_VERSION,
  SLUG_PATTERN,
} from '../schema';
import { validateDataset } from '../validate-dataset';
import { countryCellParts, nameParts, type NameParts } from './cells';
import centroids from './country-centroids.json' with { type: 'json' };
import { rowPoint } from './coordinates';
import { countryCode } from './countries';
import { dayOrderOf, findDateIn, parseDate, type DateReading } from './dates';
import type { HeaderMapping, ImportField } from './headers';
import { columnHomes } from './column-homes';
import { importedAbout, settleWhose } from './home';
import { institutionId as newInstitutionId } from './identity';
import { departmentOfRow, expiryOfRow, institutionsByName, newCountry, RowHomes, statedCounts, summarise } from './map-table-parts';
import { placePartner } from './place';
import { prepareRows } from './prepare';
import type { Cell, ReadNote, Table } from './table';
import type { ImportOptions, ImportResult, Inferred, RejectCode, RowResult } from './types';
import { cellText, memoFold, parseWaiver, PROGRESS_STEP } from './values';

/** Country → [lat, lng] of its largest polygon's centroid (scripts/country-centroids.ts). */
const CENTROIDS = centroids as unknown as Record<string, [number, number] | undefined>;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** Folded names (and aliases, both languages) of the built-in institutions, per country. */
export function mapTable(table: Table, mapping: HeaderMapping, fileName: string, options: ImportOptions): ImportResult {
  const column: Partial<Record<ImportField, number>> = {};
  for (const c of mapping.columns) if (c.field) column[c.field] = c.index;
  const fold = memoFold();
  const mappedColumns = mapping.columns.filter((c) => c.field).map((c) => c.index);
  const { base, cities, onProgress } = options;
  const known = institutionsByName(base, fold);
  const baseCountries = new Map(base.countries.map((c) => [c.code, c]));
  const countries = new Map<string, Country>();
  const institutions = new Map<string, Institution>();
  const institutionByKey = new Map<string, string>();
  /** Imported institutions by the gazetteer record they were placed by (its ROR id). */
  const byCandidate = new Map<string, string>();
  const builtInIds = new Set(base.institutions.map((i) => i.id));
  const agreements: Agreement[] = [];
  const ids = new Set<string>();
  const results: RowResult[] = [];
  /** Rows whose lat/lng were swapped back, or not used (outside the row's country). */
  const pointNotes: ReadNote[] = [];
  /** Each partner's first placed or approximate row: a partner named again is placed as it was then. */
  const firstResult = new Map<string, Exclude<RowResult, { status: 'rejected' }>>();
  const codes = new Map<string, string | null>();
  const codeOf = (text: string) => {
    let code = codes.get(text);
    if (code === undefined) codes.set(text, (code = countryCode(countryCellParts(text).text)));
    return code;
  };
  const countryRecord = (code: string): Country | null => countries.get(code) ?? baseCountries.get(code) ?? newCountry(code);

  // A national list names each partner many times: each name cell is read once.
  const names = new Map<string, NameParts>();
  const partsOf = (cellText: string) => {
    let parts = names.get(cellText);
    if (!parts) names.set(cellText, (parts = nameParts(cellText)));
    return parts;
  };
  const rawRows = table.rows.filter((row) => row.number > mapping.headerRow);
  const cellsByRow = new Map(rawRows.map((r) => [r.number, r.cells]));
  const prepared = prepareRows(
    rawRows.map((r) => ({ number: r.number, texts: r.cells.map(cellText) })),
    column,
    codeOf,
    options.institutions,
  );
  // Whose list it is (home.ts): the person's answers, else the title rows above the header, the file name, or a home
  // column that names one university on every row.
  const homeColumn = column.home;
  const namedHomes = homeColumn === undefined ? [] : [...new Set(prepared.rows.map((r) => r.texts[homeColumn] ?? '').filter(Boolean))];
  const above = table.rows.filter((row) => row.number <= mapping.headerRow - mapping.headerRows).map((row) => row.cells.map(cellText));
  const whose = settleWhose(above, fileName, options, Object.keys(CENTROIDS), namedHomes.length === 1 ? namedHomes[0]! : null);
  // Without a home (none named, none resolved) the built-in's first stands in: callers check guesses.home and ask.
  const listHome = whose.home?.ok ? whose.home.home : base.homes[0]!;
  // Several universities in the home column (a survey, a consortium): each row is its home's (column-homes.ts).
  const fromColumn =
    homeColumn !== undefined && namedHomes.length > 1
      ? columnHomes(prepared.rows, homeColumn, {
          base,
          ...(options.institutions ? { institutions: options.institutions } : {}),
          ...(cities ? { cities } : {}),
          countries: [...new Set([...base.homes.map((h) => h.country), ...Object.keys(CENTROIDS)])],
          centroids: CENTROIDS,
          fallbackCountry: listHome.country,
        })
      : null;
  const rowHomes = new RowHomes(listHome);
  // The day/month order of 03/04/2017 is the column's: read from the cells that tell, or chosen by the person.
  const signedColumn = column.signed;
  const columnOrder = signedColumn === undefined ? 'none' : dayOrderOf(prepared.rows.map((r) => r.texts[signedColumn] ?? ''));
  const dayOrder = options.dayOrder ?? (columnOrder === 'none' || columnOrder === null ? undefined : columnOrder);
  const inferred: Inferred = {
    filled: prepared.filled,
    countryByName: prepared.countryByName,
    levelsFromColumn: 0,
    dayOrder: options.dayOrder
      ? { order: options.dayOrder, chosen: true }
      : columnOrder === 'none'
        ? null
        : columnOrder === null
          ? 'undecided'
          : { order: columnOrder, chosen: false },
    unreadableDates: 0,
    home: null,
  };

  const total = prepared.rows.length;
  for (let n = 0; n < total; n += 1) {
    if (onProgress && n % PROGRESS_STEP === 0) onProgress(n, total);
    const row = prepared.rows[n]!;
    const texts = row.texts;
    const cells = cellsByRow.get(row.number) ?? [];
    const text = (field: ImportField) => {
      const i = column[field];
      return i === undefined ? '' : (texts[i] ?? '');
    };
    const cell = (field: ImportField): Cell | undefined => {
      const i = column[field];
      return i === undefined ? undefined : cells[i];
    };
    const reject = (reason: RejectCode, value = '') => results.push({ row: row.number, status: 'rejected', reason, value });

    // Only the columns read: a long "scope of the agreement" column of a web page is not a problem.
    if (mappedColumns.some((i) => (texts[i]?.length ?? 0) > MAX_NAME_LENGTH)) {
      reject('too-long');
      continue;
    }
    const nameCell = partsOf(text('name'));
    const jaCell = partsOf(text('nameJa'));
    const enCell = partsOf(text('nameEn'));
    const anyName = text('nameJa') || text('nameEn') || text('name');
    if (!(nameCell.ja || nameCell.en || jaCell.ja || jaCell.en || enCell.ja || enCell.en)) {
      reject('no-name');
      continue;
    }
    const countryText = countryCellParts(text('country')).text;
    let code: string | null;
    if (row.country) {
      if (row.country.code === null) {
        reject(column.country === undefined ? 'no-country' : 'unresolved-country');
        continue;
      }
      code = row.country.code;
    } else {
      if (!countryText) {
        reject('no-country');
        continue;
      }
      code = codeOf(countryText);
    }
    let country = code ? countryRecord(code) : null;
    if (!code || !country) {
      reject('unknown-country', countryText);
      continue;
    }
    const stated = code;
    // The department and the date, from their columns or from one cell holding both (締結母体…締結年月日).
    let departmentText = text('department');
    let signedText = text('signed');
    let signedValue: string | number | Date = cell('signed') as string | number | Date;
    const both = text('departmentSigned');
    if (both) {
      const found = findDateIn(both);
      if (found && !signedText) [signedText, signedValue] = [both, both];
      const rest = found ? found.rest : both;
      if (rest && !departmentText) departmentText = rest;
    }
    let signed: string | null = null;
    let precision: SignedPrecision = 'unknown';
    if (signedText !== '') {
      let reading: DateReading = parseDate(signedValue, dayOrder);
      if (!reading.ok && reading.reason === 'unreadable' && typeof signedValue === 'string') reading = findDateIn(signedValue)?.reading ?? reading;
      if (!reading.ok && reading.reason === 'unreadable') {
        inferred.unreadableDates += 1;
        if (options.undatedRows !== 'keep') {
          reject('unreadable-date', signedText);
          continue;
        }
      } else if (!reading.ok) {
        reject(reading.reason === 'impossible' ? 'impossible-date' : 'day-order', signedText);
        continue;
      } else {
        if (reading.date.iso.slice(0, 7) > whose.asOf) {
          reject('after-as-of', signedText);
          continue;
        }
        signed = reading.date.iso;
        precision = reading.date.precision;
      }
    }
    const expiry = expiryOfRow(text('expires'), cell('expires'), dayOrder, signed, fold);
    if ('reject' in expiry) {
      reject(expiry.reject, text('expires'));
      continue;
    }
    const { expires } = expiry;
    const point = rowPoint(code, row.number, [cell('lat'), text('lat')], [cell('lng'), text('lng')]);
    if (point === 'bad') {
      reject('bad-coordinates', [text('lat'), text('lng')].filter(Boolean).join(', '));
      continue;
    }
    const { lat, lng } = point;
    if (point.note) pointNotes.push(point.note);

    const ja = jaCell.ja || jaCell.en || nameCell.ja || enCell.ja || enCell.en || nameCell.en;
    const en = enCell.en || nameCell.en || jaCell.en || ja;
    const unitText = nameCell.unit ?? enCell.unit ?? jaCell.unit;
    const match = [ja, en].map((name) => name && known.get(`${code}:${fold(name)}`)).find((x) => x);
    // Identity is name and country (identity.ts): a partner another row (another home) named in either language.
    const keys = [...new Set([fold(en), fold(ja)])].map((name) => `${code}:${name}`);
    let institutionId = match ? match.id : keys.map((k) => institutionByKey.get(k)).find((id) => id !== undefined);
    let result: RowResult;
    const agreementId = `row-${row.number}`;
    if (institutionId && institutions.has(institutionId)) {
      // A partner named again: placed as it was the first time.
      const first = firstResult.get(institutionId)!;
      result = { ...first, row: row.number, name: anyName, agreementId };
    } else {
      const placing = placePartner(
        { code, names: [en, ja].filter((x, i, all) => x && all.indexOf(x) === i), lat, lng, cityText: text('city'), centroid: CENTROIDS[code] },
        match || undefined,
        options.institutions,
        cities,
      );
      if (!placing) {
        reject('no-position', countryText);
        continue;
      }
      // A stated country corrected from the name (place.ts): the row is in its institution's country.
      if (placing.kind === 'gazetteer' && placing.correctedFrom)
        [code, country] = [placing.candidate.country, countryRecord(placing.candidate.country) ?? country];
      const source = { line: row.number, text: anyName };
      // The same partner under another name (清華大学, Tsinghua University, 清华大学): one gazetteer record, one institution.
      const same = placing.kind === 'gazetteer' ? byCandidate.get(placing.candidate.id) : undefined;
      if (same) {
        institutionId = same;
        for (const k of keys) institutionByKey.set(k, same);
        result = { ...firstResult.get(same)!, row: row.number, name: anyName, agreementId };
      } else if (placing.kind === 'built-in') {
        const inst = placing.institution;
        const placement = lat !== null ? 'coordinates' : 'institution';
        institutions.set(inst.id, lat !== null && lng !== null ? { ...inst, lat, lng, source, placement } : { ...inst, source, placement });
        ids.add(inst.id);
        institutionId = inst.id;
        result = { row: row.number, status: 'placed', name: anyName, institutionId, agreementId, place: placement };
      } else {
        institutionId = newInstitutionId(
          placing.kind === 'gazetteer' ? placing.candidate.name.en : en,
          code,
          `partner-${row.number}`,
          ids,
          builtInIds,
          SLUG_PATTERN,
        );
        for (const k of keys) institutionByKey.set(k, institutionId);
        if (placing.kind === 'gazetteer') byCandidate.set(placing.candidate.id, institutionId);
        const base = { id: institutionId, aliases: [], country: code, source };
        if (placing.kind === 'gazetteer') {
          const c = placing.candidate;
          institutions.set(institutionId, {
            ...base,
            name: { en: c.name.en, ja: JAPANESE.test(ja) ? ja : (c.name.ja ?? c.name.en) },
            city: c.city ? { en: c.city.en, ...(c.city.ja ? { ja: c.city.ja } : {}) } : { en: country.name.en, ja: country.name.ja },
            lat: c.lat,
            lng: c.lng,
            ...(c.geonameId ? { geonameId: c.geonameId } : {}),
            placement: 'institution',
          });
          result = { row: row.number, status: 'placed', name: anyName, institutionId, agreementId, place: 'institution' };
        } else {
          const cityText = text('city');
          const city =
            placing.city ?? (cityText ? { en: cityText, ...(JAPANESE.test(cityText) ? { ja: cityText } : {}) } : { en: country.name.en, ja: country.name.ja });
          const ambiguousCity = placing.ambiguousCity ? { ...placing.ambiguousCity, country: code } : undefined;
          institutions.set(institutionId, {
            ...base,
            name: { ja, en },
            city,
            lat: placing.lat,
            lng: placing.lng,
            placement: placing.place,
            ...(ambiguousCity
              ? {
                  identification: {
                    confidence: 'probable' as const,
                    reason: {
                      ja: 'この国には同じ名前の都市が複数あり、人口の最も多い都市に置いた',
                      en: 'Several cities in this country have this name: placed at the most populous',
                    },
                  },
                }
              : {}),
          });
          const ambiguousInstitution = placing.ambiguous ? { ambiguousInstitution: placing.ambiguous } : {};
          result =
            placing.place === 'country'
              ? { row: row.number, status: 'approximate', name: anyName, institutionId, agreementId, place: 'country', ...ambiguousInstitution }
              : {
                  row: row.number,
                  status: 'placed',
                  name: anyName,
                  institutionId,
                  agreementId,
                  place: placing.place,
                  ...(ambiguousCity ? { ambiguousCity } : {}),
                  ...ambiguousInstitution,
                };
        }
      }
    }
    // … and so is each row of it, which says so; the stated country keeps no partner it lost.
    const placedIn = institutions.get(institutionId)!.country;
    if (placedIn === code) countries.set(code, country);
    if (placedIn !== stated && result.status === 'placed') result = { ...result, countryCorrected: { from: stated, to: placedIn } };
    if (!firstResult.has(institutionId)) firstResult.set(institutionId, result);

    const level = departmentOfRow(departmentText, text('level'));
    departmentText = level.department;
    if (level.fromColumn) inferred.levelsFromColumn += 1;
    const home = fromColumn?.ofRow.get(row.number)?.place ?? listHome;
    // A department is its home's: 工学部 of two universities is two departments.
    const record = departmentText ? rowHomes.department(home, departmentText, fromColumn !== null, ids) : null;
    const department: Agreement['department'] = record && { id: record.id, ja: record.ja, en: record.en };
    ids.add(agreementId);
    agreements.push({
      id: agreementId,
      level: department ? 'department' : 'university',
      institutionIds: [institutionId],
      signed,
      signedPrecision: precision,
      tuitionWaiver: parseWaiver(text('waiver')),
      department,
      unit: unitText ? { ja: unitText, en: unitText } : null,
      source: { line: row.number, text: texts.filter(Boolean).join(' | ').slice(0, MAX_TEXT_LENGTH) },
      ...(expires ? { expires } : {}),
      homeId: rowHomes.use(home),
    });
    results.push(result);
  }
  onProgress?.(total, total);
  if (namedHomes.length === 1) inferred.home = namedHomes[0]!;
  if (fromColumn) {
    inferred.homes = fromColumn.homes.map((h) => ({ id: h.place.id, name: h.place.name, names: h.names, how: h.how, rows: h.rows }));
    inferred.homeless = prepared.rows.length - fromColumn.ofRow.size;
  }

  const dataset = validateDataset({
    meta: {
      title: whose.title,
      source: fileName.slice(0, MAX_TEXT_LENGTH),
      asOf: whose.asOf,
      stated: statedCounts(agreements, institutions),
      about: importedAbout(fileName.slice(0, 200), results.filter((r) => r.status === 'rejected').length),
    },
    schemaVersion: SCHEMA_VERSION,
    // Without a home (none named, none resolved) the built-in's stands in: callers check guesses.home and ask.
    homes: rowHomes.homes(),
    regions: base.regions,
    countries: [...countries.values()],
    departments: rowHomes.departments(),
    institutions: [...institutions.values()],
    agreements,
    corrections: [],
  } satisfies Dataset);
  const summary = summarise(results, prepared.skipped.length);
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    readNotes: [...table.notes, ...pointNotes].sort((a, b) => a.row - b.row),
    mapping,
    rows: results,
    skipped: prepared.skipped,
    inferred,
    summary,
    dataset,
    guesses: whose,
  };
}
