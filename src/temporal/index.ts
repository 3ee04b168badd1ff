/**
 * The `times` stage (issue #4): dates and date ranges the article states, resolved against its reference
 * date when they are relative.
 *
 * Reference: the ORIGINAL publication date when the article is a republication (`article.original.published`
 * — "less than a week ago" in a Global Research repost of a South Front piece counts from South Front's
 * date), else `article.published`. With no usable reference, relative expressions are dropped (never
 * guessed); absolute ones are kept.
 *
 * Workflow per sentence (read in bounded windows):
 *   1. sitrep's own patterns (constants.ts), for what news says and chrono reads too narrowly:
 *        "less than a week ago" / "in the past two weeks" → reference − N units .. reference;
 *        "a week ago" → the week around that day; "two months ago" → that calendar month;
 *        "earlier this month" → 1st .. reference (month); "this week" → Monday .. reference (week);
 *        "last week/month/year" → the whole previous calendar week/month/year;
 *        "the past week/month/year" → reference − 1 unit .. reference;
 *        "recently" → RECENTLY_DAYS before the reference (week); "in recent days/weeks";
 *        "between 3 and 5 May", "from 3 May to 5 June", "from 2011 to 2014" → ranges;
 *        "in 2017" → the year; "since 2011" → 2011-01-01 .. reference;
 *        "more than a week ago" → open-ended: claimed and dropped.
 *   2. chrono-node (en-GB: day before month) for the rest: "on 12 March 2019", "December 2020", "yesterday",
 *      "two days ago", "May 2-4, 2021". A bare weekday ("on Monday") is the latest such day on or before the
 *      reference unless "next"/"coming" says otherwise; a date without a year that would fall more than
 *      FUTURE_GRACE_DAYS after the reference is put in the year before. Time-only results ("at 5 pm") and
 *      impossible dates ("31 February") are dropped.
 *   3. Overlaps: the longer expression wins; on a tie, sitrep's pattern wins over chrono.
 *   4. Years outside MIN_YEAR..MAX_YEAR are dropped; the layer is capped at MAX_TIMES_PER_DOC.
 */
import * as chrono from "chrono-node";
import type { Doc, Span } from "../core/doc.js";
import type { DatePrecision, TimeExpression } from "../core/events.js";
import { defineStage } from "../core/stage.js";
import { nounKind, numberWordValue } from "../lexicon/quantities.js";
import {
  CALENDAR_PERIOD,
  DATE_RANGE,
  DAY_RANGE,
  FORWARD_WORD,
  FUTURE_GRACE_DAYS,
  MAX_TIMES_PER_DOC,
  MAX_WINDOW_CHARS,
  MAX_YEAR,
  MIN_YEAR,
  MONTH_PREFIXES,
  MORE_THAN_AGO,
  RECENT_DAYS_DAYS,
  RECENT_WEEKS_DAYS,
  RECENTLY,
  RECENTLY_DAYS,
  THE_PAST,
  TRAILING_PUNCT,
  UNITS_AGO,
  URL,
  WEEK_AGO_HALF_WIDTH_DAYS,
  WITHIN_AGO,
  YEAR_ALONE,
  YEAR_RANGE,
} from "./constants.js";

/** The publication dates a Doc offers (ISO 8601 date or date-time strings). */
export interface TimeReference {
  published: string | null;
  original?: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar days (UTC midnight Dates; never local time)

const DAY_MS = 86_400_000;

/** A valid calendar day within MIN_YEAR..MAX_YEAR, or null ("31 February" → null). */
function makeDay(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return new Date(Date.UTC(year, month - 1, day));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Monday of the week `d` is in. */
function mondayOf(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}

function monthStart(d: Date, deltaMonths = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + deltaMonths, 1));
}

function monthEnd(d: Date, deltaMonths = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + deltaMonths + 1, 0));
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** "2020-12-18", "2020-12-18T10:00:00Z" → that calendar day as written; anything else → null. */
export function parseReference(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The reference a Doc's relative dates are resolved against: original publication, else publication. */
export function chooseReference(reference: TimeReference): Date | null {
  return parseReference(reference.original) ?? parseReference(reference.published);
}

function monthNumber(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Precision of a relative span, by its length in days (ACLED: day, week, month; beyond that, year). */
function precisionForDays(days: number): DatePrecision {
  if (days <= 1) return "day";
  if (days <= 14) return "week";
  if (days <= 62) return "month";
  return "year";
}

/** A day given without a year: in the year closest to the reference, or the year before if far ahead. */
function dayWithoutYear(month: number, day: number, ref: Date): Date | null {
  const year = ref.getUTCFullYear();
  const options = [year - 1, year, year + 1]
    .map((y) => makeDay(y, month, day))
    .filter((d): d is Date => d !== null);
  if (options.length === 0) return null;
  options.sort((a, b) => Math.abs(a.getTime() - ref.getTime()) - Math.abs(b.getTime() - ref.getTime()));
  const best = options[0] as Date;
  if (best.getTime() - ref.getTime() > FUTURE_GRACE_DAYS * DAY_MS)
    return makeDay(best.getUTCFullYear() - 1, month, day);
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  start: number;
  end: number;
  startDate: Date;
  endDate: Date;
  precision: DatePrecision;
  relative: boolean;
  /** Sitrep's own patterns win ties over chrono. */
  fromPattern: boolean;
  /** Claimed so that nothing else reads this text, but not recorded ("more than a week ago"). */
  drop?: boolean;
}

type Resolved = Omit<Candidate, "start" | "end" | "fromPattern">;

/** One pattern: its regex and what a match means (null: not a date after all). */
interface PatternRule {
  pattern: RegExp;
  needsReference: boolean;
  resolve(m: RegExpExecArray, ref: Date | null): Resolved | null;
}

function countOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  const n = numberWordValue(word);
  return n !== null && n > 0 && n <= 1000 ? n : null;
}

function unitDays(unit: string): number {
  const u = unit.toLowerCase().replace(/s$/, "");
  return u === "hour" ? 1 / 24 : u === "day" ? 1 : u === "week" ? 7 : u === "month" ? 30 : 365;
}

function span(startDate: Date, endDate: Date, precision: DatePrecision, relative: boolean): Resolved | null {
  if (startDate.getTime() > endDate.getTime()) return null;
  if (startDate.getUTCFullYear() < MIN_YEAR || endDate.getUTCFullYear() > MAX_YEAR) return null;
  return { startDate, endDate, precision, relative };
}

/** The dates of a claimed-only candidate (never output). */
const CLAIMED = new Date(Date.UTC(2000, 0, 1));

const RULES: readonly PatternRule[] = [
  {
    // "more than a week ago": no start can be given — claim it so chrono does not make it a single day.
    pattern: MORE_THAN_AGO,
    needsReference: false,
    resolve: () => ({ startDate: CLAIMED, endDate: CLAIMED, precision: "day", relative: true, drop: true }),
  },
  {
    pattern: WITHIN_AGO,
    needsReference: true,
    resolve(m, ref) {
      if (!ref) return null;
      const n = countOf(m[1]);
      if (n === null) return null;
      const days = Math.max(1, Math.ceil(n * unitDays(m[2] as string)));
      return span(addDays(ref, -days), ref, precisionForDays(days), true);
    },
  },
  {
    pattern: UNITS_AGO,
    needsReference: true,
    resolve(m, ref) {
      if (!ref) return null;
      const n = countOf(m[1]);
      if (n === null) return null;
      const unit = (m[2] as string).toLowerCase();
      if (unit === "week") {
        const centre = addDays(ref, -7 * n);
        const half = WEEK_AGO_HALF_WIDTH_DAYS;
        return span(addDays(centre, -half), minDate(addDays(centre, half), ref), "week", true);
      }
      if (unit === "month") return span(monthStart(ref, -n), monthEnd(ref, -n), "month", true);
      const y = ref.getUTCFullYear() - n;
      const start = makeDay(y, 1, 1);
      const end = makeDay(y, 12, 31);
      return start && end ? span(start, end, "year", true) : null;
    },
  },
  {
    pattern: THE_PAST,
    needsReference: true,
    resolve(m, ref) {
      if (!ref) return null;
      const unit = (m[1] as string).toLowerCase();
      if (unit === "week") return span(addDays(ref, -7), ref, "week", true);
      if (unit === "month") {
        const previous = monthEnd(ref, -1);
        return span(
          addDays(previous, Math.min(ref.getUTCDate(), previous.getUTCDate()) - previous.getUTCDate()),
          ref,
          "month",
          true,
        );
      }
      return span(addDays(ref, -365), ref, "year", true);
    },
  },
  {
    pattern: CALENDAR_PERIOD,
    needsReference: true,
    resolve(m, ref) {
      if (!ref) return null;
      const modifier = (m[1] ?? "").toLowerCase();
      const which = (m[2] as string).toLowerCase();
      const unit = (m[3] as string).toLowerCase();
      const later = modifier === "later";
      const y = ref.getUTCFullYear();
      if (which === "this") {
        if (unit === "week") {
          const monday = mondayOf(ref);
          return later ? span(ref, addDays(monday, 6), "week", true) : span(monday, ref, "week", true);
        }
        if (unit === "weekend") {
          const dow = ref.getUTCDay();
          const saturday = dow === 6 ? ref : dow === 0 ? addDays(ref, -1) : addDays(ref, -(dow + 1));
          return span(saturday, minDate(addDays(saturday, 1), ref), "week", true);
        }
        if (unit === "month") {
          return later ? span(ref, monthEnd(ref), "month", true) : span(monthStart(ref), ref, "month", true);
        }
        const jan1 = makeDay(y, 1, 1);
        const dec31 = makeDay(y, 12, 31);
        if (!jan1 || !dec31) return null;
        return later ? span(ref, dec31, "year", true) : span(jan1, ref, "year", true);
      }
      // last / previous / the previous: the whole previous calendar period.
      if (unit === "week") {
        const monday = addDays(mondayOf(ref), -7);
        return span(monday, addDays(monday, 6), "week", true);
      }
      if (unit === "weekend") {
        const dow = ref.getUTCDay();
        const sunday = addDays(ref, -(dow === 0 ? 7 : dow));
        return span(addDays(sunday, -1), sunday, "week", true);
      }
      if (unit === "month") return span(monthStart(ref, -1), monthEnd(ref, -1), "month", true);
      const start = makeDay(y - 1, 1, 1);
      const end = makeDay(y - 1, 12, 31);
      return start && end ? span(start, end, "year", true) : null;
    },
  },
  {
    pattern: RECENTLY,
    needsReference: true,
    resolve(m, ref) {
      if (!ref) return null;
      const kind = (m[1] ?? "").toLowerCase();
      const days = kind === "days" ? RECENT_DAYS_DAYS : kind === "weeks" ? RECENT_WEEKS_DAYS : RECENTLY_DAYS;
      return span(addDays(ref, -days), ref, precisionForDays(days), true);
    },
  },
  {
    pattern: DATE_RANGE,
    needsReference: false,
    resolve(m, ref) {
      const [, d1, mon1, y1, d2, mon2, y2] = m;
      const year2 = y2 ? Number(y2) : null;
      const year1 = y1 ? Number(y1) : year2;
      return dayRange(
        Number(d1),
        monthNumber(mon1 as string),
        year1,
        Number(d2),
        monthNumber(mon2 as string),
        year2,
        ref,
      );
    },
  },
  {
    pattern: DAY_RANGE,
    needsReference: false,
    resolve(m, ref) {
      const [, prefix, d1, joiner, d2, mon, y] = m;
      if ((joiner as string).toLowerCase() === "and" && (prefix ?? "").toLowerCase() !== "between")
        return null;
      const month = monthNumber(mon as string);
      const year = y ? Number(y) : null;
      return dayRange(Number(d1), month, year, Number(d2), month, year, ref);
    },
  },
  {
    pattern: YEAR_RANGE,
    needsReference: false,
    resolve(m) {
      const start = makeDay(Number(m[1]), 1, 1);
      const end = makeDay(Number(m[2]), 12, 31);
      return start && end ? span(start, end, "year", false) : null;
    },
  },
  {
    pattern: YEAR_ALONE,
    needsReference: false,
    resolve(m, ref) {
      const keyword = (m[1] as string).toLowerCase();
      const year = Number(m[2]);
      const start = makeDay(year, 1, 1);
      const end = makeDay(year, 12, 31);
      if (!start || !end) return null;
      // "in 2000 soldiers…" is a count: skip a year followed by a counted noun.
      const after = m.input.slice(m.index + m[0].length).match(/^\s+([\p{L}]+)/u);
      if (after && nounKind(after[1] as string)) return null;
      if (keyword === "since") return ref ? span(start, ref, "year", true) : null;
      return span(start, end, "year", false);
    },
  },
];

/** A day range; a missing year is inferred from the reference (and then the range is relative). */
function dayRange(
  d1: number,
  m1: number,
  y1: number | null,
  d2: number,
  m2: number,
  y2: number | null,
  ref: Date | null,
): Resolved | null {
  if ((y1 === null || y2 === null) && !ref) return null;
  const end = y2 !== null ? makeDay(y2, m2, d2) : ref ? dayWithoutYear(m2, d2, ref) : null;
  if (!end) return null;
  const startYear = y1 ?? (m1 > m2 ? end.getUTCFullYear() - 1 : end.getUTCFullYear());
  const start = makeDay(startYear, m1, d1);
  return start ? span(start, end, "day", y1 === null || y2 === null) : null;
}

// ---------------------------------------------------------------------------------------------------------
// chrono

const NO_REFERENCE_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));

function componentsDay(c: chrono.ParsedComponents): { y: number; m: number; d: number } | null {
  const y = c.get("year");
  const m = c.get("month");
  const d = c.get("day");
  return y === null || m === null || d === null ? null : { y, m, d };
}

function fromChrono(r: chrono.ParsedResult, ref: Date | null): Resolved | null {
  const s = r.start;
  const certain = (c: "day" | "month" | "year" | "weekday") => s.isCertain(c);
  if (!(certain("day") || certain("month") || certain("year") || certain("weekday"))) return null;
  const relativeTag = [...r.tags()].some((t) => /relative|casual/i.test(t));
  const weekdayOnly = certain("weekday") && !certain("day");
  const relative = !certain("year") || relativeTag || weekdayOnly;
  if (relative && !ref) return null;
  const precision: DatePrecision =
    certain("day") || weekdayOnly ? "day" : certain("month") ? "month" : "year";
  const sv = componentsDay(s);
  if (!sv) return null;
  let startDate = makeDay(sv.y, sv.m, sv.d);
  if (!startDate) return null;
  const ev = r.end ? componentsDay(r.end) : null;
  let endDate = ev ? makeDay(ev.y, ev.m, ev.d) : null;
  let shiftDays = 0;
  if (ref && weekdayOnly && !FORWARD_WORD.test(r.text)) {
    while (startDate.getTime() + shiftDays * DAY_MS > ref.getTime()) shiftDays -= 7;
  } else if (ref && !certain("year") && !relativeTag && precision !== "year") {
    const moved = precision === "day" ? dayWithoutYear(sv.m, sv.d, ref) : dayWithoutYear(sv.m, 1, ref);
    if (moved && moved.getUTCFullYear() !== startDate.getUTCFullYear()) {
      const years = moved.getUTCFullYear() - startDate.getUTCFullYear();
      startDate = makeDay(sv.y + years, sv.m, sv.d);
      endDate = ev ? makeDay(ev.y + years, ev.m, ev.d) : null;
      if (!startDate) return null;
    }
  }
  startDate = addDays(startDate, shiftDays);
  if (endDate) endDate = addDays(endDate, shiftDays);
  if (precision === "month") {
    startDate = monthStart(startDate);
    endDate = monthEnd(endDate ?? startDate);
  } else if (precision === "year") {
    const y = startDate.getUTCFullYear();
    startDate = makeDay(y, 1, 1) as Date;
    endDate = makeDay((endDate ?? startDate).getUTCFullYear(), 12, 31);
  }
  if (!endDate || endDate.getTime() < startDate.getTime()) endDate = startDate;
  return span(startDate, endDate, precision, relative);
}

// ---------------------------------------------------------------------------------------------------------
// Scan

function windows(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  while (s.end - start > MAX_WINDOW_CHARS) {
    const cut = text.lastIndexOf(" ", start + MAX_WINDOW_CHARS);
    const end = cut > start ? cut : start + MAX_WINDOW_CHARS;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: s.end });
  return out;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  const raw = text.slice(start, end);
  const tail = raw.replace(TRAILING_PUNCT, "");
  const lead = tail.length - tail.trimStart().length;
  return { start: start + lead, end: start + tail.length };
}

function candidatesIn(text: string, w: Span, ref: Date | null): Candidate[] {
  const slice = text.slice(w.start, w.end);
  const out: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needsReference && !ref) continue;
    rule.pattern.lastIndex = 0;
    for (const m of slice.matchAll(rule.pattern)) {
      const resolved = rule.resolve(m as RegExpExecArray, ref);
      if (!resolved) continue;
      const at = trimmed(text, w.start + (m.index ?? 0), w.start + (m.index ?? 0) + m[0].length);
      out.push({ ...resolved, ...at, fromPattern: true });
    }
  }
  const results = chrono.en.GB.parse(
    slice,
    { instant: ref ? new Date(ref.getTime() + 12 * 3_600_000) : NO_REFERENCE_INSTANT, timezone: 0 },
    { forwardDate: false },
  );
  for (const r of results) {
    const resolved = fromChrono(r, ref);
    if (!resolved) continue;
    const at = trimmed(text, w.start + r.index, w.start + r.index + r.text.length);
    if (at.end > at.start) out.push({ ...resolved, ...at, fromPattern: false });
  }
  return out;
}

/** Spans of URLs in the window: a date inside a link ("…/video/18.12.20_IMR.mp4") is not a stated date. */
function urlSpans(text: string, w: Span): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(w.start, w.end).matchAll(URL)) {
    out.push({ start: w.start + (m.index ?? 0), end: w.start + (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Keep the longest of overlapping candidates (sitrep's patterns first on a tie); drop claimed-only ones. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(b.fromPattern) - Number(a.fromPattern) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.filter((c) => !c.drop).sort((a, b) => a.start - b.start);
}

/**
 * Every date or date range in `text`, sentence by sentence (the whole text when `sentences` is empty).
 * Pure; never throws on odd input; bounded by MAX_TIMES_PER_DOC.
 */
export function findTimeExpressions(
  text: string,
  sentences: readonly Span[],
  reference: TimeReference,
): TimeExpression[] {
  const ref = chooseReference(reference);
  const refIso = ref ? iso(ref) : null;
  const out: TimeExpression[] = [];
  const spans = sentences.length > 0 ? sentences : [{ start: 0, end: text.length }];
  for (const sentence of spans) {
    for (const w of windows(text, sentence)) {
      const urls = urlSpans(text, w);
      for (const c of resolveOverlaps(candidatesIn(text, w, ref))) {
        if (out.length >= MAX_TIMES_PER_DOC) return out;
        if (urls.some((u) => c.start < u.end && u.start < c.end)) continue;
        out.push({
          id: `t${out.length + 1}`,
          start: c.start,
          end: c.end,
          text: text.slice(c.start, c.end),
          startDate: iso(c.startDate),
          endDate: iso(c.endDate),
          precision: c.precision,
          relative: c.relative,
          reference: c.relative ? refIso : null,
        });
      }
    }
  }
  return out;
}

export const timesStage = defineStage({
  name: "times",
  requires: ["sentences"],
  assigns: ["times"],
  run(doc: Doc) {
    doc.layers.times = findTimeExpressions(doc.text, doc.layers.sentences, {
      published: doc.article.published,
      original: doc.article.original?.published ?? null,
    });
    return doc;
  },
});
