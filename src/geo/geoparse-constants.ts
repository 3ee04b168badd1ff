/**
 * Knobs of place recognition and resolution. Set by hand on the seed and invented examples; to be
 * calibrated as a set against a development split we write ourselves — never against the geoparsing
 * benchmark corpora, which are test sets.
 */

/** Longest place name tried, in words ("Bosnia and Herzegovina", "Ras al Ayn"). */
export const MAX_NAME_WORDS = 5;
/** Population from which a place that is also a common English word is accepted mid-sentence. */
export const COMMON_WORD_MIN_POPULATION = 100_000;
/** A single-word name whose most populous candidate is smaller than this (and not a country or admin1) is
 * "weak": kept only with evidence that it is a place here — a locative ("in", "near"), a type word, a
 * "Town, State" comma, or the same name kept with such evidence elsewhere in the article. Most small
 * towns share their names with surnames and common nouns ("Smith", "Brown"). */
export const WEAK_MAX_POPULATION = 15_000;
/** A word of at most this many letters written in capitals is an acronym ("US", "UAE", "AP", "CEO"). */
export const ACRONYM_MAX_LETTERS = 4;
/** An acronym of at least this many letters may name an admin1 anywhere ("NSW"); shorter ones ("IN", "OR",
 * "ME" are also words) only after a town's comma ("Paducah, KY"). */
export const ADMIN1_ACRONYM_MIN_LETTERS = 3;
/** A line whose words are at least this share in capitals is a headline or a dateline ("MARKETS RALLY"). */
export const SHOUTED_LINE_MIN_SHARE = 0.6;
/** …counted only on lines with at least this many words. */
export const SHOUTED_LINE_MIN_WORDS = 3;
/** Candidates kept per mention after the lookup (most populous first). */
export const MAX_CANDIDATES = 50;
/** Sentences longer than this are scanned only in their first part (bounded work on degenerate input). */
export const MAX_SCAN_CHARS_PER_SENTENCE = 5000;
/** Mentions kept per document at most (bounded output on a list of 10,000 names). */
export const MAX_MENTIONS = 5000;

/** Score weights (see resolve.ts). Set as a set on the dev cases (test/cases/geo); don't tune one value in
 * isolation. */
export const WEIGHT = {
  population: 2.0,
  featurePrior: 1.0,
  typeCueMatch: 3.0,
  typeCueMismatch: -1.5,
  directionalRegion: 2.0,
  countryFocus: 1.0,
  admin1Named: 2.0,
  /** Scaled by the share of the article's other places in the same admin1 (see resolve.ts admin1Share). */
  admin1Focus: 1.5,
  /** Inside the admin1 or country written after a comma ("Springfield, Ill."): near-decisive. */
  within: 4.0,
  /** An admin1 whose seat has the same name ("Kharkiv"), with no type word or direction: the city is meant. */
  admin1SharesSeatName: -1.0,
  proximity: 1.0,
  /** Cap on admin1Named + admin1Focus + proximity together: the article's area is one piece of evidence. */
  localCap: 2.5,
  /** A curated region or natural feature (data/geo/features.en.tsv): chosen for news use. */
  curated: 1.0,
  /** Written as the record's own name, not one of its alternate names ("Chicago" is not Willard, Ohio). */
  primaryName: 2.0,
} as const;

/** Distinct places used as proximity anchors at most (an article names a few dozen; bounded work on a list
 * of 10,000 names). */
export const MAX_ANCHORS = 200;
/** Distance under which another resolved place counts as "near" for the proximity evidence. */
export const PROXIMITY_KM = 300;
/** Tolerance of a stated distance check: max(absolute, relative × stated). GeoNames points are one point
 * per town, so two towns "30 km apart" can be 20–40 km apart point to point. */
export const DISTANCE_TOLERANCE_KM = 10;
export const DISTANCE_TOLERANCE_RELATIVE = 0.25;
