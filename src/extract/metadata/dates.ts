/**
 * A small date parser for the forms news pages use, normalised to ISO 8601.
 *
 * Output: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" plus "Z" / "±HH:MM" when the input carries an offset.
 * Recognised (anywhere in the string, earliest match wins):
 *   ISO 8601 ("2020-12-20", "2020-12-20T10:00:00.000+01:00"), compact ISO ("20201220"),
 *   "2020/12/20", RFC 2822 ("Sun, 20 Dec 2020 10:00:00 +0000"), "December 20, 2020", "Dec. 20th 2020",
 *   "20 December 2020", "20 de dezembro de 2020", "20.12.2020", unambiguous "12/20/2020",
 *   each with an optional time ("10:30", "10:30 a.m. EST", "10h30"); epoch seconds/milliseconds on request.
 */
import { MONTH_NUMBERS, TIMEZONE_OFFSETS } from "./lexicon.js";

/** Years outside this range are treated as noise (phone numbers, ids). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** ISO 8601 date with optional time and offset. Groups: year, month, day, hour, minute, second, offset. */
const ISO_DATE_TIME =
  /(?<![\d/])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])/i;
/** Compact ISO, whole value only ("20201220", "20201220T103000Z"). */
const COMPACT_ISO = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/;
/** Year first with slashes or dots ("2020/12/20", "2020.12.20"). */
const YMD_SLASHED = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
/** Month name first ("December 20, 2020", "Dec. 20th 2020"). Groups: month, day, year. */
const MONTH_DAY_YEAR = /(?<![\p{L}])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
/** Day first ("20 December 2020", "20 de dezembro de 2020", "Sun, 20 Dec 2020"). Groups: day, month, year. */
const DAY_MONTH_YEAR =
  /(?<!\d)(\d{1,2})(?:st|nd|rd|th|º|\.)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)/u;
/** All-numeric day/month/year ("20.12.2020", "12/20/2020"); dots mean day first. Groups: a, separator, b, year. */
const NUMERIC_DATE = /(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
/** A time right after a date. Groups: hour, minute, second, meridiem, zone. */
const TIME_AFTER_DATE =
  /^\s*(?:,|at|às|a las|à|um|-|–|\||@|T)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?(?:\s*\(?(Z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}:?\d{2})\)?)?(?:\s*([+-]\d{2}:?\d{2}))?(?![\d\p{L}])/iu;
const EPOCH_SECONDS = /^\d{10}$/;
const EPOCH_MILLISECONDS = /^\d{13}$/;
/** Dots and spaces in "p. m." / "a.m." */
const NOT_MERIDIEM_LETTER = /[^apm]/g;
const OFFSET_DIGITS = /^([+-])(\d{2}):?(\d{2})?$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  offset?: string;
}

interface DateMatch {
  index: number;
  end: number;
  parts: DateParts;
}

export interface ParseDateOptions {
  /** Accept 10- or 13-digit epoch timestamps (meta values only; in prose they are ids). */
  epoch?: boolean;
}

/** Parse the first date in `text` and return it as ISO 8601, or undefined when there is none. */
export function parseDate(
  text: string | undefined | null,
  options: ParseDateOptions = {},
): string | undefined {
  if (!text) return undefined;
  const value = text.trim();
  if (value.length === 0) return undefined;
  const whole = matchWholeValue(value, options);
  if (whole) return formatDate(whole);
  const found = findDate(value);
  return found ? formatDate(found.parts) : undefined;
}

/** Where the first date in `text` starts, or -1 (used to cut dates out of bylines). */
export function locateDate(text: string): number {
  return findDate(text)?.index ?? -1;
}

function matchWholeValue(value: string, options: ParseDateOptions): DateParts | undefined {
  if (options.epoch && (EPOCH_SECONDS.test(value) || EPOCH_MILLISECONDS.test(value))) {
    const ms = value.length === 10 ? Number(value) * 1000 : Number(value);
    return fromEpoch(ms);
  }
  const compact = COMPACT_ISO.exec(value);
  if (!compact) return undefined;
  const [, y, mo, d, h, mi, s, z] = compact;
  return checkParts({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    ...(h !== undefined ? { hour: Number(h), minute: Number(mi), second: Number(s ?? 0) } : {}),
    ...(z ? { offset: "Z" } : {}),
  });
}

function fromEpoch(ms: number): DateParts | undefined {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  return checkParts({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    offset: "Z",
  });
}

/** Run every pattern and keep the earliest valid match. */
function findDate(text: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (const find of DATE_FINDERS) {
    const match = find(text);
    if (match && (!best || match.index < best.index)) best = match;
  }
  return best;
}

type DateFinder = (text: string) => DateMatch | undefined;

const DATE_FINDERS: readonly DateFinder[] = [
  findIsoDate,
  findYmdSlashed,
  findMonthDayYear,
  findDayMonthYear,
  findNumericDate,
];

function findIsoDate(text: string): DateMatch | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, offset] = m;
  const parts = checkParts({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    ...(h !== undefined ? { hour: Number(h), minute: Number(mi), second: Number(s ?? 0) } : {}),
    ...(offset ? { offset: normaliseOffset(offset) } : {}),
  });
  return parts ? { index: m.index, end: m.index + m[0].length, parts } : undefined;
}

function findYmdSlashed(text: string): DateMatch | undefined {
  const m = YMD_SLASHED.exec(text);
  if (!m) return undefined;
  return withTime(text, m, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

function findMonthDayYear(text: string): DateMatch | undefined {
  const m = MONTH_DAY_YEAR.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  if (month === undefined) return findMonthDayYearAfter(text, m);
  return withTime(text, m, { year: Number(m[3]), month, day: Number(m[2]) });
}

/** The first word-looking match may be any word ("on 20, 2020"); retry after it. */
function findMonthDayYearAfter(text: string, m: RegExpExecArray): DateMatch | undefined {
  const offset = m.index + (m[1]?.length ?? 1);
  const rest = findMonthDayYear(text.slice(offset));
  return rest ? { ...rest, index: rest.index + offset, end: rest.end + offset } : undefined;
}

function findDayMonthYear(text: string): DateMatch | undefined {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[2]);
  if (month === undefined) {
    const offset = m.index + (m[1]?.length ?? 1);
    const rest = findDayMonthYear(text.slice(offset));
    return rest ? { ...rest, index: rest.index + offset, end: rest.end + offset } : undefined;
  }
  return withTime(text, m, { year: Number(m[3]), month, day: Number(m[1]) });
}

function findNumericDate(text: string): DateMatch | undefined {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = Number(m[4]);
  const dayFirst = m[2] === "." || a > 12;
  if (!dayFirst && b <= 12) return undefined; // "03/04/2020" is ambiguous: refuse rather than guess
  return withTime(text, m, dayFirst ? { year, month: b, day: a } : { year, month: a, day: b });
}

function withTime(text: string, m: RegExpExecArray, date: DateParts): DateMatch | undefined {
  const end = m.index + m[0].length;
  const parts = checkParts({ ...date, ...readTime(text.slice(end)) });
  if (parts) return { index: m.index, end, parts };
  const dateOnly = checkParts(date);
  return dateOnly ? { index: m.index, end, parts: dateOnly } : undefined;
}

function readTime(rest: string): Partial<DateParts> {
  const t = TIME_AFTER_DATE.exec(rest);
  if (!t) return {};
  let hour = Number(t[1]);
  const meridiem = t[4]?.toLowerCase().replace(NOT_MERIDIEM_LETTER, "");
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  const offset = normaliseOffset(t[6] ?? t[5]);
  return {
    hour,
    minute: Number(t[2]),
    second: Number(t[3] ?? 0),
    ...(offset ? { offset } : {}),
  };
}

function monthNumber(word: string | undefined): number | undefined {
  return word ? MONTH_NUMBERS.get(word.toLowerCase()) : undefined;
}

/** "+0100" / "+01" / "+01:00" → "+01:00"; "Z", "UTC", "GMT" → "Z"; known abbreviations → offset. */
function normaliseOffset(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  const digits = OFFSET_DIGITS.exec(zone);
  if (digits) {
    const offset = `${digits[1]}${digits[2]}:${digits[3] ?? "00"}`;
    return offset === "+00:00" || offset === "-00:00" ? "Z" : offset;
  }
  return TIMEZONE_OFFSETS.get(zone.toLowerCase());
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function checkParts(parts: DateParts): DateParts | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  if (hour === undefined) return { year, month, day };
  if (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 60) return undefined;
  return parts;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatDate(parts: DateParts): string {
  const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  if (parts.hour === undefined) return date;
  return `${date}T${pad(parts.hour)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}${parts.offset ?? ""}`;
}
