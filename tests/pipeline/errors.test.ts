// Every way the pipeline stops: one edit to the real inputs (in memory) → the file:line a person must fix, and why.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../src/pipeline/errors';
import { readInputs } from '../../src/pipeline/inputs';
import { appendRow, appendText, appendedLine, buildWith, cell, dropRow, replaceLine, rowLine, seedLines, table, type InputEdit } from './helpers';

const SEED = 'data/raw/000_2fb9447d554a3c8c.txt';
const CURATION = 'data/curation';
const INSTITUTIONS = `${CURATION}/institutions.csv`;
const COUNTRIES = `${CURATION}/countries.csv`;
const REGIONS = `${CURATION}/regions.csv`;
const DEPARTMENTS = `${CURATION}/departments.csv`;
const DEPARTMENT_AGREEMENTS = `${CURATION}/department-agreements.csv`;
const CORRECTIONS = `${CURATION}/corrections.csv`;
const LABELS = `${CURATION}/labels.csv`;
const HOME = `${CURATION}/home.csv`;
const META = `${CURATION}/meta.csv`;

interface ErrorCase {
  what: string;
  edit: InputEdit;
  /** The file, and the 1-based line (null: the whole file). */
  file: string;
  line: number | null;
  /** A substring of the message after `file:line: `, or a pattern for it. */
  message: string | RegExp;
}

const SAARLAND = 'saarland-university';
const RWTH = 'rwth-aachen-university';
/** A department-level-only partner, so no seed heading decides its country. */
const DEPARTMENT_ONLY = 'academia-sinica-institute-of-chinese-literature-and-philosophy';
/** A split correction on seed line 287, the first row of the department section in corrections.csv. */
const SPLIT_287 = rowLine('corrections', '287');
/** A stated campus with no gazetteer place near it (pin = campus). */
const SHANGHAI_OCEAN = 'shanghai-ocean-university';
/** Pinned at Lat Krabang, about 1 km from its stated campus. */
const KMITL = 'king-mongkuts-institute-of-technology-ladkrabang';
const HOME_ID = 'tohoku-university';
/** Lines of the real seed (its final line break ends the last line, it does not start another). */
const SEED_LINE_COUNT = seedLines().join('\n').replace(/\n$/, '').split('\n').length;

const cases: ErrorCase[] = [
  // The seed: 大学間協定 section.
  {
    what: 'a seed entry with a malformed date',
    edit: { seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2003/4/30') },
    file: SEED,
    line: 12,
    message: /^cannot parse ".*" \(malformed date; expected "\(YYYY\.M\.D\)"\)$/,
  },
  {
    what: 'a seed line that is no entry, heading or label',
    edit: { seed: replaceLine(12, () => 'ダルムシュタット工科大学 (2003.4.30)') },
    file: SEED,
    line: 12,
    message: 'cannot parse "ダルムシュタット工科大学 (2003.4.30)" (expected "- [*]Name (YYYY.M.D)", a country heading or a label)',
  },
  {
    what: 'an impossible date',
    edit: { seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2003.2.30)') },
    file: SEED,
    line: 12,
    message: /^invalid date 2003\.2\.30$/,
  },
  {
    what: 'an unknown country heading',
    edit: { seed: replaceLine(22, () => 'オランダ王国') },
    file: SEED,
    line: 22,
    message: /^unknown country heading "オランダ王国" \(add it to data\/curation\/countries\.csv or labels\.csv\)$/,
  },
  { what: 'an entry without a name', edit: { seed: replaceLine(12, () => '- *') }, file: SEED, line: 12, message: /^entry without a name$/ },
  {
    what: 'an entry before any country heading',
    edit: { seed: replaceLine(7, () => '') },
    file: SEED,
    line: 9,
    message: /^entry "アーヘン工科大学" before any country heading$/,
  },
  {
    what: 'an undated member with a waiver mark',
    edit: { seed: replaceLine(50, () => '- *リール校') },
    file: SEED,
    line: 50,
    message: /^undated entry "リール校" carries a waiver mark/,
  },
  {
    what: 'an undated line with nothing above it to belong to',
    edit: { seed: replaceLine(24, () => '- グローニンゲン大学') },
    file: SEED,
    line: 24,
    message: /^undated entry "グローニンゲン大学" has no dated agreement above it to belong to$/,
  },
  {
    what: 'a group whose stated count differs from its members',
    edit: { seed: replaceLine(50, () => '') },
    file: SEED,
    line: 49,
    message: 'states 5 members but 4 are listed',
  },
  // Dates: none after the list's as-of month (meta.csv) or before the home institution was founded (home.csv).
  {
    what: 'a date after the as-of month',
    edit: { seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2099.4.30)') },
    file: SEED,
    line: 12,
    message: "date 2099.4.30 is after the list's as-of month 2012-05 (meta.csv as_of)",
  },
  {
    what: 'a date in the month after the as-of month',
    edit: { seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (2012.6.1)') },
    file: SEED,
    line: 12,
    message: "date 2012.6.1 is after the list's as-of month 2012-05",
  },
  {
    what: 'a date before the home institution was founded',
    edit: { seed: replaceLine(12, () => '- *ダルムシュタット工科大学 (1066.10.14)') },
    file: SEED,
    line: 12,
    message: 'date 1066.10.14 is before 1907, when the home institution was founded (home.csv founded)',
  },
  // An undated line joins the dated entry above it only as a school or campus that institutions.csv lists (member_of).
  {
    what: 'a partner whose date and waiver mark are lost (it would become an 11th UC campus)',
    edit: { seed: replaceLine(183, () => '- ワシントン大学 (シアトル)') },
    file: SEED,
    line: 183,
    message: `undated line "ワシントン大学 (シアトル)" would join "カリフォルニア大学" (line 172) as one of its schools or campuses, but institutions.csv does not list it as one (member_of 172, line ${rowLine('institutions', 'university-of-washington')})`,
  },
  {
    what: 'a campus that institutions.csv does not list as a member',
    edit: table('institutions', cell('institutions', 'university-of-california-berkeley', 'member_of', '')),
    file: SEED,
    line: 173,
    message: 'undated line "バークレー校" would join "カリフォルニア大学" (line 172)',
  },
  {
    what: 'a member_of that the seed does not list under that entry',
    edit: table('institutions', cell('institutions', 'purdue-university', 'member_of', '172')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'purdue-university'),
    message: 'member_of 172, but seed line 184 is not listed under the group entry on line 172',
  },
  { what: 'no 大学間協定 title', edit: { seed: replaceLine(3, () => '') }, file: SEED, line: null, message: 'no "大学間協定" section title' },
  {
    what: 'no 部局間協定 title',
    edit: { seed: (t) => t.replace(/^部局間協定$/gm, '') },
    file: SEED,
    line: null,
    message: 'no "部局間協定" section title after "大学間協定"',
  },
  {
    what: 'no stated totals in a section',
    edit: { seed: replaceLine(5, () => '') },
    file: SEED,
    line: null,
    message: 'no stated totals (NNヶ国・地域 NNN機関) in a section',
  },
  {
    what: 'an institution missing from the curation table',
    edit: table('institutions', dropRow('institutions', SAARLAND)),
    file: SEED,
    line: 11,
    message: /^institution "ザールラント大学" is missing from data\/curation\/institutions\.csv/,
  },

  // The seed: 部局間協定 section.
  {
    what: 'a department-level chunk that nothing accounts for',
    edit: { seed: replaceLine(289, (l) => l.replace('ライデン大学人文学部', 'ライデン大学人文学部 謎の研究所')) },
    file: SEED,
    line: 289,
    message:
      /^unclassified text "謎の研究所": not a partner in department-agreements\.csv, a duplicate in corrections\.csv, a department header, a country or a label$/,
  },

  // CSV syntax (institutions.csv stands for every table; they share one reader).
  {
    what: 'a `,` typed for `|` in aliases (one field too many)',
    edit: table(
      'institutions',
      replaceLine(2, (l) => l.replace('RWTH|', 'RWTH,')),
    ),
    file: INSTITUTIONS,
    line: 2,
    message: /^21 fields where the header \(line 1\) has 20$/,
  },
  {
    what: 'a row with a field too few',
    edit: table(
      'institutions',
      replaceLine(2, (l) => l.replace(/,$/, '')),
    ),
    file: INSTITUTIONS,
    line: 2,
    message: '19 fields where the header (line 1) has 20',
  },
  {
    what: 'a quoted field never closed',
    edit: table('institutions', appendText('x,"1')),
    file: INSTITUTIONS,
    line: appendedLine('institutions'),
    message: 'a quoted field is never closed',
  },
  {
    what: 'text after a closing quote',
    edit: table(
      'institutions',
      replaceLine(2, (l) => l.replace(',RWTH Aachen University,', ',"RWTH" Aachen University,')),
    ),
    file: INSTITUTIONS,
    line: 2,
    message: 'text after the closing `"` of a quoted field',
  },
  {
    what: 'a line break in a name',
    edit: table('institutions', cell('institutions', SAARLAND, 'name_en', 'Saarland\nUniversity')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: /^"name_en" contains a line break$/,
  },
  {
    what: 'a multi-line note (allowed) moves the rows below it: errors still name their physical line',
    edit: table('institutions', cell('institutions', SAARLAND, 'geoname_id', '999999999'), cell('institutions', RWTH, 'note', 'first line\nsecond line')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND) + 1,
    message: 'GeoNames id 999999999 (Saarbrücken) is not in the gazetteer',
  },
  {
    what: 'blank lines are skipped, and counted',
    edit: table(
      'institutions',
      cell('institutions', SAARLAND, 'id', 'Saarland'),
      replaceLine(3, (l) => `\n  \n${l}`),
    ),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND) + 2,
    message: 'must be a lowercase slug',
  },
  {
    what: 'a missing column',
    edit: table(
      'institutions',
      replaceLine(1, (l) => l.replace('geoname_id', 'geonames_id')),
    ),
    file: INSTITUTIONS,
    line: 1,
    message: /^missing column "geoname_id" \(has: /,
  },
  {
    what: 'a column named twice',
    edit: table(
      'institutions',
      replaceLine(1, (l) => l.replace('city_ja', 'city_en')),
    ),
    file: INSTITUTIONS,
    line: 1,
    message: 'duplicate column "city_en"',
  },
  { what: 'an empty table', edit: table('regions', () => ''), file: REGIONS, line: null, message: 'empty table (no header row)' },

  // institutions.csv
  {
    what: 'an empty required field',
    edit: table('institutions', cell('institutions', SAARLAND, 'name_en', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: /^empty "name_en"$/,
  },
  {
    what: 'a bad slug',
    edit: table('institutions', cell('institutions', SAARLAND, 'id', 'Saarland University')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: '"id" must be a lowercase slug, got "Saarland University"',
  },
  {
    what: 'a bad ISO code',
    edit: table('institutions', cell('institutions', SAARLAND, 'country', 'de')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: '"country" must be an ISO 3166-1 alpha-2 code, got "de"',
  },
  {
    what: 'a reading (yomi) with kanji in it',
    edit: table('institutions', cell('institutions', 'peking-university', 'yomi', '北京だいがく')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'peking-university'),
    message: '"yomi" must be kana only (hiragana, katakana, ー, single spaces between words), got "北京だいがく"',
  },
  {
    what: 'a reading (yomi) in Latin letters',
    edit: table('institutions', cell('institutions', 'peking-university', 'yomi', 'pekin daigaku')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'peking-university'),
    message: '"yomi" must be kana only (hiragana, katakana, ー, single spaces between words), got "pekin daigaku"',
  },
  {
    what: 'a Japanese name with kanji and no reading (yomi)',
    edit: table('institutions', cell('institutions', 'peking-university', 'yomi', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'peking-university'),
    message: '"name_ja" "北京大学" has kanji: give its reading in "yomi" (kana)',
  },
  {
    what: 'a seed_line that is not a number',
    edit: table('institutions', cell('institutions', SAARLAND, 'seed_line', 'eleven')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: '"seed_line" must be a positive integer, got "eleven"',
  },
  {
    what: 'a seed_line past the end of the seed (reported at the row, not the seed)',
    edit: table('institutions', cell('institutions', SAARLAND, 'seed_line', '99999')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: `seed_line 99999 is past the end of ${SEED} (${SEED_LINE_COUNT} lines)`,
  },
  {
    what: 'a seed_ja not found on its seed line',
    edit: table('institutions', cell('institutions', SAARLAND, 'seed_ja', 'ザールラント大学X')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: `seed_ja "ザールラント大学X" is not found on ${SEED}:11`,
  },
  {
    what: 'a seed_line that is not the first line naming the institution',
    edit: table('institutions', cell('institutions', 'cas-shanghai-institute-of-organic-chemistry', 'seed_line', '376')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'cas-shanghai-institute-of-organic-chemistry'),
    message: 'seed_line 376 is not the first line naming "cas-shanghai-institute-of-organic-chemistry": its first agreement is on line 314',
  },
  {
    what: 'a country other than the seed heading',
    edit: table('institutions', cell('institutions', SAARLAND, 'country', 'FR')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: "country FR differs from the seed heading's DE",
  },
  {
    what: 'two rows naming one seed entry',
    edit: table('institutions', appendRow('institutions', SAARLAND, { id: 'saarland-university-copy' })),
    file: INSTITUTIONS,
    line: appendedLine('institutions'),
    message: `several rows name "ザールラント大学" on seed line 11 (first at line ${rowLine('institutions', SAARLAND)})`,
  },
  {
    what: 'a duplicate institution id',
    edit: table('institutions', appendRow('institutions', SAARLAND)),
    file: INSTITUTIONS,
    line: appendedLine('institutions'),
    message: `duplicate institution id "${SAARLAND}" (first at line ${rowLine('institutions', SAARLAND)})`,
  },
  {
    what: 'an institution no agreement names',
    edit: table('institutions', appendRow('institutions', RWTH, { id: 'aachen-extra', seed_ja: 'アーヘン' })),
    file: INSTITUTIONS,
    line: appendedLine('institutions'),
    message: 'institution "aachen-extra" is not named by any agreement',
  },
  {
    what: 'a country missing from countries.csv',
    edit: table('institutions', cell('institutions', DEPARTMENT_ONLY, 'country', 'ZZ')),
    file: INSTITUTIONS,
    line: rowLine('institutions', DEPARTMENT_ONLY),
    message: 'country ZZ is not in countries.csv',
  },
  {
    what: 'a GeoNames id the gazetteer lacks',
    edit: table('institutions', cell('institutions', SAARLAND, 'geoname_id', '999999999')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: /^GeoNames id 999999999 \(Saarbrücken\) is not in the gazetteer$/,
  },
  // Aachen's row pointed at Maastricht (NL, GeoNames 2751283) while the row says DE.
  {
    what: 'a place in another country than the row says',
    edit: table('institutions', cell('institutions', RWTH, 'geoname_id', '2751283')),
    file: INSTITUTIONS,
    line: 2,
    message: /^GeoNames 2751283 is Maastricht, NL; expected a place in DE$/,
  },
  // A gazetteer place that claims DE but lies in the North Sea, 100+ km from any coast.
  {
    what: 'a point outside its country',
    edit: { place: { geonameId: 3247449, name: 'Aachen', country: 'DE', lat: 54.9, lng: 4.0 } },
    file: INSTITUTIONS,
    line: 2,
    message: /^point 54\.9,4 \(Aachen\) lies outside DE \(more than 15 km from its border\)$/,
  },
  { what: 'a country without a border polygon', edit: { withoutBorders: ['276'] }, file: INSTITUTIONS, line: 2, message: 'no border polygon for DE' },

  // The city label against the gazetteer place (folded names; gazetteer_name where the label deliberately differs).
  {
    what: "a GeoNames id whose place is not the row's city (Saarbrücken labelled, Berlin's id)",
    edit: table('institutions', cell('institutions', SAARLAND, 'geoname_id', '2950159')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message:
      'city_en "Saarbrücken" does not name GeoNames 2950159 (Berlin): fix geoname_id (npm run find-city), or, where the label deliberately differs, give the gazetteer\'s name in gazetteer_name',
  },
  {
    what: 'a gazetteer_name that does not name the place either',
    edit: table('institutions', cell('institutions', 'chalmers-university-of-technology', 'gazetteer_name', 'Malmö')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'chalmers-university-of-technology'),
    message: 'gazetteer_name "Malmö" does not name GeoNames 2711537 (Göteborg)',
  },
  {
    what: 'a gazetteer_name where the label already names the place',
    edit: table('institutions', cell('institutions', RWTH, 'gazetteer_name', 'Aachen')),
    file: INSTITUTIONS,
    line: 2,
    message: 'gazetteer_name "Aachen" is not needed: city_en "Aachen" already names GeoNames 3247449 (Aachen)',
  },
  // Stated campus coordinates: the pin within 25 km, or pin = campus where no gazetteer place is near.
  {
    what: 'a pin far from the stated campus (Shanghai Ocean University at the city centre, 56 km from Lingang)',
    edit: table('institutions', cell('institutions', SHANGHAI_OCEAN, 'pin', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SHANGHAI_OCEAN),
    message:
      'GeoNames 1796236 (Shanghai) is 56 km from the stated campus 30.882,121.895 (more than 25 km): pin a gazetteer place near the campus, or set pin to "campus" where none is near',
  },
  {
    what: 'a pin back at the city centre, 30 km from the stated campus (KMITL)',
    edit: table('institutions', cell('institutions', KMITL, 'geoname_id', '1609350'), cell('institutions', KMITL, 'gazetteer_name', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', KMITL),
    message: /^GeoNames 1609350 \(Bangkok\) is 3\d km from the stated campus 13\.73,100\.778 \(more than 25 km\)/,
  },
  {
    what: 'pin = campus where a gazetteer place is near (the override is only for campuses with none)',
    edit: table('institutions', cell('institutions', KMITL, 'pin', 'campus')),
    file: INSTITUTIONS,
    line: rowLine('institutions', KMITL),
    message: 'pin "campus", but GeoNames 6957690 (Lat Krabang) lies 1 km from the campus 13.73,100.778: pin it by geoname_id instead',
  },
  {
    what: 'a pin other than empty or campus',
    edit: table('institutions', cell('institutions', SHANGHAI_OCEAN, 'pin', 'centre')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SHANGHAI_OCEAN),
    message: '"pin" must be empty (the gazetteer place) or "campus", got "centre"',
  },
  {
    what: 'pin = campus without a campus',
    edit: table('institutions', cell('institutions', SAARLAND, 'pin', 'campus')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: 'pin "campus" needs campus_lat and campus_lng',
  },
  {
    what: 'half a campus coordinate',
    edit: table('institutions', cell('institutions', KMITL, 'campus_lng', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', KMITL),
    message: 'campus_lat and campus_lng must be both given or both empty',
  },
  {
    what: 'a campus latitude out of range',
    edit: table('institutions', cell('institutions', KMITL, 'campus_lat', '137.3')),
    file: INSTITUTIONS,
    line: rowLine('institutions', KMITL),
    message: '"campus_lat" must be decimal degrees within ±90, got "137.3"',
  },
  // How sure a judgement is (confidence), with its reason in both languages.
  {
    what: 'an unknown confidence',
    edit: table('institutions', cell('institutions', 'university-of-utah', 'confidence', 'maybe')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'university-of-utah'),
    message: '"confidence" must be one of certain, probable, uncertain; got "maybe"',
  },
  {
    what: 'a confidence without its reason',
    edit: table('institutions', cell('institutions', 'university-of-utah', 'confidence_reason_ja', '')),
    file: INSTITUTIONS,
    line: rowLine('institutions', 'university-of-utah'),
    message: 'confidence "probable" needs its reason in both confidence_reason_ja and confidence_reason_en',
  },
  {
    what: 'a confidence reason without a confidence',
    edit: table('institutions', cell('institutions', SAARLAND, 'confidence_reason_en', 'because')),
    file: INSTITUTIONS,
    line: rowLine('institutions', SAARLAND),
    message: 'a confidence reason without a confidence',
  },

  // countries.csv and regions.csv
  {
    what: 'a country code that is not two capitals',
    edit: table('countries', cell('countries', 'DE', 'code', 'DEU')),
    file: COUNTRIES,
    line: rowLine('countries', 'DE'),
    message: '"code" must be an ISO 3166-1 alpha-2 code, got "DEU"',
  },
  {
    what: 'a country name with kanji and no reading (yomi)',
    edit: table('countries', cell('countries', 'KR', 'yomi', '')),
    file: COUNTRIES,
    line: rowLine('countries', 'KR'),
    message: '"name_ja" "韓国" has kanji: give its reading in "yomi" (kana)',
  },
  {
    what: 'a country reading (yomi) that is not kana',
    edit: table('countries', cell('countries', 'KR', 'yomi', 'かん国')),
    file: COUNTRIES,
    line: rowLine('countries', 'KR'),
    message: '"yomi" must be kana only (hiragana, katakana, ー, single spaces between words), got "かん国"',
  },
  {
    what: 'a well-formed but unassigned ISO code',
    edit: table('countries', cell('countries', 'DE', 'includes', 'ZZ')),
    file: COUNTRIES,
    line: rowLine('countries', 'DE'),
    message: 'ZZ is not an ISO 3166-1 alpha-2 code',
  },
  {
    what: 'a region outside the fixed list',
    edit: table('countries', cell('countries', 'DE', 'region', 'mars')),
    file: COUNTRIES,
    line: rowLine('countries', 'DE'),
    message: /^"region" must be one of asia, .*; got "mars"$/,
  },
  {
    what: 'a duplicate country',
    edit: table('countries', appendRow('countries', 'DE')),
    file: COUNTRIES,
    line: appendedLine('countries'),
    message: `duplicate country "DE" (first at line ${rowLine('countries', 'DE')})`,
  },
  {
    what: 'a country name given to two countries',
    edit: table('countries', cell('countries', 'NL', 'seed_ja', 'オランダ|ドイツ')),
    file: COUNTRIES,
    line: rowLine('countries', 'NL'),
    message: `duplicate country seed_ja name "ドイツ" (first at line ${rowLine('countries', 'DE')})`,
  },
  {
    what: 'a region missing from regions.csv',
    edit: table('regions', dropRow('regions', 'africa')),
    file: COUNTRIES,
    line: rowLine('countries', 'MA'),
    message: 'region "africa" is not in regions.csv',
  },
  {
    what: 'a region id outside the fixed list',
    edit: table('regions', cell('regions', 'asia', 'id', 'asia-pacific')),
    file: REGIONS,
    line: rowLine('regions', 'asia'),
    message: '"id" must be one of',
  },
  {
    what: 'a duplicate region',
    edit: table('regions', appendRow('regions', 'asia')),
    file: REGIONS,
    line: appendedLine('regions'),
    message: `duplicate region "asia" (first at line ${rowLine('regions', 'asia')})`,
  },

  // departments.csv
  {
    what: 'a stated count that is not a number',
    edit: table('departments', cell('departments', 'letters', 'stated_count', 'nine')),
    file: DEPARTMENTS,
    line: rowLine('departments', 'letters'),
    message: '"stated_count" must be an integer, got "nine"',
  },
  {
    what: 'a header text not on its line',
    edit: table('departments', cell('departments', 'letters', 'seed_text', '文学部(9)X')),
    file: DEPARTMENTS,
    line: rowLine('departments', 'letters'),
    message: `"文学部(9)X" is not found on ${SEED}:286`,
  },
  {
    what: 'an inferred header outside the department table',
    edit: table('departments', cell('departments', 'law', 'seed_line', '10')),
    file: DEPARTMENTS,
    line: rowLine('departments', 'law'),
    message: 'seed_line 10 is outside the 部局間協定 section',
  },
  {
    what: 'a seed_line past the end of the seed',
    edit: table('departments', cell('departments', 'law', 'seed_line', '99999')),
    file: DEPARTMENTS,
    line: rowLine('departments', 'law'),
    message: `seed_line 99999 is past the end of ${SEED}`,
  },
  {
    what: 'a duplicate department id',
    edit: table('departments', appendRow('departments', 'law')),
    file: DEPARTMENTS,
    line: appendedLine('departments'),
    message: `duplicate department id "law" (first at line ${rowLine('departments', 'law')})`,
  },

  // department-agreements.csv (line 2: 延世大学校大学院 on seed line 286, Letters)
  {
    what: 'a partner text not on its line',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'seed_text', '延世大学校大学院X')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: `"延世大学校大学院X" is not found on ${SEED}:286`,
  },
  {
    what: 'a partner text claimed twice',
    edit: table('departmentAgreements', appendRow('departmentAgreements', 2)),
    file: DEPARTMENT_AGREEMENTS,
    line: appendedLine('departmentAgreements'),
    message: `"延世大学校大学院" is claimed twice on ${SEED}:286`,
  },
  {
    what: 'a line outside the department table (reported at the row, not the seed)',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'line', '10')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: 'line 10 is outside the 部局間協定 section',
  },
  {
    what: 'a line past the end of the seed',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'line', '99999')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: `line 99999 is past the end of ${SEED}`,
  },
  {
    what: 'an unknown department',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'department_id', 'alchemy')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: 'unknown department "alchemy" (not in departments.csv)',
  },
  {
    what: 'an institution missing from institutions.csv',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'institution_id', 'no-such-university')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: 'institution "no-such-university" is missing from institutions.csv',
  },
  {
    what: 'a unit in one language only',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'unit_en', '')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: 'unit_ja and unit_en must be both given or both empty',
  },
  {
    what: 'a partner confidence outside the list',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'confidence', 'sure')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: '"confidence" must be one of certain, probable, uncertain; got "sure"',
  },
  {
    what: 'a bad slug in department_id',
    edit: table('departmentAgreements', cell('departmentAgreements', 2, 'department_id', 'Letters')),
    file: DEPARTMENT_AGREEMENTS,
    line: 2,
    message: '"department_id" must be a lowercase slug',
  },

  // corrections.csv (SPLIT_287: a split correction on seed line 287)
  {
    what: 'an unknown correction kind',
    edit: table('corrections', cell('corrections', SPLIT_287, 'kind', 'typo')),
    file: CORRECTIONS,
    line: SPLIT_287,
    message: /^"kind" must be one of country, header, .*; got "typo"$/,
  },
  {
    what: 'a correction text not on its line',
    edit: table('corrections', cell('corrections', SPLIT_287, 'seed_text', '存在しない')),
    file: CORRECTIONS,
    line: SPLIT_287,
    message: `seed_text "存在しない" is not found on ${SEED}:287`,
  },
  {
    what: 'a correction line past the end of the seed (reported at the row, not the seed)',
    edit: table('corrections', cell('corrections', SPLIT_287, 'line', '99999')),
    file: CORRECTIONS,
    line: SPLIT_287,
    message: `line 99999 is past the end of ${SEED}`,
  },
  {
    what: 'an empty reason',
    edit: table('corrections', cell('corrections', SPLIT_287, 'reason', '')),
    file: CORRECTIONS,
    line: SPLIT_287,
    message: 'empty "reason"',
  },
  {
    what: 'a reason over two lines (allowed), then a bad kind on the next row',
    edit: table('corrections', cell('corrections', SPLIT_287 + 1, 'kind', 'typo'), cell('corrections', SPLIT_287, 'reason', 'first line\nsecond line')),
    file: CORRECTIONS,
    line: SPLIT_287 + 2,
    message: '"kind" must be one of',
  },
  {
    what: 'a duplicate correction',
    edit: table('corrections', appendRow('corrections', SPLIT_287)),
    file: CORRECTIONS,
    line: appendedLine('corrections'),
    message: new RegExp(`^duplicate correction "line 287, ".*", split" \\(first at line ${SPLIT_287}\\)$`),
  },
  {
    what: 'a line break in a kind',
    edit: table('corrections', cell('corrections', SPLIT_287, 'kind', 'split\n')),
    file: CORRECTIONS,
    line: SPLIT_287,
    message: '"kind" contains a line break',
  },
  // A department's reconstructed count against the (N) of its header: information-sciences states 15 and has 14.
  {
    what: 'a stated count that differs without a count correction',
    edit: table('corrections', dropRow('corrections', '402')),
    file: DEPARTMENTS,
    line: rowLine('departments', 'information-sciences'),
    message: '"information-sciences" states 15 partners but 14 are reconstructed, and corrections.csv has no count row for line 402 to explain it',
  },
  {
    what: 'a correction without its reason in Japanese',
    edit: table('corrections', appendText('286,,count,reconstructed 10 (stated 9),an old explanation,復元10件(記載9件),')),
    file: CORRECTIONS,
    line: appendedLine('corrections'),
    message: /^empty "reason_ja"$/,
  },
  {
    what: 'a count correction where the stated count holds (stale)',
    edit: table('corrections', appendText('286,,count,reconstructed 10 (stated 9),an old explanation,復元10件(記載9件),古い説明')),
    file: CORRECTIONS,
    line: appendedLine('corrections'),
    message: 'stale count correction: "letters" (line 286) has its stated 9 partners',
  },

  // labels.csv, home.csv, meta.csv
  { what: 'an empty label', edit: table('labels', appendText(',area,')), file: LABELS, line: appendedLine('labels'), message: 'empty "text"' },
  {
    what: 'a duplicate label',
    edit: table('labels', appendRow('labels', '大学間協定')),
    file: LABELS,
    line: appendedLine('labels'),
    message: `duplicate label "大学間協定" (first at line ${rowLine('labels', '大学間協定')})`,
  },
  {
    what: 'a label that is also a country name (it would hide the heading)',
    edit: table('labels', appendText('ドイツ,area,')),
    file: LABELS,
    line: appendedLine('labels'),
    message: `label "ドイツ" is also a country name in countries.csv (line ${rowLine('countries', 'DE')})`,
  },
  {
    what: 'a home GeoNames id the gazetteer lacks',
    edit: table('home', cell('home', 'tohoku-university', 'geoname_id', '999999999')),
    file: HOME,
    line: 2,
    message: 'GeoNames id 999999999 is not in the gazetteer',
  },
  {
    what: 'a home place outside its country',
    edit: table('home', cell('home', 'tohoku-university', 'geoname_id', '3247449')),
    file: HOME,
    line: 2,
    message: 'GeoNames 3247449 is Aachen, DE; expected a place in JP',
  },
  {
    what: 'the home institution placed in Paris',
    edit: table('home', cell('home', HOME_ID, 'geoname_id', '2988507')),
    file: HOME,
    line: 2,
    message: 'GeoNames 2988507 is Paris, FR; expected a place in JP',
  },
  {
    what: 'the home institution placed in another Japanese city',
    edit: table('home', cell('home', HOME_ID, 'geoname_id', '1850147')),
    file: HOME,
    line: 2,
    message: 'city_en "Sendai" does not name GeoNames 1850147 (Tokyo)',
  },
  {
    what: 'a home place far from the stated campus',
    edit: table('home', cell('home', HOME_ID, 'campus_lat', '38.9'), cell('home', HOME_ID, 'campus_lng', '141.1')),
    file: HOME,
    line: 2,
    message: /^GeoNames 2111149 \(Sendai\) is \d+ km from the stated campus 38\.9,141\.1 \(more than 25 km\)/,
  },
  {
    what: 'a home without its campus',
    edit: table('home', cell('home', HOME_ID, 'campus_lat', ''), cell('home', HOME_ID, 'campus_lng', '')),
    file: HOME,
    line: 2,
    message: 'empty "campus_lat" and "campus_lng"',
  },
  {
    what: 'a home founding year that is not a number',
    edit: table('home', cell('home', HOME_ID, 'founded', 'Meiji 40')),
    file: HOME,
    line: 2,
    message: '"founded" must be a positive integer, got "Meiji 40"',
  },
  { what: 'two home rows', edit: table('home', appendRow('home', 'tohoku-university')), file: HOME, line: null, message: 'must have exactly one row' },
  {
    what: 'an as_of that is not YYYY-MM',
    edit: table('meta', cell('meta', 2, 'as_of', '2012/05')),
    file: META,
    line: 2,
    message: '"as_of" must be a month YYYY-MM, got "2012/05"',
  },
  {
    what: 'an as_of other than the seed footer',
    edit: table('meta', cell('meta', 2, 'as_of', '2012-06')),
    file: META,
    line: 2,
    message: `as_of 2012-06 differs from the seed's "平成24年5月現在" (2012-05) on ${SEED}:144`,
  },
  { what: 'an empty title', edit: table('meta', cell('meta', 2, 'title_en', '')), file: META, line: 2, message: 'empty "title_en"' },
  { what: 'two meta rows', edit: table('meta', appendRow('meta', 2)), file: META, line: null, message: 'must have exactly one row' },
];

function failure(run: () => unknown): PipelineError {
  try {
    run();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected the pipeline to stop');
}

describe('the pipeline stops with file:line on bad input', () => {
  it.each(cases)('$what', ({ edit, file, line, message }) => {
    const e = failure(() => buildWith(edit));
    expect(`${e.file}:${e.line}`).toBe(`${file}:${line}`);
    expect(e.message.startsWith(`${file}${line === null ? '' : `:${line}`}: `)).toBe(true);
    if (typeof message === 'string') expect(e.detail).toContain(message);
    else expect(e.detail).toMatch(message);
  });

  it('a seed folder without exactly one .txt file', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-pipeline-'));
    mkdirSync(join(root, 'data/raw'), { recursive: true });
    expect(() => readInputs(root)).toThrow('data/raw: expected exactly one seed .txt file, found 0');
    writeFileSync(join(root, 'data/raw/a.txt'), '');
    writeFileSync(join(root, 'data/raw/b.txt'), '');
    expect(() => readInputs(root)).toThrow('data/raw: expected exactly one seed .txt file, found 2');
  });
});
