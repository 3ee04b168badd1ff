/**
 * Knobs and patterns of the `times` stage. The day counts are reading conventions (documented here), not
 * tuned values: no dated gold exists for issue #4 yet.
 */

/** Years outside this range are not dates sitrep records ("in 1850" may be history; "3000" is not a year). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * "recently", "just recently": ACLED records no vaguer time than a week (time_precision 2), so sitrep reads
 * "recently" as the two weeks before the reference, precision week, flagged relative.
 */
export const RECENTLY_DAYS = 14;
/** "in recent days": the week before the reference. "in recent weeks": four weeks. */
export const RECENT_DAYS_DAYS = 7;
export const RECENT_WEEKS_DAYS = 28;

/** "a week ago", "two weeks ago": the week centred on that day (±3 days), cut at the reference. */
export const WEEK_AGO_HALF_WIDTH_DAYS = 3;

/**
 * A date whose year the article leaves out ("on 3 March") is put in the year that makes it closest to the
 * reference (chrono's rule) — unless that lands more than this many days after the reference, in which case
 * the year before is taken: news reports mostly what has happened.
 */
export const FUTURE_GRACE_DAYS = 31;

/** Sentences are read in windows of at most this many characters, cut at a space. */
export const MAX_WINDOW_CHARS = 2000;
/** Output bound: a degenerate document yields at most this many time expressions. */
export const MAX_TIMES_PER_DOC = 500;

// --- patterns (compiled once; all case-insensitive, matched within one window) ------------------------------

const NUM = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})`;
const UNIT = "(?:hour|day|week|month|year)s?";
const MONTH_NAME =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20|21)\d\d)`;

/** "less than a week ago", "within two days", "in the past week", "over the last 24 hours". */
export const WITHIN_AGO = new RegExp(
  String.raw`\b(?:less than|under|within|in the (?:past|last)|over the (?:past|last)|during the (?:past|last))\s+(?:the\s+)?(${NUM})\s+(${UNIT})(?:\s+ago)?\b`,
  "giu",
);
/** "more than a week ago": open-ended — claimed so that chrono does not read it as a day, then dropped. */
export const MORE_THAN_AGO = new RegExp(
  String.raw`\b(?:more than|over)\s+(${NUM})\s+(${UNIT})\s+ago\b`,
  "giu",
);
/** "a week ago", "two months ago", "3 years ago" (days and hours are left to chrono). */
export const UNITS_AGO = new RegExp(String.raw`\b(${NUM})\s+(week|month|year)s?\s+ago\b`, "giu");
/** "the past week", "the past month": the last 7 days / month / year up to the reference. */
export const THE_PAST = /\b(?:the|this)\s+(?:past|last)\s+(week|month|year)\b/giu;
/** "earlier this month", "this week", "later this year", "late last year", "last month", "the previous week". */
export const CALENDAR_PERIOD =
  /\b(?:(earlier|early|later|late|mid-?)\s+)?(this|last|previous|the previous)\s+(week|weekend|month|year)\b/giu;
/** "recently", "just recently", "very recently", "only recently", "most recently", "in recent days/weeks". */
export const RECENTLY = /\b(?:(?:just|very|only|most|more)\s+)?recently\b|\bin\s+recent\s+(days|weeks)\b/giu;
/** "between 3 and 5 May [2021]", "from 3 to 5 May", "3 to 5 May": a day range within one month. */
export const DAY_RANGE = new RegExp(
  String.raw`\b(?:(between|from)\s+)?${DAY}\s*(and|to|until|till|-|–)\s*${DAY}\s+(${MONTH_NAME})\.?(?:,?\s+${YEAR})?\b`,
  "giu",
);
/** "between 3 May and 5 June [2021]", "from 3 May to 5 June 2021". */
export const DATE_RANGE = new RegExp(
  String.raw`\b(?:between|from)\s+${DAY}\s+(${MONTH_NAME})\.?(?:,?\s+${YEAR})?\s+(?:and|to|until|till)\s+${DAY}\s+(${MONTH_NAME})\.?(?:,?\s+${YEAR})?\b`,
  "giu",
);
/** "from 2011 to 2014", "between 2011 and 2014". */
export const YEAR_RANGE = new RegExp(
  String.raw`\b(?:between|from)\s+${YEAR}\s*(?:and|to|until|till|-|–)\s*${YEAR}\b`,
  "giu",
);
/** "in 2017", "since 2011", "during 2019", "early 2020", "mid-2018": a year on its own. */
export const YEAR_ALONE = new RegExp(
  String.raw`\b(in|since|during|throughout|until|till|before|after|early|late|mid-?|spring|summer|autumn|fall|winter)\s*(?:of\s+)?${YEAR}\b(?![.,]?\d)`,
  "giu",
);
/** Text of a chrono result that points forward: its weekday is not moved back. */
export const FORWARD_WORD = /\b(?:next|coming|following|upcoming)\b/iu;
/** A link written out in the text ("https://…", "www.…"). */
export const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
/** Leading / trailing characters trimmed from chrono's text ("On Monday," → "On Monday"). */
export const TRAILING_PUNCT = /[\s,.;:!?)"'’”]+$/u;
/** Month-name prefixes in calendar order (the month number is the index + 1). */
export const MONTH_PREFIXES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
