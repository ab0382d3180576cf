// Signing dates as lists write them: ISO, 2012/4/1, 2012.4.1, `1980. 5.31`, 2012-04, 2012年4月1日, Japanese eras
// (平成24年4月1日, H24.4.1, 令和元年), Excel serial numbers, bare years, English (`1 April 2012`, `Oct 2008`,
// `April 1, 2012`) and day/month/year (`31/03/2017`, the order decided for the whole column: dayOrderOf), with
// footnote marks (`1996. 1.23※`) ignored; a year or a month alone keeps its precision. findDateIn finds a date
// inside other text (`理工学部・理工学研究科 2017年4月7日`).
import { withoutMarks } from './cells';
import type { SignedPrecision } from '../schema';

export interface ParsedDate {
  /** YYYY-MM-DD; the first day of the month or year when the precision is coarser. */
  iso: string;
  precision: Exclude<SignedPrecision, 'unknown'>;
}

export type DateReading = { ok: true; date: ParsedDate } | { ok: false; reason: 'impossible' | 'unreadable' | 'day-order' };

/** Which of the first two numbers of `31/03/2017` is the day: day first (dmy) or month first (mdy). */
export type DayOrder = 'dmy' | 'mdy';

/** The first year of each era (year 1, 元年, is this year). */
const ERAS: Record<string, number> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
  M: 1868,
  T: 1912,
  S: 1926,
  H: 1989,
  R: 2019,
};

/** Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for (serials from 61 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers read as dates: 1900-01-01 … 2099-12-31. */
const SERIAL_MIN = 1;
const SERIAL_MAX = 73415;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendar(year: number, month?: number, day?: number): DateReading {
  if (month === undefined) return { ok: true, date: { iso: `${pad(year, 4)}-01-01`, precision: 'year' } };
  if (month < 1 || month > 12) return { ok: false, reason: 'impossible' };
  if (day === undefined) return { ok: true, date: { iso: `${pad(year, 4)}-${pad(month)}-01`, precision: 'month' } };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { ok: false, reason: 'impossible' };
  return { ok: true, date: { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day' } };
}

/** A date from an Excel serial number (days since 1899-12-30). */
export function fromExcelSerial(serial: number): DateReading {
  if (!Number.isInteger(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return { ok: false, reason: 'unreadable' };
  const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
  return calendar(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

const WESTERN = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/;
const ERA = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,2}|元)(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A day (or month) the list did not know, written as a placeholder: `1999.11.XX`, `2003-??-??`. */
const UNKNOWN_PART = /^(\d{4})\s*[-/.年]\s*(\d{1,2}|XX?|\?\??|--)\s*[-/.月]\s*(?:XX?|\?\??|--)\s*日?$/;
/** Day and month before a four-digit year: 31/03/2017, 3.31.2017, 31-03-2017. */
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  SEPT: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};
const MONTH = '(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\\.?';
/** 1 April 2012, 1-Apr-2012, 1st April 2012. */
const DAY_MONTH_NAME = new RegExp(`^(\\d{1,2})(?:ST|ND|RD|TH)?[\\s-]+${MONTH}[\\s,-]+(\\d{4})$`);
/** April 1, 2012. */
const MONTH_NAME_DAY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:ST|ND|RD|TH)?,?\\s+(\\d{4})$`);
/** Oct 2008, October 2008, Oct-2008. */
const MONTH_NAME_YEAR = new RegExp(`^${MONTH}[\\s,-]+(\\d{4})$`);
const monthOf = (name: string) => MONTHS[name.slice(0, 3)] ?? 0;

/** A date inside other text: 2017年4月7日, 平成24年4月1日, 2012.4.1, 2012/4/1 or 2012-04-01 (the first one). */
const EMBEDDED =
  /(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}\s*[./-]\s*\d{1,2}(?:\s*[./-]\s*\d{1,2})?/;

/** The first date in a text and the text around it (trimmed), or null when there is none. */
export function findDateIn(text: string): { reading: DateReading; rest: string } | null {
  const normal = text.normalize('NFKC');
  const m = EMBEDDED.exec(normal);
  if (!m) return null;
  const rest = `${normal.slice(0, m.index)} ${normal.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return { reading: parseDate(m[0]), rest };
}

/**
 * The day/month order of a column of dates: day first when some cell's first number is over 12 (31/03/2017) and
 * none's second is, month first the other way round; null when no cell tells (every one could be either) or they
 * disagree; 'none' when the column has no such dates.
 */
export function dayOrderOf(texts: Iterable<string>): DayOrder | null | 'none' {
  let dayFirst = false;
  let monthFirst = false;
  let any = false;
  for (const text of texts) {
    const m = DAY_MONTH_YEAR.exec(text.trim());
    if (!m) continue;
    any = true;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (!any) return 'none';
  return dayFirst === monthFirst ? null : dayFirst ? 'dmy' : 'mdy';
}

/** Reads one cell as a signing date; `order` says how to read 03/04/2017 (without it, only an unambiguous one is read). */
export function parseDate(value: string | number | Date, order?: DayOrder): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'unreadable' };
    return calendar(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1900 && value <= 2100 ? calendar(value) : fromExcelSerial(value);
  // Whitespace collapsed first: the patterns' adjacent \s* runs backtrack cubically over a long run (1.3 s per cell at 390 spaces).
  const text = withoutMarks(value.normalize('NFKC').replace(/\s+/g, ' ').trim().toUpperCase());
  let m = WESTERN.exec(text);
  if (m) return calendar(Number(m[1]), num(m[2]), num(m[3]));
  m = ERA.exec(text);
  if (m) {
    const year = ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2])) - 1;
    return calendar(year, num(m[3]), num(m[4]));
  }
  m = COMPACT.exec(text);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UNKNOWN_PART.exec(text);
  if (m) return calendar(Number(m[1]), /^\d+$/.test(m[2]!) ? Number(m[2]) : undefined);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirst = order ? order === 'dmy' : a > 12 ? true : b > 12 ? false : null;
    if (dayFirst === null) return { ok: false, reason: 'day-order' };
    return dayFirst ? calendar(Number(m[3]), b, a) : calendar(Number(m[3]), a, b);
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) return calendar(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  m = MONTH_NAME_DAY.exec(text);
  if (m) return calendar(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  m = MONTH_NAME_YEAR.exec(text);
  if (m) return calendar(Number(m[2]), monthOf(m[1]!));
  // A serial number typed as text (a CSV saved from Excel with the date column formatted as a number).
  if (/^\d{3,5}$/.test(text)) return fromExcelSerial(Number(text));
  return { ok: false, reason: 'unreadable' };
}

/** The period's separators: "2015.10.20 -2018.10.19", "2020年4月1日～2025年3月31日". */
const PERIOD_SEPARATOR = /[-–—~〜～]/gu;

/** Reads an expiry cell: a date, or a period "from – to" (its end; both ends must read as dates). */
export function parseExpiry(value: string | number | Date, order?: DayOrder): DateReading {
  const whole = parseDate(value, order);
  if (whole.ok || typeof value !== 'string') return whole;
  for (const m of value.matchAll(PERIOD_SEPARATOR)) {
    const from = parseDate(value.slice(0, m.index), order);
    const to = parseDate(value.slice(m.index + m[0].length), order);
    if (from.ok && to.ok) return to;
  }
  return whole;
}
