/**
 * Knobs of place recognition and resolution. Set by hand on the seed and invented examples; to be
 * calibrated as a set against a development split we write ourselves — never against the geoparsing
 * benchmark corpora, which are test sets.
 */

/** Longest place name tried, in words ("Bosnia and Herzegovina", "Ras al Ayn"). */
export const MAX_NAME_WORDS = 5;
/** Population from which a place that is also a common English word is accepted mid-sentence. */
export const COMMON_WORD_MIN_POPULATION = 100_000;
/** Candidates kept per mention after the lookup (most populous first). */
export const MAX_CANDIDATES = 50;
/** Sentences longer than this are scanned only in their first part (bounded work on degenerate input). */
export const MAX_SCAN_CHARS_PER_SENTENCE = 5000;
/** Mentions kept per document at most (bounded output on a list of 10,000 names). */
export const MAX_MENTIONS = 5000;

/** Score weights (see resolve.ts). */
export const WEIGHT = {
  population: 1.0,
  featurePrior: 1.0,
  typeCueMatch: 3.0,
  typeCueMismatch: -1.5,
  directionalRegion: 2.0,
  countryFocus: 2.0,
  admin1Named: 2.0,
  proximity: 1.5,
  primaryName: 0.3,
} as const;

/** Distance under which another resolved place counts as "near" for the proximity evidence. */
export const PROXIMITY_KM = 300;
/** Tolerance of a stated distance check: max(absolute, relative × stated). GeoNames points are one point
 * per town, so two towns "30 km apart" can be 20–40 km apart point to point. */
export const DISTANCE_TOLERANCE_KM = 10;
export const DISTANCE_TOLERANCE_RELATIVE = 0.25;
