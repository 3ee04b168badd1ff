export {
  MAX_DIGITS,
  NOUNS_FILE,
  NUMBERS_FILE,
  PLAIN_INTEGER,
  QUALIFIERS_FILE,
  UNITS_FILE,
  VAGUE_FILE,
} from "../lexicon/quantities.js";
/**
 * Knobs and patterns of the `quantities` stage. Each bound says what it protects against; none is tuned
 * against a benchmark (issue #4 has no quantity gold yet), so change them freely but keep the tests green.
 */

/** Data files (under data/). */

/**
 * The largest count sitrep believes. Larger figures ("999999999999 killed", "2 billion people") are kept as
 * a quantity with `value: null` — a number was written, but it is no sane count of people or materiel.
 * One million is above any single-event figure in ACLED (the acledR sample's maximum is 485).
 */
export const MAX_COUNT = 1_000_000;

/** A digit run longer than this is never parsed (1 MB of digits costs one regex match, no BigInt maths). */

/**
 * What a ceiling-only figure ("up to 7", "fewer than 10") records: ACLED's estimate for a report of deaths
 * without a number, limited-scope case (acledR vignettes/fatalities.Rmd), never above the ceiling itself.
 */
export const UNSPECIFIED_COUNT = 3;

/** How many words after a count the counted noun may be ("3 Syrian army soldiers"). */
export const NOUN_WINDOW = 4;

/** At most this many words make one number phrase ("two thousand five hundred and twenty-one"). */
export const MAX_NUMBER_WORDS = 8;

/** Output bounds: a degenerate document (1 MB of "1 1 1 …") yields a bounded layer. */
export const MAX_QUANTITIES_PER_SENTENCE = 50;
export const MAX_QUANTITIES_PER_DOC = 1000;
/** Sentences longer than this are read in windows of this size, cut at a space. */
export const MAX_WINDOW_CHARS = 4000;

/**
 * A token: a number with inner separators, a word with inner hyphens/apostrophes/dots ("a.m"), or one mark.
 * Kept close to src/nlp's TOKEN so offsets agree, but words keep inner dots so "a.m." reads as a unit.
 */
export const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’‘ʼ.-][\p{L}\p{M}\p{N}]+)*|\S/gu;
/** A digit token: "3", "1,200", "3.5". */
export const DIGITS = /^\p{N}+(?:[.,]\p{N}+)*$/u;
/** "1,200" / "12,500,000": thousands groups. */
export const GROUPED_INTEGER = /^\d{1,3}(?:,\d{3})+$/;
/** Letters glued to a number that make it an ordinal ("5th"). */
export const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
/** Letters glued to a number that make it scientific notation ("1e309"). */
export const EXPONENT = /^e\d+$/i;
/** A word token (letters first). */
export const WORD = /^[\p{L}]/u;
/** Month names and abbreviations: a number beside one is a date, not a count. */
export const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
/** A four-digit figure read as a year unless a counted noun follows ("in 2017", but "2000 soldiers"). */
export const YEAR_LIKE = /^(?:19|20)\d\d$/;
/** Words before a number that make it an identifier, not a count ("No. 5", "Resolution 2254"). */
export const IDENTIFIER_BEFORE =
  /^(?:no|nos|number|#|resolution|article|route|highway|road|flight|unit|brigade|division|battalion|corps|regiment|squadron|page|chapter|section|paragraph|room|level|phase|version|item|line|gate|sector|block|zone|district|camp|point|hill|height|kilometre|km)$/i;
/** Currency marks before a number. */
export const CURRENCY_BEFORE = /^[$€£¥₽₺]$/u;
/** Words that end the search for a counted noun (verbs and clause words). */
export const NOUN_STOP =
  /^(?:were|was|are|is|be|been|being|have|has|had|will|would|could|may|might|and|or|but|who|which|that|after|before|in|on|at|by|to|from|with|when|while|during|killed|died|dead|injured|wounded|hurt|said|reported)$/i;
/** Words skipped between a count and its noun ("dozens of the", "3 more", "ten other"). */
export const NOUN_SKIP = /^(?:of|the|more|additional|further|other|such)$/i;
